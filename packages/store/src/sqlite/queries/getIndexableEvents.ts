import type Database from 'better-sqlite3';
import type { EventType } from '@parcours/schema';
import type { IndexableEvent } from '../../engine/JourneyIndex.js';

/** Every event of a project in arrival order, as the journey index needs them (no properties). */
export function prepareGetIndexableEvents(db: Database.Database) {
  const statement = db
    .prepare(
      `SELECT type, name, anonymous_id, user_id, timestamp, channel FROM events WHERE project_id = ? ORDER BY seq`,
    )
    .raw();
  return function* (projectRowId: number): Generator<IndexableEvent> {
    for (const row of statement.iterate(projectRowId) as Iterable<
      [EventType, string, string, string | null, number, string | null]
    >) {
      yield {
        type: row[0],
        name: row[1],
        anonymousId: row[2],
        userId: row[3] ?? undefined,
        timestamp: row[4],
        channel: row[5] ?? undefined,
      };
    }
  };
}
