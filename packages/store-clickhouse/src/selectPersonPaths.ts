import type { PathsQuery } from '@parcours/store';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';

/** The touchpoints in a paths query's range (inclusive), as `selectPersonRows`' `keep`. */
function keepInRange(query: Omit<PathsQuery, 'limit'>): string | undefined {
  const bounds = [
    query.from === undefined ? undefined : `timestamp >= ${quoteInteger(query.from)}`,
    query.to === undefined ? undefined : `timestamp <= ${quoteInteger(query.to)}`,
  ].filter((bound) => bound !== undefined);
  return bounds.length === 0 ? undefined : bounds.join(' AND ');
}

/**
 * SQL of one row per person with a path (`@parcours/store` `forEachPersonPath`
 * semantics): `person`, `path` (names in time order from their first `start`, or
 * first touchpoint, in the range; consecutive repeats collapsed; the first `depth`
 * names, or with `end` up to their first `end` and the last `depth` names) and `leaves`
 * (1 when no touchpoint of another name follows the path's last one in the range).
 */
export function selectPersonPaths(
  target: { database: string; projectId: string },
  query: Omit<PathsQuery, 'limit'>,
): string {
  const persons = selectPersonTouchpoints(target, { names: 'name' }, keepInRange(query));
  const depth = quoteInteger(query.depth);
  const from =
    query.start === undefined ? 'names' : `arraySlice(names, indexOf(names, ${quoteString(query.start)}))`;
  const keep = ['length(collapsed) > 0'];
  if (query.start !== undefined) keep.push(`indexOf(names, ${quoteString(query.start)}) > 0`);
  let path = `arraySlice(collapsed, 1, ${depth})`;
  let left = `toUInt8(length(collapsed) <= ${depth})`;
  if (query.end !== undefined) {
    const at = `indexOf(collapsed, ${quoteString(query.end)})`;
    keep.push(`${at} > 0`);
    path = `arraySlice(collapsed, toUInt64(greatest(1, toInt64(${at}) - ${depth} + 1)), least(${at}, ${depth}))`;
    left = `toUInt8(${at} = length(collapsed))`;
  }
  return `SELECT person, path, leaves FROM (
  SELECT person, names, ${from} AS started,
    arrayFilter((n, i) -> i = 1 OR n != started[i - 1], started, arrayEnumerate(started)) AS collapsed,
    ${path} AS path,
    ${left} AS leaves
  FROM (${persons})
  WHERE ${keep.join(' AND ')}
)`;
}
