import type { SegmentDefinition } from '@parcours/schema';
import { fromVisibleEvents } from './fromVisibleEvents.js';
import { selectSegmentPersons } from './selectSegmentPersons.js';
import { quoteString } from './sqlLiteral.js';

/** Column aliases become SQL identifiers: lower-case letters, digits and `_` only. */
export function checkColumnAliases(columns: Record<string, string>): string[] {
  const names = Object.keys(columns);
  for (const name of names)
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`bad column alias ${name}`);
  return names;
}

/** Which events `selectPersonRows` reads. */
export interface PersonRowsOptions {
  /** SQL over the event's columns: only the touchpoints for which it holds (and every link). Default all. */
  keep?: string | undefined;
  /** Only these devices' events (a non-empty list). Default every device. */
  devices?: ReadonlyArray<string> | undefined;
}

/**
 * SQL of a subquery with one row per touchpoint (identifies are links, not
 * touchpoints): `person` (`u:<user id>` or `d:<device>`), `timestamp`, `arrival`, and
 * one column per entry of `columns`: an expression over the event's `name`, `channel`,
 * `properties` and `timestamp`, evaluated on the stored row, so that only what a query
 * needs (a step mask, not the JSON of the properties) is carried through the grouping.
 * With `keep`, only the touchpoints for which it holds are returned, and only they
 * and the links are grouped: a funnel needs neither the rest nor their cost. With
 * `devices`, only those devices are read (a person's page: stitching is per device,
 * so their rows are the same as in a read of every device).
 *
 * Identity stitching, as the SQLite engine does it (docs/decisions.md, "Hardening:
 * identities": two user ids never merge through a shared device): per device, its
 * events in (time, arrival) order; the links are its events carrying a user id; an
 * event belongs to the user of the latest link at or before it (a running count of
 * links indexes the list of linked users), or to the first linked user before any
 * link; a device never linked is its own person. A `target` with a `segment` holds
 * only the rows of the persons it holds (`selectSegmentPersons`).
 */
export function selectPersonRows(
  target: { database: string; projectId: string; segment?: SegmentDefinition | undefined },
  columns: Record<string, string>,
  options: PersonRowsOptions = {},
): string {
  const { segment, ...whole } = target;
  const rows = selectAllPersonRows(whole, columns, options);
  // The segment's persons are found over every touchpoint, stitched the same way.
  return segment === undefined
    ? rows
    : `SELECT * FROM (${rows}) WHERE person IN (${selectSegmentPersons(whole, segment)})`;
}

/** `selectPersonRows` for every person of the project. */
function selectAllPersonRows(
  target: { database: string; projectId: string },
  columns: Record<string, string>,
  { keep, devices }: PersonRowsOptions,
): string {
  const names = checkColumnAliases(columns);
  const raw = names.map((name) => `${columns[name]} AS ${name}`);
  const tuple = ['timestamp', 'arrival', 'user_id', 'is_touchpoint', ...names];
  const unpack = names.map((name, i) => `tupleElement(event, ${i + 5}) AS ${name}`);
  const only = [
    keep === undefined ? '' : ` AND (user_id != '' OR (${keep}))`,
    devices === undefined ? '' : ` AND anonymous_id IN (${devices.map(quoteString).join(', ')})`,
  ].join('');
  const touchpoint = keep === undefined ? `type != 'identify'` : `type != 'identify' AND (${keep})`;
  return `SELECT
        if(empty(links), concat('d:', anonymous_id), concat('u:', links[greatest(link_count, 1)])) AS person,
        tupleElement(event, 1) AS timestamp,
        tupleElement(event, 2) AS arrival${unpack.map((u) => `,\n        ${u}`).join('')}
      FROM (
        SELECT anonymous_id,
          arraySort(groupArray((${tuple.join(', ')}))) AS device_events,
          arrayFilter(u -> u != '', arrayMap(x -> tupleElement(x, 3), device_events)) AS links,
          arrayCumSum(arrayMap(x -> tupleElement(x, 3) != '', device_events)) AS link_counts
        FROM (
          SELECT anonymous_id, timestamp, arrival, user_id, toUInt8(${touchpoint}) AS is_touchpoint${raw.map((r) => `,\n            ${r}`).join('')}
          FROM ${fromVisibleEvents(target)}${only}
        )
        GROUP BY anonymous_id
      )
      ARRAY JOIN device_events AS event, link_counts AS link_count
      WHERE tupleElement(event, 4) = 1`;
}

/**
 * The public person id (`personId.ts` of `@parcours/store`) of a `person` column:
 * `user:<user id>`, or the device's id (`device:<id>` when it starts with `user:` or
 * `device:`). 18.16 has no `startsWith`: prefixes are compared with `substring`.
 */
export function selectPublicPersonId(person: string): string {
  const id = `substring(${person}, 3)`;
  return `if(substring(${person}, 1, 2) = 'u:', concat('user:', ${id}),
    if(substring(${id}, 1, 5) = 'user:' OR substring(${id}, 1, 7) = 'device:', concat('device:', ${id}), ${id}))`;
}
