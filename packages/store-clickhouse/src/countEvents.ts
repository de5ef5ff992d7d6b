import type { ClickHouseClient } from '@clickhouse/client';
import { quoteDatabaseName, quoteString } from './sqlLiteral.js';
import { fromVisibleEvents } from './fromVisibleEvents.js';

/** The project's stored events, each counted once (replays collapsed, rows being erased left out). */
export async function countEvents(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
): Promise<number> {
  const result = await client.query({
    query: `SELECT count() AS n FROM ${fromVisibleEvents(target)}`,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n: string }>();
  return Number(row!.n);
}

/**
 * The project's change mark: how many batch marks `change_marks` holds and their hashes'
 * XOR. A stored batch adds a mark, so the pair changes; a merge collapsing marks changes
 * it too, which costs a viewer one refetch at most.
 */
export async function getChangeMark(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
): Promise<string> {
  const result = await client.query({
    query: `SELECT toString(count()) AS n, toString(groupBitXor(sipHash64(mark))) AS h
      FROM ${quoteDatabaseName(target.database)}.change_marks
      WHERE project_id = ${quoteString(target.projectId)}`,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n: string; h: string }>();
  return `${row!.n}:${row!.h}`;
}
