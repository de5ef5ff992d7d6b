import type Database from 'better-sqlite3';
import { createKey } from '../../createKey.js';
import type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDestination,
  WebhookStore,
} from '../../webhooks/types.js';
import {
  prepareWebhookQueries,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookDestinationRow,
} from './prepareWebhookQueries.js';

function toDestination(row: WebhookDestinationRow): WebhookDestination {
  return {
    destinationId: row.public_id,
    projectId: row.project_public_id,
    name: row.name,
    url: row.url,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function toDelivery(row: WebhookDeliveryRow, attempts: WebhookAttempt[]): WebhookDelivery {
  return {
    deliveryId: row.public_id,
    destinationId: row.destination_public_id,
    source: row.source,
    persons: row.persons,
    status: row.status,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    attempts,
  };
}

function groupAttempts(rows: WebhookAttemptRow[]): Map<number, WebhookAttempt[]> {
  const byDelivery = new Map<number, WebhookAttempt[]>();
  for (const { delivery_id, at, status, error } of rows) {
    const attempts = byDelivery.get(delivery_id) ?? [];
    attempts.push({ at, status, error });
    byDelivery.set(delivery_id, attempts);
  }
  return byDelivery;
}

/** The SQLite store's webhook destinations, delivery queue and delivery log. */
export function createSqliteWebhookStore(
  db: Database.Database,
  getProjectRowId: (projectId: string) => number,
): WebhookStore {
  const queries = prepareWebhookQueries(db);
  const recordAttempt = db.transaction(
    (deliveryRowId: number, outcome: Parameters<WebhookStore['recordWebhookAttempt']>[1]) => {
      queries.insertAttempt(deliveryRowId, outcome);
      const status = outcome.delivered ? 'delivered' : outcome.nextAttemptAt === null ? 'failed' : 'pending';
      queries.updateDelivery(deliveryRowId, status, status === 'pending' ? outcome.nextAttemptAt : null);
    },
  );

  return {
    async createWebhookDestination({ projectId, name, url, createdBy }) {
      const projectRowId = getProjectRowId(projectId);
      const destinationId = createKey('whk', 9);
      const secret = createKey('whsec', 24);
      const now = Date.now();
      queries.insertDestination({ publicId: destinationId, projectRowId, name, url, secret }, createdBy, now);
      return { destinationId, projectId, name, url, createdBy, createdAt: now, secret };
    },
    async listWebhookDestinations(projectId) {
      return queries.getDestinationsOfProject(getProjectRowId(projectId)).map(toDestination);
    },
    async deleteWebhookDestination(projectId, destinationId) {
      return queries.deleteDestination(getProjectRowId(projectId), destinationId);
    },
    async enqueueWebhookDelivery({ projectId, destinationId, source, persons, body, at }) {
      const projectRowId = getProjectRowId(projectId);
      const destination = queries.getDestination(projectRowId, destinationId);
      if (destination === undefined) return undefined;
      const deliveryId = createKey('dlv', 9);
      const now = Date.now();
      queries.insertDelivery(
        { publicId: deliveryId, destinationRowId: destination.id, projectRowId, source, persons, body },
        at,
        now,
      );
      return {
        deliveryId,
        destinationId,
        source,
        persons,
        status: 'pending',
        createdAt: now,
        nextAttemptAt: at,
        attempts: [],
      };
    },
    async getDueWebhookDeliveries(now, limit) {
      return queries.getDueDeliveries(now, limit).map((row) => ({
        deliveryId: row.public_id,
        projectId: row.project_public_id,
        destinationId: row.destination_public_id,
        url: row.url,
        secret: row.secret,
        body: row.body,
        attempts: row.attempts,
      }));
    },
    async recordWebhookAttempt(deliveryId, outcome) {
      const deliveryRowId = queries.getDeliveryId(deliveryId);
      // Deleted with its destination meanwhile: nothing left to log.
      if (deliveryRowId !== undefined) recordAttempt(deliveryRowId, outcome);
    },
    async listWebhookDeliveries(projectId, destinationId, limit) {
      const destination = queries.getDestination(getProjectRowId(projectId), destinationId);
      if (destination === undefined) return [];
      const attempts = groupAttempts(queries.getAttemptsOfDestination(destination.id));
      return queries
        .getDeliveriesOfDestination(destination.id, limit)
        .map((row) => toDelivery(row, attempts.get(row.id) ?? []));
    },
  };
}
