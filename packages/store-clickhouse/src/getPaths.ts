import type { ClickHouseClient } from '@clickhouse/client';
import { MAX_PATH_DEPTH, type PathsQuery, type PathsResult } from '@parcours/store';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { PERSON_QUERY_SETTINGS } from './personQuerySettings.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';

/**
 * Per person, their path (`@parcours/store` getPaths semantics): names in time order
 * from their first `start` (or first touchpoint), consecutive repeats collapsed, the
 * first `depth` names; with `end`, up to their first `end` and the last `depth` names.
 * Each name is compared with the one before it as an argument, shifted by one: a
 * lambda naming `started` itself would copy the person's names once per name (the
 * 10M benchmark's memory limit, issue 10).
 */
function selectPersonPaths(query: PathsQuery, persons: string): string {
  const depth = quoteInteger(query.depth);
  const from =
    query.start === undefined ? 'names' : `arraySlice(names, indexOf(names, ${quoteString(query.start)}))`;
  const keep = ['length(collapsed) > 0'];
  if (query.start !== undefined) keep.push(`indexOf(names, ${quoteString(query.start)}) > 0`);
  let path = `arraySlice(collapsed, 1, ${depth})`;
  if (query.end !== undefined) {
    const at = `indexOf(collapsed, ${quoteString(query.end)})`;
    keep.push(`${at} > 0`);
    path = `arraySlice(collapsed, toUInt64(greatest(1, toInt64(${at}) - ${depth} + 1)), least(${at}, ${depth}))`;
  }
  return `SELECT path FROM (
  SELECT names, ${from} AS started,
    arrayFilter((n, previous, i) -> i = 1 OR n != previous, started,
      arraySlice(arrayPushFront(started, ''), 1, length(started)), arrayEnumerate(started)) AS collapsed,
    ${path} AS path
  FROM (${persons})
  WHERE ${keep.join(' AND ')}
)`;
}

/**
 * The most common paths and their links (a Sankey's), computed inside ClickHouse;
 * only the top `limit` paths and the aggregated links reach Node. Ties are ordered
 * as the SQLite engine orders them (names joined by NUL, compared bytewise: the same
 * as JavaScript's order for names in the Basic Multilingual Plane).
 */
export async function getPaths(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  query: PathsQuery,
): Promise<PathsResult> {
  const { depth, limit } = query;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_PATH_DEPTH) {
    throw new RangeError(`depth must be between 1 and ${MAX_PATH_DEPTH}`);
  }
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer`);
  const perPerson = selectPersonPaths(query, selectPersonTouchpoints(target, { names: 'name' }));
  const counted = `SELECT path, count() AS persons FROM (${perPerson}) GROUP BY path`;
  const pathsResult = await client.query({
    query: `${counted} ORDER BY persons DESC, arrayStringConcat(path, '\\0') LIMIT ${quoteInteger(limit)}`,
    format: 'JSONEachRow',
    clickhouse_settings: PERSON_QUERY_SETTINGS,
  });
  const linksResult = await client.query({
    query: `SELECT toUInt32(i - 1) AS depth, path[i] AS from, path[i + 1] AS to, sum(persons) AS count
      FROM (${counted})
      ARRAY JOIN arrayEnumerate(arrayPopBack(path)) AS i
      GROUP BY depth, from, to
      ORDER BY depth, count DESC, from, to`,
    format: 'JSONEachRow',
    clickhouse_settings: PERSON_QUERY_SETTINGS,
  });
  const paths = await pathsResult.json<{ path: string[]; persons: string }>();
  const links = await linksResult.json<{ depth: number; from: string; to: string; count: string }>();
  return {
    paths: paths.map((row) => ({ steps: row.path, count: Number(row.persons) })),
    links: links.map((row) => ({ depth: row.depth, from: row.from, to: row.to, count: Number(row.count) })),
  };
}
