import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../Store.js';
import { toEvent, type EventRow } from './toEvent.js';

/** A project's most recently stored events, newest first: the `(project_id, seq)` index, backwards. */
export function prepareGetLatestEvents(db: Database.Database) {
  const statement = db.prepare(`
    SELECT event_id, type, name, anonymous_id, user_id, claimed_user_id, timestamp,
           channel, category, properties, context
    FROM events
    WHERE project_id = ?
    ORDER BY seq DESC
    LIMIT ?
  `);
  return (projectRowId: number, limit: number): StoredEvent[] =>
    (statement.all(projectRowId, limit) as EventRow[]).map(toEvent);
}
