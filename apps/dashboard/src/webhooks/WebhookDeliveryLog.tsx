import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { formatCount } from '../format/formatPercent.js';

const STATUS_LABELS = { pending: 'Retrying', delivered: 'Delivered', failed: 'Failed' } as const;

/** A destination's deliveries, newest first, each attempt with its time, HTTP status and error. */
export function WebhookDeliveryLog({
  projectId,
  destination,
}: {
  projectId: string;
  destination: { destinationId: string; name: string };
}) {
  const trpc = useTRPC();
  const log = useQuery(
    trpc.webhooks.deliveries.queryOptions(
      { projectId, destinationId: destination.destinationId },
      // A retry is on its way while a delivery is pending: follow it.
      { refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'pending') ? 2_000 : false) },
    ),
  );
  if (log.isPending)
    return (
      <p class="notice" role="status">
        Loading the delivery log…
      </p>
    );
  if (log.isError) return <ErrorNotice error={log.error} onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <p class="notice">Nothing was sent to {destination.name} yet.</p>;
  return (
    <TableScroll label={`Deliveries to ${destination.name}`}>
      <table class="data-table">
        <caption>Deliveries to {destination.name}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Queued</th>
            <th scope="col">List</th>
            <th scope="col">Persons</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
          </tr>
        </thead>
        <tbody>
          {log.data.map((delivery) => (
            <tr key={delivery.deliveryId}>
              <td class="when">{formatDateTime(delivery.createdAt)}</td>
              <td>{delivery.source}</td>
              <td class="num">{formatCount(delivery.persons)}</td>
              <td>
                <span class={`status status-${delivery.status}`}>{STATUS_LABELS[delivery.status]}</span>
              </td>
              <td>
                <ol class="attempts">
                  {delivery.attempts.map((attempt) => (
                    <li key={attempt.at}>
                      <span class="when">{formatDateTime(attempt.at)}</span> {attempt.status ?? 'no answer'}
                      {attempt.error !== null && <span class="muted"> · {attempt.error}</span>}
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
