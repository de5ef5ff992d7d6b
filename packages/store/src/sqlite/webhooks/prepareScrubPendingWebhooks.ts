import type Database from 'better-sqlite3';
import { parsePersonId } from '../../personId.js';
import type { PersonIds } from '../privacy/preparePersonRows.js';

/** A person of a queued body, as `buildWebhookBody` wrote it (only the id is always there). */
interface QueuedPerson {
  personId: string;
  anonymousIds?: string[];
  userIds?: string[];
}

/**
 * Takes the persons holding any of `ids` out of the project's webhook bodies not sent
 * yet (an erasure's or a withdrawal's part of the queue): a receiver never gets an
 * erased person after the erasure, even from a list queued before it. A person of a
 * body matches by their person id, a device or a user id. The body is signed when it is
 * sent, so a rewritten one is signed as it is. Delivered and failed bodies are already
 * gone (`updateDelivery`); a try already on its way cannot be called back. Answers how
 * many persons were taken out. Runs inside the erasure's transaction.
 */
export function prepareScrubPendingWebhooks(db: Database.Database) {
  const selectPending = db.prepare(`
    SELECT id, body FROM webhook_deliveries
    WHERE project_id = ? AND status = 'pending' AND body IS NOT NULL
  `);
  const updateBody = db.prepare(`UPDATE webhook_deliveries SET body = ?, persons = ? WHERE id = ?`);
  return (projectRowId: number, ids: PersonIds): number => {
    const anonymousIds = new Set(ids.anonymousIds);
    const userIds = new Set(ids.userIds);
    const holds = (person: QueuedPerson) => {
      const own = parsePersonId(person.personId);
      return (
        ('userId' in own ? userIds.has(own.userId) : anonymousIds.has(own.anonymousId)) ||
        (person.anonymousIds ?? []).some((id) => anonymousIds.has(id)) ||
        (person.userIds ?? []).some((id) => userIds.has(id))
      );
    };
    let removed = 0;
    for (const row of selectPending.all(projectRowId) as Array<{ id: number; body: string }>) {
      const body = JSON.parse(row.body) as { persons: QueuedPerson[] };
      const kept = body.persons.filter((person) => !holds(person));
      if (kept.length === body.persons.length) continue;
      removed += body.persons.length - kept.length;
      updateBody.run(JSON.stringify({ ...body, persons: kept }), kept.length, row.id);
    }
    return removed;
  };
}
