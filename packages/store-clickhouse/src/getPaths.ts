import type { ClickHouseClient } from '@clickhouse/client';
import { checkPathsQuery, type PathsQuery, type PathsResult } from '@parcours/store';
import { selectPersonPaths } from './selectPersonPaths.js';
import { quoteInteger } from './sqlLiteral.js';

/**
 * The most common paths, their links (a Sankey's) and their exits to "left", computed
 * inside ClickHouse; only the top `limit` paths and the aggregated links and exits
 * reach Node. Ties are ordered as the SQLite engine orders them (names joined by NUL,
 * compared bytewise: the same as JavaScript's order for names in the Basic
 * Multilingual Plane).
 */
export async function getPaths(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  query: PathsQuery,
): Promise<PathsResult> {
  checkPathsQuery(query);
  const { limit } = query;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer`);
  const counted = `SELECT path, count() AS persons, sum(leaves) AS leaves
    FROM (${selectPersonPaths(target, query)}) GROUP BY path`;
  const [pathsResult, linksResult, exitsResult] = await Promise.all([
    client.query({
      query: `${counted} ORDER BY persons DESC, arrayStringConcat(path, '\\0') LIMIT ${quoteInteger(limit)}`,
      format: 'JSONEachRow',
    }),
    client.query({
      query: `SELECT toUInt32(i - 1) AS depth, path[i] AS from, path[i + 1] AS to, sum(persons) AS count
      FROM (${counted})
      ARRAY JOIN arrayEnumerate(arrayPopBack(path)) AS i
      GROUP BY depth, from, to
      ORDER BY depth, count DESC, from, to`,
      format: 'JSONEachRow',
    }),
    client.query({
      query: `SELECT toUInt32(length(path) - 1) AS depth, path[length(path)] AS from, sum(leaves) AS count
      FROM (${counted})
      WHERE leaves > 0
      GROUP BY depth, from
      ORDER BY depth, count DESC, from`,
      format: 'JSONEachRow',
    }),
  ]);
  const paths = await pathsResult.json<{ path: string[]; persons: string; leaves: string }>();
  const links = await linksResult.json<{ depth: number; from: string; to: string; count: string }>();
  const exits = await exitsResult.json<{ depth: number; from: string; count: string }>();
  return {
    paths: paths.map((row) => ({ steps: row.path, count: Number(row.persons), left: Number(row.leaves) })),
    links: links.map((row) => ({ depth: row.depth, from: row.from, to: row.to, count: Number(row.count) })),
    exits: exits.map((row) => ({ depth: row.depth, from: row.from, count: Number(row.count) })),
  };
}
