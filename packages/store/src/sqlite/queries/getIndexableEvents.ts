import type Database from 'better-sqlite3';
import type { EventType, Properties } from '@parcours/schema';
import type { IndexableEvent } from '../../engine/JourneyIndex.js';

type Row = [number, EventType, string, string, string | null, number, string | null, string | null];

/**
 * The events of a project committed after `afterSeq`, in arrival order, as the
 * journey index needs them: one statement for the cold build (after 0) and every
 * catch-up. Properties are read only when asked (the index holds property columns);
 * `events_by_project_seq` serves the order without sorting.
 */
export function prepareGetIndexableEvents(db: Database.Database) {
  const columns = 'seq, type, name, anonymous_id, user_id, timestamp, channel';
  const withoutProperties = db
    .prepare(`SELECT ${columns}, NULL FROM events WHERE project_id = ? AND seq > ? ORDER BY seq`)
    .raw();
  const withProperties = db
    .prepare(`SELECT ${columns}, properties FROM events WHERE project_id = ? AND seq > ? ORDER BY seq`)
    .raw();
  return function* (
    projectRowId: number,
    afterSeq: number,
    options: { properties: boolean },
  ): Generator<{ seq: number; event: IndexableEvent }> {
    const statement = options.properties ? withProperties : withoutProperties;
    for (const row of statement.iterate(projectRowId, afterSeq) as Iterable<Row>) {
      const event: IndexableEvent = {
        type: row[1],
        name: row[2],
        anonymousId: row[3],
        userId: row[4] ?? undefined,
        timestamp: row[5],
        channel: row[6] ?? undefined,
      };
      if (row[7] !== null) event.properties = JSON.parse(row[7]) as Properties;
      yield { seq: row[0], event };
    }
  };
}
