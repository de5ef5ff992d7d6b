import type { ClickHouseClient } from '@clickhouse/client';
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
