import type { PersonTarget } from './selectPersonSegments.js';
import type { ClickHouseClient } from '@clickhouse/client';
import {
  checkPathPosition,
  checkPathsQuery,
  decodeDropoffCursor,
  encodeDropoffCursor,
  InvalidCursorError,
  type PathPerson,
  type PathPersonsQuery,
  type PathPersonsResult,
} from '@parcours/store';
import { describePersons } from './describePersons.js';
import { hasPerson } from './getFunnelDropoffs.js';
import { selectPersonPaths } from './selectPersonPaths.js';
import { selectPublicPersonId } from './selectPersonRows.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';

/** SQL over `path` and `leaves`: the path passes through the query's node, link or exit. */
function isOnIt(query: PathPersonsQuery): string {
  const at = query.at + 1; // ClickHouse arrays start at 1
  const node = `path[${quoteInteger(at)}] = ${quoteString(query.name)}`;
  if (query.next === undefined) return node;
  if (query.next === null) return `${node} AND leaves = 1 AND length(path) = ${quoteInteger(at)}`;
  return `${node} AND path[${quoteInteger(at + 1)}] = ${quoteString(query.next)}`;
}

/**
 * The persons on a node, link or exit of a paths answer, by person id, a page at a
 * time, computed inside ClickHouse (only the page and the total leave it). Same
 * answers and cursors as the SQLite engine (`pathsEquivalence.test.ts`).
 */
export async function getPathPersons(
  client: ClickHouseClient,
  target: PersonTarget,
  query: PathPersonsQuery,
): Promise<PathPersonsResult> {
  checkPathsQuery(query);
  checkPathPosition(query);
  const cursor = query.cursor === undefined ? undefined : decodeDropoffCursor(query.cursor);
  if (query.cursor !== undefined && (cursor === undefined || !(await hasPerson(client, target, cursor)))) {
    throw new InvalidCursorError('not a path persons cursor: start again without one');
  }
  const onIt = `SELECT ${selectPublicPersonId('person')} AS person_id, person, path, leaves
    FROM (${selectPersonPaths(target, query)})
    WHERE ${isOnIt(query)}`;
  const after = cursor === undefined ? '' : `WHERE person_id > ${quoteString(cursor)}`;
  const [pageResult, totalResult] = await Promise.all([
    client.query({
      query: `SELECT * FROM (${onIt}) ${after} ORDER BY person_id LIMIT ${quoteInteger(query.limit + 1)}`,
      format: 'JSONEachRow',
    }),
    client.query({ query: `SELECT count() AS n FROM (${onIt})`, format: 'JSONEachRow' }),
  ]);
  const rows = await pageResult.json<{ person_id: string; person: string; path: string[]; leaves: number }>();
  const [total] = await totalResult.json<{ n: string }>();
  const page = rows.slice(0, query.limit);
  const idsOf = await describePersons(
    client,
    target,
    page.map((row) => row.person),
  );
  return {
    persons: page.map((row): PathPerson => ({
      personId: row.person_id,
      ...idsOf(row.person),
      steps: row.path,
      left: Number(row.leaves) === 1,
    })),
    nextCursor: rows.length > query.limit ? encodeDropoffCursor(page[page.length - 1]!.person_id) : null,
    total: Number(total!.n),
  };
}
