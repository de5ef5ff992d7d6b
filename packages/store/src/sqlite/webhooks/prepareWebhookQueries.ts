import type Database from 'better-sqlite3';
import type { WebhookDeliveryStatus } from '../../webhooks/types.js';

export interface WebhookDestinationRow {
  id: number;
  public_id: string;
  project_public_id: string;
  name: string;
  url: string;
  secret: string;
  created_by: string;
  created_at: number;
}

export interface WebhookDeliveryRow {
  id: number;
  public_id: string;
  destination_public_id: string;
  source: string;
  persons: number;
  status: WebhookDeliveryStatus;
  next_attempt_at: number | null;
  created_at: number;
}

export interface DueWebhookDeliveryRow {
  id: number;
  public_id: string;
  project_public_id: string;
  destination_public_id: string;
  url: string;
  secret: string;
  body: string;
  attempts: number;
}

export interface WebhookAttemptRow {
  delivery_id: number;
  at: number;
  status: number | null;
  error: string | null;
}

const DESTINATION_COLUMNS = `d.id, d.public_id, p.public_id AS project_public_id, d.name, d.url, d.secret,
  d.created_by, d.created_at`;

/** The webhook queries, prepared once; placeholders only. */
export function prepareWebhookQueries(db: Database.Database) {
  const insertDestination = db.prepare(`
    INSERT INTO webhook_destinations (public_id, project_id, name, url, secret, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)
  `);
  const getDestinationsOfProject = db.prepare(`
    SELECT ${DESTINATION_COLUMNS} FROM webhook_destinations d JOIN projects p ON p.id = d.project_id
    WHERE d.project_id = ? ORDER BY d.created_at, d.id
  `);
  const getDestination = db.prepare(`
    SELECT ${DESTINATION_COLUMNS} FROM webhook_destinations d JOIN projects p ON p.id = d.project_id
    WHERE d.project_id = ? AND d.public_id = ?
  `);
  const deleteDestination = db.prepare(
    `DELETE FROM webhook_destinations WHERE project_id = ? AND public_id = ?`,
  );
  const insertDelivery = db.prepare(`
    INSERT INTO webhook_deliveries
      (public_id, destination_id, project_id, source, persons, body, next_attempt_at, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  `);
  const getDueDeliveries = db.prepare(`
    SELECT w.id, w.public_id, p.public_id AS project_public_id, d.public_id AS destination_public_id,
      d.url, d.secret, w.body, w.attempts
    FROM webhook_deliveries w
    JOIN webhook_destinations d ON d.id = w.destination_id
    JOIN projects p ON p.id = w.project_id
    WHERE w.status = 'pending' AND w.next_attempt_at <= ?
    ORDER BY w.next_attempt_at, w.id LIMIT ?
  `);
  const getDeliveryId = db.prepare(`SELECT id FROM webhook_deliveries WHERE public_id = ?`);
  const insertAttempt = db.prepare(
    `INSERT INTO webhook_attempts (delivery_id, at, status, error) VALUES (?, ?, ?, ?)`,
  );
  // A finished delivery's body goes: it held person ids and the properties picked.
  const updateDelivery = db.prepare(`
    UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?, next_attempt_at = ?,
      body = CASE WHEN ? = 'pending' THEN body ELSE NULL END
    WHERE id = ?
  `);
  const getDeliveriesOfDestination = db.prepare(`
    SELECT w.id, w.public_id, d.public_id AS destination_public_id, w.source, w.persons, w.status,
      w.next_attempt_at, w.created_at
    FROM webhook_deliveries w JOIN webhook_destinations d ON d.id = w.destination_id
    WHERE w.destination_id = ? ORDER BY w.created_at DESC, w.id DESC LIMIT ?
  `);
  const getAttemptsOfDestination = db.prepare(`
    SELECT a.delivery_id, a.at, a.status, a.error
    FROM webhook_attempts a JOIN webhook_deliveries w ON w.id = a.delivery_id
    WHERE w.destination_id = ? ORDER BY a.at, a.rowid
  `);

  return {
    insertDestination: (
      destination: { publicId: string; projectRowId: number; name: string; url: string; secret: string },
      createdBy: string,
      now: number,
    ) => {
      const { publicId, projectRowId, name, url, secret } = destination;
      insertDestination.run(publicId, projectRowId, name, url, secret, createdBy, now);
    },
    getDestinationsOfProject: (projectRowId: number) =>
      getDestinationsOfProject.all(projectRowId) as WebhookDestinationRow[],
    getDestination: (projectRowId: number, publicId: string) =>
      getDestination.get(projectRowId, publicId) as WebhookDestinationRow | undefined,
    deleteDestination: (projectRowId: number, publicId: string) =>
      deleteDestination.run(projectRowId, publicId).changes === 1,
    insertDelivery: (
      delivery: {
        publicId: string;
        destinationRowId: number;
        projectRowId: number;
        source: string;
        persons: number;
        body: string;
      },
      at: number,
      now: number,
    ) => {
      const { publicId, destinationRowId, projectRowId, source, persons, body } = delivery;
      insertDelivery.run(publicId, destinationRowId, projectRowId, source, persons, body, at, now);
    },
    getDueDeliveries: (now: number, limit: number) =>
      getDueDeliveries.all(now, limit) as DueWebhookDeliveryRow[],
    getDeliveryId: (publicId: string) => (getDeliveryId.get(publicId) as { id: number } | undefined)?.id,
    insertAttempt: (
      deliveryRowId: number,
      attempt: { at: number; status: number | null; error: string | null },
    ) => {
      insertAttempt.run(deliveryRowId, attempt.at, attempt.status, attempt.error);
    },
    updateDelivery: (deliveryRowId: number, status: WebhookDeliveryStatus, nextAttemptAt: number | null) => {
      updateDelivery.run(status, nextAttemptAt, status, deliveryRowId);
    },
    getDeliveriesOfDestination: (destinationRowId: number, limit: number) =>
      getDeliveriesOfDestination.all(destinationRowId, limit) as WebhookDeliveryRow[],
    getAttemptsOfDestination: (destinationRowId: number) =>
      getAttemptsOfDestination.all(destinationRowId) as WebhookAttemptRow[],
  };
}
