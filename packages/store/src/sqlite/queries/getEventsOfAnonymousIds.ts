import type Database from 'better-sqlite3';
import type { Event } from '@parcours/schema';
import { toEvent, type EventRow } from './toEvent.js';

/** The events of a set of anonymous ids, earliest first, ties in arrival order. */
export function prepareGetEventsOfAnonymousIds(db: Database.Database) {
  // json_each keeps this one prepared statement whatever the number of ids.
  const statement = db.prepare(`
    SELECT event_id, type, name, anonymous_id, user_id, timestamp, channel, category,
           properties, context
    FROM events
    WHERE project_id = ? AND anonymous_id IN (SELECT value FROM json_each(?))
    ORDER BY timestamp, seq
    LIMIT ?
  `);
  return (projectRowId: number, anonymousIds: ReadonlyArray<string>, limit: number): Event[] =>
    (statement.all(projectRowId, JSON.stringify(anonymousIds), limit) as EventRow[]).map(toEvent);
}
