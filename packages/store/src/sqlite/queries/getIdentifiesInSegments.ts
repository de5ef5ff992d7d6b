import type Database from 'better-sqlite3';
import type { Properties } from '@parcours/schema';
import type { DeviceSegment } from './getEventsInSegments.js';

/**
 * The properties (traits) of the identifies in several device segments (a person's,
 * see `resolvePerson`), earliest first, ties in arrival order: a profile's traits
 * without reading the person's other events.
 */
export function prepareGetIdentifiesInSegments(db: Database.Database) {
  // As getEventsInSegments: segments outside, each a range of the anonymous-id index inside.
  const statement = db
    .prepare(
      `SELECT e.timestamp, e.properties
       FROM json_each(?) AS s
       CROSS JOIN events AS e
         ON e.project_id = ?
        AND e.anonymous_id = s.value ->> '$[0]'
        AND (e.timestamp, e.seq) >= (s.value ->> '$[1]', s.value ->> '$[2]')
        AND (e.timestamp, e.seq) < (s.value ->> '$[3]', s.value ->> '$[4]')
       WHERE e.type = 'identify' AND e.properties IS NOT NULL
       ORDER BY e.timestamp, e.seq`,
    )
    .raw();
  return (
    projectRowId: number,
    segments: ReadonlyArray<DeviceSegment>,
  ): Array<{ timestamp: number; properties: Properties }> => {
    const flat = segments.map((s) => [s.anonymousId, ...s.from, ...s.to]);
    return (statement.all(JSON.stringify(flat), projectRowId) as Array<[number, string]>).map(
      ([timestamp, properties]) => ({ timestamp, properties: JSON.parse(properties) as Properties }),
    );
  };
}
