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

/** A row of `getPaths`' query: a path (`is_path`, its steps) or a link (depth, from, to). */
interface PathsRow {
  is_path: number;
  steps: string[];
  depth: number;
  from: string;
  to: string;
  count: string;
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
  // One pass for both answers: per path a row of its own (i = 0) and one per link.
  // Paths and links alike sort by (depth, count, …), paths at depth 0; `LIMIT … BY`
  // cuts the paths, every link being its own group (the limit's 0 is applied below).
  const result = await client.query({
    query: `SELECT i = 0 AS is_path, if(i = 0, path, emptyArrayString()) AS steps,
        toUInt32(greatest(i, 1) - 1) AS depth, if(i = 0, '', path[i]) AS from, if(i = 0, '', path[i + 1]) AS to,
        sum(persons) AS count
      FROM (${counted})
      ARRAY JOIN arrayPushFront(arrayEnumerate(arrayPopBack(path)), 0) AS i
      GROUP BY is_path, steps, depth, from, to
      ORDER BY is_path DESC, depth, count DESC, arrayStringConcat(steps, '\\0'), from, to
      LIMIT ${quoteInteger(Math.max(limit, 1))} BY is_path, depth, from, to`,
    format: 'JSONEachRow',
    clickhouse_settings: PERSON_QUERY_SETTINGS,
  });
  const rows = await result.json<PathsRow>();
  return {
    paths: rows
      .filter((row) => row.is_path === 1)
      .slice(0, limit)
      .map((row) => ({ steps: row.steps, count: Number(row.count) })),
    links: rows
      .filter((row) => row.is_path === 0)
      .map((row) => ({ depth: row.depth, from: row.from, to: row.to, count: Number(row.count) })),
  };
}
