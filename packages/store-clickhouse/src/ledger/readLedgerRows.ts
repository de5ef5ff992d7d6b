import type { ClickHouseClient } from '@clickhouse/client';
import type { LedgerRow } from '@parcours/store';

/** A ledger row with its chain, as read back. */
export interface ChainedLedgerRow extends LedgerRow {
  chain: string;
  position: number;
}

export const CHAINED_COLUMNS =
  'seq, chain, position, record_id, timestamp, received_at, granted, denied, policy_version, config_hash, ' +
  'action, source, locale, origin, path, gpc, anonymous_id, user_id, subject_digest, prev_hash, hash';

type RawRow = Omit<ChainedLedgerRow, 'seq' | 'position' | 'timestamp' | 'received_at' | 'gpc'> & {
  seq: string;
  position: string;
  timestamp: string;
  received_at: string;
  gpc: number | string;
};

/**
 * Runs a `SELECT ${CHAINED_COLUMNS} …` and gives the rows back with numbers as
 * numbers: ClickHouse quotes 64-bit integers in JSON, and the chain hashes times as
 * numbers.
 */
export async function readLedgerRows(client: ClickHouseClient, query: string): Promise<ChainedLedgerRow[]> {
  const result = await client.query({ query, format: 'JSONEachRow' });
  return (await result.json<RawRow>()).map((row) => ({
    ...row,
    seq: Number(row.seq),
    position: Number(row.position),
    timestamp: Number(row.timestamp),
    received_at: Number(row.received_at),
    gpc: Number(row.gpc),
  }));
}
