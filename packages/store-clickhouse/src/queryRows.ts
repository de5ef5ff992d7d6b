import type { ClickHouseClient } from '@clickhouse/client';

/** The rows a SELECT answers, one object per row (64-bit integers come quoted, as ClickHouse's JSON writes them). */
export async function queryRows<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  return (await client.query({ query, format: 'JSONEachRow' })).json<T>();
}
