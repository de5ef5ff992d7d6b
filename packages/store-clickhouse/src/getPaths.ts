import type { ClickHouseClient } from '@clickhouse/client';
import { checkPathsQuery, type PathsQuery, type PathsResult } from '@parcours/store';
import { PERSON_QUERY_SETTINGS } from './personQuerySettings.js';
import { selectPersonPaths } from './selectPersonPaths.js';
import { quoteInteger } from './sqlLiteral.js';

/**
 * The most common paths, their links (a Sankey's), their exits to "left" and each
 * node's channels, computed inside ClickHouse; only the top `limit` paths and the
 * aggregates reach Node. Ties are ordered as the SQLite engine orders them (names joined by NUL,
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
  const perPerson = selectPersonPaths(target, query);
  const counted = `SELECT path, count() AS persons, sum(leaves) AS leaves FROM (${perPerson}) GROUP BY path`;
  const [pathsResult, linksResult, exitsResult, channelsResult] = await Promise.all([
    client.query({
      query: `${counted} ORDER BY persons DESC, arrayStringConcat(path, '\\0') LIMIT ${quoteInteger(limit)}`,
      format: 'JSONEachRow',
      clickhouse_settings: PERSON_QUERY_SETTINGS,
    }),
    client.query({
      query: `SELECT toUInt32(i - 1) AS depth, path[i] AS from, path[i + 1] AS to, sum(persons) AS count
      FROM (${counted})
      ARRAY JOIN arrayEnumerate(arrayPopBack(path)) AS i
      GROUP BY depth, from, to
      ORDER BY depth, count DESC, from, to`,
      format: 'JSONEachRow',
      clickhouse_settings: PERSON_QUERY_SETTINGS,
    }),
    client.query({
      query: `SELECT toUInt32(length(path) - 1) AS depth, path[length(path)] AS from, sum(leaves) AS count
      FROM (${counted})
      WHERE leaves > 0
      GROUP BY depth, from
      ORDER BY depth, count DESC, from`,
      format: 'JSONEachRow',
      clickhouse_settings: PERSON_QUERY_SETTINGS,
    }),
    client.query({
      query: `SELECT toUInt32(i - 1) AS depth, path[i] AS name, path_channels[i] AS channel, count() AS persons
      FROM (${perPerson})
      ARRAY JOIN arrayEnumerate(path) AS i
      GROUP BY depth, name, channel
      ORDER BY depth, name, channel`,
      format: 'JSONEachRow',
      clickhouse_settings: PERSON_QUERY_SETTINGS,
    }),
  ]);
  const paths = await pathsResult.json<{ path: string[]; persons: string; leaves: string }>();
  const links = await linksResult.json<{ depth: number; from: string; to: string; count: string }>();
  const exits = await exitsResult.json<{ depth: number; from: string; count: string }>();
  const channels = await channelsResult.json<{
    depth: number;
    name: string;
    channel: string;
    persons: string;
  }>();
  return {
    paths: paths.map((row) => ({ steps: row.path, count: Number(row.persons), left: Number(row.leaves) })),
    links: links.map((row) => ({ depth: row.depth, from: row.from, to: row.to, count: Number(row.count) })),
    exits: exits.map((row) => ({ depth: row.depth, from: row.from, count: Number(row.count) })),
    channels: channels.map((row) => ({
      depth: row.depth,
      name: row.name,
      channel: row.channel === '' ? null : row.channel,
      persons: Number(row.persons),
    })),
  };
}
