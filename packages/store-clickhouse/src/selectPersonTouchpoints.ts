import { checkColumnAliases, selectPersonSegments, type PersonTarget } from './selectPersonSegments.js';

/**
 * SQL of a subquery with one row per person: `person` (`u:<user id>` or `d:<device>`),
 * `ts` (their touchpoint times, sorted by time then arrival) and one array per entry of
 * `columns`, aligned with `ts`. Each column is an expression over one event's `name`,
 * `channel`, `properties` and `timestamp`, evaluated on the stored row. Identities are
 * stitched, and `keep` narrows the touchpoints, as `selectPersonSegments` says; its
 * segments (mostly one a device) are what is grouped by person, not every touchpoint.
 */
export function selectPersonTouchpoints(
  target: PersonTarget,
  columns: Record<string, string>,
  keep?: string,
): string {
  const names = checkColumnAliases(columns);
  const unpack = names
    .map((name, i) => `arrayMap(x -> tupleElement(x, ${i + 3}), sorted) AS ${name}`)
    .join(',\n  ');
  return `SELECT person,
  arrayMap(x -> tupleElement(x, 1), sorted) AS ts${unpack === '' ? '' : `,\n  ${unpack}`}
FROM (
  SELECT person, arraySort(groupArrayArray(segment)) AS sorted
  FROM (${selectPersonSegments(target, columns, { keep })})
  GROUP BY person
)`;
}
