import type { ClickHouseClient } from '@clickhouse/client';
import { quoteDatabaseName } from '../sqlLiteral.js';

/**
 * Creates the tables of what every process shares (idempotent, like `createTables`).
 *
 * `records`: projects, keys, users, memberships, sessions, invitations, share links,
 * settings, journey maps and consent config versions, as versioned rows: one row per
 * write, the highest `version` of a `(kind, id)` is the current value (`deleted = 1`
 * a tombstone). A ReplacingMergeTree on that key lets merges drop old versions, but
 * reads never rely on a merge having run: they take `argMax(…, version)` per id.
 * `owner` (the project or user a row belongs to) never changes for an id, so a filter
 * on it is safe before the grouping.
 *
 * `audit_log`: append-only, one row per entry, `seq` increasing within a process.
 */
export async function createStateTables(client: ClickHouseClient, database: string): Promise<void> {
  const db = quoteDatabaseName(database);
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${db}.records (
      kind String,
      id String,
      owner String,
      version UInt64,
      deleted UInt8,
      body String
    ) ENGINE = ReplacingMergeTree(version)
    ORDER BY (kind, id)`,
  });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${db}.audit_log (
      project_id String,
      seq UInt64,
      at Int64,
      actor String,
      action String,
      target Nullable(String),
      detail String,
      ip Nullable(String)
    ) ENGINE = MergeTree()
    ORDER BY (project_id, seq)`,
  });
}
