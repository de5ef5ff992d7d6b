import {
  createKey,
  type DueWebhookDelivery,
  type Project,
  type ReportBrand,
  type ReportStore,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDestination,
  type WebhookStore,
} from '@parcours/store';
import type { Records } from './createRecords.js';

/** A destination's record: the destination and its signing secret. */
interface DestinationRecord extends WebhookDestination {
  secret: string;
}

/** A delivery's record: the log entry, its queue fields and its body (null once delivered or given up). */
interface DeliveryRecord extends WebhookDelivery {
  projectId: string;
  body: string | null;
}

/** A destination's record id: unique across projects, listed by its owner (the project id). */
const destinationRecordId = (projectId: string, destinationId: string) => `${projectId}:${destinationId}`;

function toDelivery({ projectId: _projectId, body: _body, ...delivery }: DeliveryRecord): WebhookDelivery {
  return delivery;
}

/**
 * Webhook destinations and their delivery queue as shared records, so that every
 * `parcours start --clickhouse` process sees the same destinations, queue and log:
 * kind `webhook_destination` (owner the project id) and `webhook_delivery` (owner the
 * destination's record id), each delivery holding its attempts. A try rewrites its
 * delivery's record; delivered or given up, the body is blanked (it held person ids).
 * Several processes may pick the same due delivery in the same second: delivery is at
 * least once, and receivers drop repeats by the `Parcours-Delivery` header (docs/webhooks.md).
 */
export function createWebhookState(
  records: Records,
  requireProject: (projectId: string) => Promise<Project>,
): WebhookStore {
  const getDestination = async (projectId: string, destinationId: string) => {
    await requireProject(projectId);
    return records.get<DestinationRecord>(
      'webhook_destination',
      destinationRecordId(projectId, destinationId),
    );
  };
  const listDeliveries = async (projectId: string, destinationId: string) =>
    (
      await records.list<DeliveryRecord>('webhook_delivery', destinationRecordId(projectId, destinationId))
    ).map((row) => row.value);

  return {
    async createWebhookDestination({ projectId, name, url, createdBy }) {
      await requireProject(projectId);
      const destination: DestinationRecord = {
        destinationId: createKey('whk', 9),
        projectId,
        name,
        url,
        createdBy,
        createdAt: Date.now(),
        secret: createKey('whsec', 24),
      };
      await records.put(
        'webhook_destination',
        destinationRecordId(projectId, destination.destinationId),
        destination,
        projectId,
      );
      return destination;
    },
    async listWebhookDestinations(projectId) {
      await requireProject(projectId);
      const rows = await records.list<DestinationRecord>('webhook_destination', projectId);
      return rows.map(({ value: { secret: _secret, ...destination } }) => destination);
    },
    async deleteWebhookDestination(projectId, destinationId) {
      if ((await getDestination(projectId, destinationId)) === undefined) return false;
      const owner = destinationRecordId(projectId, destinationId);
      const deliveries = await listDeliveries(projectId, destinationId);
      await records.remove(
        'webhook_delivery',
        deliveries.map((delivery) => delivery.deliveryId),
        owner,
      );
      await records.remove('webhook_destination', [owner], projectId);
      return true;
    },
    async enqueueWebhookDelivery({ projectId, destinationId, source, persons, body, at }) {
      if ((await getDestination(projectId, destinationId)) === undefined) return undefined;
      const delivery: DeliveryRecord = {
        deliveryId: createKey('dlv', 9),
        destinationId,
        projectId,
        source,
        persons,
        status: 'pending',
        createdAt: Date.now(),
        nextAttemptAt: at,
        attempts: [],
        body,
      };
      await records.put(
        'webhook_delivery',
        delivery.deliveryId,
        delivery,
        destinationRecordId(projectId, destinationId),
      );
      return toDelivery(delivery);
    },
    async getDueWebhookDeliveries(now, limit) {
      const due = (await records.list<DeliveryRecord>('webhook_delivery'))
        .map((row) => row.value)
        .filter((delivery) => delivery.status === 'pending' && (delivery.nextAttemptAt ?? Infinity) <= now)
        .sort((a, b) => a.nextAttemptAt! - b.nextAttemptAt! || a.createdAt - b.createdAt)
        .slice(0, limit);
      const destinations = await records.getMany<DestinationRecord>('webhook_destination', [
        ...new Set(due.map((delivery) => destinationRecordId(delivery.projectId, delivery.destinationId))),
      ]);
      const byId = new Map(destinations.map((row) => [row.id, row.value]));
      return due.flatMap((delivery): DueWebhookDelivery[] => {
        const destination = byId.get(destinationRecordId(delivery.projectId, delivery.destinationId));
        if (destination === undefined || delivery.body === null) return [];
        return [
          {
            deliveryId: delivery.deliveryId,
            projectId: delivery.projectId,
            destinationId: delivery.destinationId,
            url: destination.url,
            secret: destination.secret,
            body: delivery.body,
            attempts: delivery.attempts.length,
          },
        ];
      });
    },
    async recordWebhookAttempt(deliveryId, outcome) {
      const found = await records.get<DeliveryRecord>('webhook_delivery', deliveryId);
      // Deleted with its destination meanwhile: nothing left to log.
      if (found === undefined) return;
      const status = outcome.delivered ? 'delivered' : outcome.nextAttemptAt === null ? 'failed' : 'pending';
      const attempt: WebhookAttempt = { at: outcome.at, status: outcome.status, error: outcome.error };
      const delivery: DeliveryRecord = {
        ...found,
        status,
        nextAttemptAt: status === 'pending' ? outcome.nextAttemptAt : null,
        attempts: [...found.attempts, attempt],
        body: status === 'pending' ? found.body : null,
      };
      await records.put(
        'webhook_delivery',
        deliveryId,
        delivery,
        destinationRecordId(found.projectId, found.destinationId),
      );
    },
    async listWebhookDeliveries(projectId, destinationId, limit) {
      if ((await getDestination(projectId, destinationId)) === undefined) return [];
      const deliveries = await listDeliveries(projectId, destinationId);
      return deliveries.reverse().slice(0, limit).map(toDelivery);
    },
  };
}

/** Each project's report brand as a shared record (kind `report_brand`, id the project id). */
export function createReportBrandState(
  records: Records,
  requireProject: (projectId: string) => Promise<Project>,
): ReportStore {
  return {
    async getReportBrand(projectId) {
      await requireProject(projectId);
      return records.get<ReportBrand>('report_brand', projectId);
    },
    async setReportBrand(projectId, brand) {
      await requireProject(projectId);
      await records.put('report_brand', projectId, brand);
    },
  };
}
