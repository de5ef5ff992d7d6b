import type { PathsQuery } from '@parcours/store';
import type { PersonTarget } from './selectPersonSegments.js';
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
 * names, or with `end` up to their first `end` and the last `depth` names),
 * `path_channels` (the channel, '' for none, of the touchpoint opening each position)
 * and `leaves` (1 when no touchpoint of another name follows the path's last one in
 * the range).
 */
export function selectPersonPaths(target: PersonTarget, query: Omit<PathsQuery, 'limit'>): string {
  const columns = { names: 'name', channels: 'channel' };
  const persons = selectPersonTouchpoints(target, columns, keepInRange(query));
  const depth = quoteInteger(query.depth);
  const startAt = query.start === undefined ? undefined : `indexOf(names, ${quoteString(query.start)})`;
  const started = (array: string) => (startAt === undefined ? array : `arraySlice(${array}, ${startAt})`);
  const keep = ['length(collapsed) > 0'];
  if (startAt !== undefined) keep.push(`${startAt} > 0`);
  let slice = (array: string) => `arraySlice(${array}, 1, ${depth})`;
  let left = `toUInt8(length(collapsed) <= ${depth})`;
  if (query.end !== undefined) {
    const at = `indexOf(collapsed, ${quoteString(query.end)})`;
    keep.push(`${at} > 0`);
    slice = (array) =>
      `arraySlice(${array}, toUInt64(greatest(1, toInt64(${at}) - ${depth} + 1)), least(${at}, ${depth}))`;
    left = `toUInt8(${at} = length(collapsed))`;
  }
  // A position opens where the name changes: the first of the repeats collapsed into it.
  // Each name is compared with a shifted copy ('' first: names are never empty), not by
  // a lambda naming `started` (18.16 would copy the names once per name: issue 10).
  return `SELECT person, path, path_channels, leaves FROM (
  SELECT person, names, ${started('names')} AS started, ${started('channels')} AS started_channels,
    arrayMap((n, p) -> n != p, started, arrayPopBack(arrayPushFront(started, ''))) AS opens,
    arrayFilter((n, o) -> o, started, opens) AS collapsed,
    arrayFilter((c, o) -> o, started_channels, opens) AS collapsed_channels,
    ${slice('collapsed')} AS path,
    ${slice('collapsed_channels')} AS path_channels,
    ${left} AS leaves
  FROM (${persons})
  WHERE ${keep.join(' AND ')}
)`;
}
