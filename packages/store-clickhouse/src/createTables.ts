import type { ClickHouseClient } from '@clickhouse/client';
import { quoteDatabaseName } from './sqlLiteral.js';

/**
 * Creates the database and its tables when missing (idempotent: every process may call
 * it at start).
 *
 * `events`: one row per stored event. Partitioned by month of the event time so that
 * retention drops whole partitions; ordered by (project, device, time, id) so that a
 * device's touchpoints are contiguous and already in time order, which is what the
 * per-person array queries read. A ReplacingMergeTree on that key, read with FINAL,
 * collapses rows that two collectors inserted for the same replayed event (same key)
 * even before a merge has run; of two copies it keeps the one with the highest
 * `keep_priority` (2⁶⁴ − 1 − arrival), the first to arrive, as SQLite keeps the first
 * insert (which copy survives decides who owns a touchpoint at the same time as a
 * link). Empty strings stand for "none" (`user_id`, `channel`, `category`, and
 * `properties` and `context`, which otherwise hold JSON): the schema never lets a
 * channel, user id or category be empty, and JSON is never the empty string.
 *
 * `event_ids`: (project, id), ordered for point look-ups: checked before each insert so
 * that a replay is answered as a duplicate and not written again.
 *
 * `removed_events`: tombstones, the keys of the events an erasure or a purge is
 * removing, one partition per removal: every read skips them (`fromVisibleEvents`)
 * until the `ALTER … DELETE` mutations are done, then the partition is dropped
 * (`privacy/removeEvents.ts`).
 *
 * `change_marks`: one random mark per stored batch, what `getChangeMark` reads so that
 * every process's live feed sees touchpoints another process stored. Merges collapse a
 * project's marks to one row (ReplacingMergeTree on the project alone), so a read
 * touches a handful of rows however many events the project holds.
 *
 * The identity links are the events carrying a trusted `user_id` (identifies and
 * touchpoints alike), exactly what the SQLite engine stitches on; they need no table
 * of their own, and they inherit the events' exactly-once rule.
 */
export async function createTables(client: ClickHouseClient, database: string): Promise<void> {
  const db = quoteDatabaseName(database);
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${db}` });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${db}.events (
      project_id String,
      id String,
      type String,
      name String,
      anonymous_id String,
      user_id String,
      claimed_user_id String,
      timestamp Int64,
      arrival UInt64,
      keep_priority UInt64,
      channel String,
      category String,
      properties String,
      context String,
      policy_version Nullable(UInt32)
    ) ENGINE = ReplacingMergeTree(keep_priority)
    PARTITION BY toYYYYMM(toDateTime(intDiv(timestamp, 1000)))
    ORDER BY (project_id, anonymous_id, timestamp, id)`,
  });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${db}.event_ids (
      project_id String,
      id String
    ) ENGINE = ReplacingMergeTree()
    ORDER BY (project_id, id)`,
  });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${db}.removed_events (
      project_id String,
      removal_id String,
      anonymous_id String,
      id String
    ) ENGINE = MergeTree()
    PARTITION BY removal_id
    ORDER BY (project_id, anonymous_id, id)`,
  });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${db}.change_marks (
      project_id String,
      mark String
    ) ENGINE = ReplacingMergeTree()
    ORDER BY project_id`,
  });
}
