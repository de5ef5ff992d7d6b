import type { Friction } from '../api/types.js';
import { formatCount } from '../format/formatPercent.js';

/**
 * Friction at a glance, for a tile: how many loops, repeated contacts and long waits,
 * and the persons the largest of each touched (lists come most persons first).
 */
export function FrictionSummary({ friction }: { friction: Friction }) {
  const rows = [
    { label: 'Loops', items: friction.loops },
    { label: 'Repeated contacts', items: friction.repeatedContacts },
    { label: 'Long waits', items: friction.longWaits },
  ];
  return (
    <dl class="kpis">
      {rows.map(({ label, items }) => (
        <div key={label} class="kpi">
          <dt>{label}</dt>
          <dd>
            <span class="kpi-value">{formatCount(items.length)}</span>
            <span class="kpi-note">{formatCount(items[0]?.persons ?? 0)} persons in the largest</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
