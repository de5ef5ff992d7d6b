import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../Store.js';
import { toEvent, type EventRow } from './toEvent.js';

/**
 * A stretch of one device's events, in (time, arrival) order: from (timestamp, seq)
 * included to (timestamp, seq) excluded.
 */
export interface DeviceSegment {
  anonymousId: string;
  from: [timestamp: number, seq: number];
  to: [timestamp: number, seq: number];
}

/** The events of several device segments, earliest first, ties in arrival order. */
export function prepareGetEventsInSegments(db: Database.Database) {
  // json_each keeps this one prepared statement whatever the number of segments.
  // CROSS JOIN fixes the loop order (SQLite's documented planner hint): segments
  // outside, each a range of the (project, anonymous_id, timestamp) index inside;
  // left to itself the planner may scan the whole project instead.
  const statement = db.prepare(`
    SELECT e.event_id, e.type, e.name, e.anonymous_id, e.user_id, e.claimed_user_id, e.timestamp,
           e.channel, e.category, e.properties, e.context
    FROM json_each(?) AS s
    CROSS JOIN events AS e
      ON e.project_id = ?
     AND e.anonymous_id = s.value ->> '$[0]'
     AND (e.timestamp, e.seq) >= (s.value ->> '$[1]', s.value ->> '$[2]')
     AND (e.timestamp, e.seq) < (s.value ->> '$[3]', s.value ->> '$[4]')
    ORDER BY e.timestamp, e.seq
    LIMIT ?
  `);
  return (projectRowId: number, segments: ReadonlyArray<DeviceSegment>, limit: number): StoredEvent[] => {
    const flat = segments.map((s) => [s.anonymousId, ...s.from, ...s.to]);
    return (statement.all(JSON.stringify(flat), projectRowId, limit) as EventRow[]).map(toEvent);
  };
}
