import { selectPersonRows } from './selectPersonRows.js';

/**
 * SQL of a subquery with one row per person: `person` (`u:<user id>` or `d:<device>`),
 * `ts` (their touchpoint times, sorted by time then arrival) and one array per entry of
 * `columns`, aligned with `ts`. Each column is an expression over one event's `name`,
 * `channel`, `properties` and `timestamp`, evaluated per row before grouping. Identities
 * are stitched as `selectPersonRows` says.
 */
export function selectPersonTouchpoints(
  target: { database: string; projectId: string },
  columns: Record<string, string>,
): string {
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
      ${selectPersonRows(target)}
    )
  )
  GROUP BY person
)`;
}
