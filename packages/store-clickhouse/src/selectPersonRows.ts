import { quoteDatabaseName, quoteString } from './sqlLiteral.js';

/**
 * SQL of a subquery with one row per touchpoint (identifies are links, not
 * touchpoints): `person` (`u:<user id>` or `d:<device>`), `timestamp`, `arrival`,
 * `name`, `channel` and `properties`, every touchpoint assigned to its person.
 *
 * Identity stitching, as the SQLite engine does it (docs/decisions.md, "Hardening:
 * identities": two user ids never merge through a shared device): per device, its
 * events in (time, arrival) order; the links are its events carrying a user id; an
 * event belongs to the user of the latest link at or before it (a running count of
 * links indexes the list of linked users), or to the first linked user before any
 * link; a device never linked is its own person.
 */
export function selectPersonRows(target: { database: string; projectId: string }): string {
  const db = quoteDatabaseName(target.database);
  return `SELECT
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
      WHERE type != 'identify'`;
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
