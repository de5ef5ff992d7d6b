import { quoteDatabaseName, quoteString } from './sqlLiteral.js';

/**
 * SQL of a subquery with one row per person: `person` (`u:<user id>` or `d:<device>`),
 * `ts` (their touchpoint times, sorted by time then arrival) and one array per entry of
 * `columns`, aligned with `ts`. Each column is an expression over one event's `name`,
 * `channel`, `properties` and `timestamp`, evaluated per row before grouping.
 *
 * Identity stitching, as the SQLite engine does it (docs/decisions.md, "Hardening:
 * identities": two user ids never merge through a shared device): per device, its
 * events in (time, arrival) order; the links are its events carrying a user id; an
 * event belongs to the user of the latest link at or before it (a running count of
 * links indexes the list of linked users), or to the first linked user before any
 * link; a device never linked is its own person. Identifies are links, not touchpoints.
 */
export function selectPersonTouchpoints(
  target: { database: string; projectId: string },
  columns: Record<string, string>,
): string {
  const db = quoteDatabaseName(target.database);
  const names = Object.keys(columns);
  for (const name of names)
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`bad column alias ${name}`);
  const rowColumns = names.map((name) => `${columns[name]} AS ${name}`).join(',\n      ');
  const tuple = ['timestamp', 'arrival', ...names].join(', ');
  const unpack = names
    .map((name, i) => `arrayMap(x -> tupleElement(x, ${i + 3}), sorted) AS ${name}`)
    .join(',\n  ');
  return `SELECT person,
  arrayMap(x -> tupleElement(x, 1), sorted) AS ts,
  ${unpack}
FROM (
  SELECT person, arraySort(groupArray((${tuple}))) AS sorted
  FROM (
    SELECT person, timestamp, arrival,
      ${rowColumns}
    FROM (
      SELECT
        if(empty(links), concat('d:', anonymous_id), concat('u:', links[greatest(link_count, 1)])) AS person,
        tupleElement(event, 1) AS timestamp,
        tupleElement(event, 2) AS arrival,
        tupleElement(event, 3) AS type,
        tupleElement(event, 4) AS name,
        tupleElement(event, 5) AS channel,
        tupleElement(event, 6) AS properties
      FROM (
        SELECT anonymous_id,
          arraySort(groupArray((timestamp, arrival, type, name, channel, properties, user_id))) AS device_events,
          arrayFilter(u -> u != '', arrayMap(x -> tupleElement(x, 7), device_events)) AS links,
          arrayCumSum(arrayMap(x -> tupleElement(x, 7) != '', device_events)) AS link_counts
        FROM ${db}.events FINAL
        WHERE project_id = ${quoteString(target.projectId)}
        GROUP BY anonymous_id
      )
      ARRAY JOIN device_events AS event, link_counts AS link_count
      WHERE type != 'identify'
    )
  )
  GROUP BY person
)`;
}
