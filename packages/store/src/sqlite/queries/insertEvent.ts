import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../Store.js';

/**
 * Appends one event (never its `userHash`) with the policy version its batch was
 * collected under (null: none); returns false when the project already has its id.
 */
export function prepareInsertEvent(db: Database.Database) {
  const statement = db.prepare(`
    INSERT OR IGNORE INTO events
      (project_id, event_id, type, name, anonymous_id, user_id, claimed_user_id, timestamp,
       channel, category, properties, context, received_at, policy_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  `);
  return (
    projectRowId: number,
    event: StoredEvent,
    receivedAt: number,
    policyVersion: number | null = null,
  ): boolean =>
    statement.run(
      projectRowId,
      event.id,
      event.type,
      event.name,
      event.anonymousId,
      event.userId ?? null,
      event.claimedUserId ?? null,
      event.timestamp,
      event.channel ?? null,
      event.category ?? null,
      event.properties === undefined ? null : JSON.stringify(event.properties),
      event.context === undefined ? null : JSON.stringify(event.context),
      receivedAt,
      policyVersion,
    ).changes === 1;
}
