import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDateTime } from '../format/formatDateTime.js';
import type { PageProps } from '../pages.js';
import { CreateWebhookForm } from './CreateWebhookForm.js';
import { WebhookDeliveryLog } from './WebhookDeliveryLog.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Owners and analysts: where drop-off lists, persons lists and friction lists can be
 * sent (a campaign or CRM tool), each destination's delivery log, and removal.
 */
export function WebhooksPage({ project }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { projectId: project.projectId };
  const destinations = useQuery(trpc.webhooks.list.queryOptions(input));
  const [shown, setShown] = useState<string | undefined>();
  const remove = useMutation(
    trpc.webhooks.remove.mutationOptions({
      onSuccess: () => refetchAfterWrite(queryClient, trpc.webhooks.list.queryFilter(input)),
    }),
  );
  const shownDestination = destinations.data?.find((d) => d.destinationId === shown);

  return (
    <>
      <h1>Webhooks</h1>
      <p class="help">
        A drop-off list, a persons list or a friction list can be sent from its page to a destination here.
        Only person ids and the ids and traits the sender picks leave Parcours, signed with the destination's
        secret (HMAC-SHA256), retried with growing waits until the receiver answers 2xx. Every send is in the
        audit log.
      </p>
      <CreateWebhookForm projectId={project.projectId} />
      {remove.isError && <ErrorNotice error={remove.error} />}
      {destinations.isPending && (
        <p class="notice" role="status">
          Loading the destinations…
        </p>
      )}
      {destinations.isError && (
        <ErrorNotice error={destinations.error} onRetry={() => void destinations.refetch()} />
      )}
      {destinations.data && destinations.data.length === 0 && <p class="notice">No destination yet.</p>}
      {destinations.data && destinations.data.length > 0 && (
        <TableScroll label="Webhook destinations">
          <table class="data-table">
            <caption>Webhook destinations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">URL</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {destinations.data.map((destination) => (
                <tr key={destination.destinationId}>
                  <th scope="row">{destination.name}</th>
                  <td class="id">{destination.url}</td>
                  <td class="when">
                    {formatDateTime(destination.createdAt)}{' '}
                    <span class="muted">by {destination.createdBy}</span>
                  </td>
                  <td class="actions">
                    <button
                      type="button"
                      class="button-secondary button-small"
                      aria-pressed={shown === destination.destinationId}
                      onClick={() =>
                        setShown(shown === destination.destinationId ? undefined : destination.destinationId)
                      }
                    >
                      Delivery log<span class="visually-hidden"> of {destination.name}</span>
                    </button>{' '}
                    <ConfirmButton
                      label="Remove"
                      target={destination.name}
                      question="Remove it and its log?"
                      isPending={remove.isPending}
                      onConfirm={() => remove.mutate({ ...input, destinationId: destination.destinationId })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {shownDestination && (
        <section class="card" aria-labelledby="delivery-log-heading">
          <h2 id="delivery-log-heading">Delivery log: {shownDestination.name}</h2>
          <WebhookDeliveryLog projectId={project.projectId} destination={shownDestination} />
        </section>
      )}
    </>
  );
}
