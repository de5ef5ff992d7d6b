import type { SegmentDefinition } from '@parcours/schema';
import { fromVisibleEventCopies } from './fromVisibleEvents.js';
import { selectSegmentPersons } from './selectSegmentPersons.js';
import { quoteString } from './sqlLiteral.js';

/**
 * The project a per-person query reads, and the segment it is narrowed to, if any: a
 * target with a `segment` holds only the rows of that segment's persons
 * (`selectSegmentPersons`), so every per-person query answers for the segment alone.
 */
export interface PersonTarget {
  database: string;
  projectId: string;
  segment?: SegmentDefinition | undefined;
}

/** Which events `selectPersonSegments` reads. */
export interface PersonSegmentsOptions {
  /** SQL over the event's columns: only the touchpoints for which it holds (and every link). Default all. */
  keep?: string | undefined;
  /** Only these devices' events (a non-empty list). Default every device. */
  devices?: ReadonlyArray<string> | undefined;
}

/** Column aliases become SQL identifiers: lower-case letters, digits and `_` only. */
export function checkColumnAliases(columns: Record<string, string>): string[] {
  const names = Object.keys(columns);
  for (const name of names)
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`bad column alias ${name}`);
  return names;
}

/**
 * SQL of a subquery with one row per segment of a device: `person` (`u:<user id>` or
 * `d:<device>`) and `segment`, the touchpoints of one run of the device's events that
 * belong to that person, as tuples `(timestamp, arrival, ...columns)` sorted by time
 * then arrival. Each column is an expression over the event's `name`, `channel`,
 * `properties` and `timestamp`, evaluated on the stored row, so that only what a
 * query needs (a step mask, not the JSON of the properties) is carried.
 *
 * Identity stitching, as the SQLite engine does it (docs/decisions.md, "Hardening:
 * identities": two user ids never merge through a shared device): per device, its
 * events in (time, arrival) order; the links are its events carrying a user id; an
 * event belongs to the user of the latest link at or before it, or to the first linked
 * user before any link; a device never linked is its own person. A device is one
 * segment unless its links change the user, so a person's touchpoints are grouped
 * once per device, never once per event (issue 10: the 10M benchmark).
 *
 * Exactly-once without `FINAL`: the events are read as stored (`fromVisibleEventCopies`)
 * and the copies of a replayed event (same device, time and id, `createTables`) are
 * collapsed here, keeping the first to arrive, the copy FINAL keeps. FINAL merged
 * every part in one stream, on one core, before any grouping.
 */
export function selectPersonSegments(
  target: PersonTarget,
  columns: Record<string, string>,
  options: PersonSegmentsOptions = {},
): string {
  const { segment, ...whole } = target;
  const segments = selectAllPersonSegments(whole, columns, options);
  // The segment's persons are found over all their touchpoints, stitched the same way.
  return segment === undefined
    ? segments
    : `SELECT * FROM (${segments}) WHERE person IN (${selectSegmentPersons(whole, segment)})`;
}

/** `selectPersonSegments` for every person of the project. */
function selectAllPersonSegments(
  target: { database: string; projectId: string },
  columns: Record<string, string>,
  { keep, devices }: PersonSegmentsOptions,
): string {
  const names = checkColumnAliases(columns);
  const raw = names.map((name) => `,\n            ${columns[name]} AS ${name}`).join('');
  // (timestamp, arrival, user_id, is_touchpoint, id, ...columns): the segment keeps 1, 2 and 6…
  const tuple = ['timestamp', 'arrival', 'user_id', 'is_touchpoint', 'id', ...names];
  const kept = [
    'tupleElement(x, 1)',
    'tupleElement(x, 2)',
    ...names.map((_, i) => `tupleElement(x, ${i + 6})`),
  ];
  const only = [
    keep === undefined ? '' : ` AND (user_id != '' OR (${keep}))`,
    devices === undefined ? '' : ` AND anonymous_id IN (${devices.map(quoteString).join(', ')})`,
  ].join('');
  const touchpoint = keep === undefined ? `type != 'identify'` : `type != 'identify' AND (${keep})`;
  return `SELECT
        if(empty(links), concat('d:', anonymous_id), concat('u:', touchpoint_owners[segment_start])) AS person,
        arraySlice(touchpoints, segment_start, segment_length) AS segment
      FROM (
        SELECT anonymous_id, links, touchpoints, touchpoint_owners, segment_starts,
          arrayPopFront(arrayDifference(arrayPushBack(segment_starts, length(touchpoints) + 1))) AS segment_lengths
        FROM (
          SELECT anonymous_id, links, touchpoints, touchpoint_owners,
            arrayFilter((i, owner, previous) -> i = 1 OR owner != previous,
              arrayEnumerate(touchpoint_owners), touchpoint_owners,
              arraySlice(arrayPushFront(touchpoint_owners, ''), 1, length(touchpoint_owners))) AS segment_starts
          FROM (
            SELECT anonymous_id, links,
              arrayMap(x -> (${kept.join(', ')}), arrayFilter(x -> tupleElement(x, 4) = 1, device_events)) AS touchpoints,
              arrayFilter((owner, x) -> tupleElement(x, 4) = 1,
                arrayMap((c, l) -> l[greatest(c, 1)], link_counts, replicate(links, link_counts)), device_events) AS touchpoint_owners
            FROM (
              SELECT anonymous_id, device_events,
                arrayFilter(u -> u != '', arrayMap(x -> tupleElement(x, 3), device_events)) AS links,
                arrayCumSum(arrayMap(x -> tupleElement(x, 3) != '', device_events)) AS link_counts
              FROM (
                SELECT anonymous_id,
                  arraySort(groupArray((${tuple.join(', ')}))) AS stored,
                  arrayFilter((x, copy) -> copy = 1, stored,
                    arrayEnumerateUniq(arrayMap(x -> tupleElement(x, 1), stored), arrayMap(x -> tupleElement(x, 5), stored))) AS device_events
                FROM (
                  SELECT anonymous_id, timestamp, arrival, user_id, id, toUInt8(${touchpoint}) AS is_touchpoint${raw}
                  FROM ${fromVisibleEventCopies(target)}${only}
                )
                GROUP BY anonymous_id
              )
            )
          )
        )
      )
      ARRAY JOIN segment_starts AS segment_start, segment_lengths AS segment_length`;
}
