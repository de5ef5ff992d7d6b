import type { ClickHouseClient } from '@clickhouse/client';
import { quoteDatabaseName } from '../sqlLiteral.js';

/**
 * The consent ledger (idempotent). Concurrent collectors cannot share one hash chain
 * (each append reads the head: a single appender), so each store instance (a
 * collector process, a CLI run) appends to a chain of its own, `chain` + `position`
 * from 1, starting at the genesis hash; `seq` orders every record of a project across
 * chains (newest first in the log). Append-only MergeTree: nothing here updates or
 * deletes a row.
 */
export async function createLedgerTable(client: ClickHouseClient, database: string): Promise<void> {
  const db = quoteDatabaseName(database);
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${db}.consent_ledger (
      project_id String,
      seq UInt64,
      chain String,
      position UInt64,
      record_id String,
      timestamp Int64,
      received_at Int64,
      granted String,
      denied String,
      policy_version String,
      config_hash Nullable(String),
      action String,
      source String,
      locale Nullable(String),
      origin Nullable(String),
      path Nullable(String),
      gpc UInt8,
      anonymous_id Nullable(String),
      user_id Nullable(String),
      subject_digest Nullable(String),
      prev_hash String,
      hash String
    ) ENGINE = MergeTree()
    ORDER BY (project_id, seq)`,
  });
}
