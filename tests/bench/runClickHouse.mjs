/**
 * Child process: starts Debian's clickhouse-server in a temporary folder (every core
 * per query, as DuckDB has), imports the NDJSON through the ClickHouse engine's
 * `insertEvents` (exactly-once look-ups included) in batches, merges the parts, and
 * times the benchmark's funnel and paths as the engine computes them inside
 * ClickHouse. Usage: node runClickHouse.mjs FILE. Prints one JSON line. Env
 * BENCH_CLICKHOUSE_BATCH (events per insert, default 10,000), BENCH_CLICKHOUSE_MEMORY_MB
 * (memory per query, default 6,000).
 */
import { createReadStream } from 'node:fs';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { createClient } from '@clickhouse/client';
import { createTables, getFunnel, getPaths, insertEvents } from '@parcours/store-clickhouse';
import { startClickHouse } from '@parcours/store-clickhouse/testing';
import {
  FUNNEL_QUERY,
  PATHS_QUERY,
  SEGMENTED_FUNNEL_QUERY,
  reportToParent,
  timeQuery,
} from './benchQueries.mjs';

const [file] = process.argv.slice(2);
const batchSize = Number(process.env.BENCH_CLICKHOUSE_BATCH ?? 10_000);
const maxMemoryBytes = Number(process.env.BENCH_CLICKHOUSE_MEMORY_MB ?? 6_000) * 1e6;
const threads = cpus().length;
const target = { database: 'bench', projectId: 'bench' };

const server = await startClickHouse({ maxThreads: threads, maxMemoryBytes });
// Queries at 10M events run for longer than the client's 30 s default: progress headers keep the socket alive.
const client = createClient({
  url: server.url,
  request_timeout: 600_000,
  clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '10000' },
});
let report;
try {
  const [{ version }] = await (
    await client.query({ query: 'SELECT version() AS version', format: 'JSONEachRow' })
  ).json();
  await createTables(client, target.database);

  // Import: what a collector or `parcours import --clickhouse` does per batch.
  const importStarted = performance.now();
  let events = 0;
  let batch = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue;
    batch.push(JSON.parse(line));
    if (batch.length === batchSize) {
      events += (await insertEvents(client, target, batch)).accepted;
      batch = [];
    }
  }
  if (batch.length > 0) events += (await insertEvents(client, target, batch)).accepted;
  const importMs = performance.now() - importStarted;

  // Background merges would get there in time; done at once so that FINAL reads merged parts.
  const mergeStarted = performance.now();
  for (const table of ['events', 'event_ids']) {
    await client.command({ query: `OPTIMIZE TABLE ${target.database}.${table} FINAL` });
  }
  const mergeMs = performance.now() - mergeStarted;
  const parts = await (
    await client.query({
      query: `SELECT table, sum(rows) AS rows, sum(bytes_on_disk) AS bytes, sum(data_uncompressed_bytes) AS raw
        FROM system.parts WHERE database = '${target.database}' AND active GROUP BY table`,
      format: 'JSONEachRow',
    })
  ).json();
  const storage = Object.fromEntries(
    parts.map((p) => [
      p.table,
      { rows: Number(p.rows), bytesOnDisk: Number(p.bytes), uncompressedBytes: Number(p.raw) },
    ]),
  );

  const funnel = await timeQuery(() => getFunnel(client, target, FUNNEL_QUERY));
  const paths = await timeQuery(() => getPaths(client, target, PATHS_QUERY));
  // A segment narrows the persons of every query through the target (as openClickHouseStore does).
  const segmentedFunnel = await timeQuery(() =>
    getFunnel(client, { ...target, segment: SEGMENTED_FUNNEL_QUERY.segment }, SEGMENTED_FUNNEL_QUERY),
  );
  report = {
    version,
    threads,
    events,
    batchSize,
    importMs,
    eventsPerSecond: events / (importMs / 1000),
    mergeMs,
    storage,
    bytesPerEvent: ((storage.events?.bytesOnDisk ?? 0) + (storage.event_ids?.bytesOnDisk ?? 0)) / events,
    funnel: { ...funnel, result: funnel.result.steps },
    segmentedFunnel: { ...segmentedFunnel, result: segmentedFunnel.result.steps },
    paths,
  };
} finally {
  await client.close();
  await server.stop();
}
reportToParent(report);
