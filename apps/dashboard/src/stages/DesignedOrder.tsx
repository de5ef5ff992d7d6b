import type { Stages } from '../api/types.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';

/**
 * The map as designed against as lived: the share of persons who went through the
 * stages in the designed order, and the orders the others followed most.
 */
export function DesignedOrder({ order }: { order: Stages['designedOrder'] }) {
  if (order.persons === 0) return null;
  return (
    <section class="card designed-order" aria-labelledby="designed-order-heading">
      <h2 id="designed-order-heading">Designed against lived</h2>
      <p>
        <strong>{formatPercent(order.following / order.persons)}</strong> of {formatCount(order.persons)}{' '}
        persons went through the stages in the designed order (none skipped, none out of order).
      </p>
      {order.deviations.length > 0 && (
        <>
          <h3>Most common other orders</h3>
          <ol>
            {order.deviations.map((deviation) => (
              <li key={deviation.stages.join('→')}>
                {deviation.stages.join(' → ')}{' '}
                <span class="muted">· {formatCount(deviation.persons)} persons</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
