/**
 * The collector's overload test on its own (issue 13), full size by default:
 * `node bench/runCollectorLoad.mjs` from `tests/` (packages built first). Env:
 * BENCH_LOAD_CONNECTIONS (200), BENCH_LOAD_BATCH (500), BENCH_LOAD_SECONDS (30),
 * BENCH_LOAD_MEMORY_MB (512). Prints the figures; exits 1 if a check failed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLoadReport, loadCollector } from './loadCollector.mjs';

const DIR = fileURLToPath(new URL('../.tmp/bench/', import.meta.url));
mkdirSync(DIR, { recursive: true });
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const result = await loadCollector({
  filename: join(DIR, 'load.db'),
  connections: env('BENCH_LOAD_CONNECTIONS', 200),
  batchSize: env('BENCH_LOAD_BATCH', 500),
  seconds: env('BENCH_LOAD_SECONDS', 30),
  maxMemoryMb: env('BENCH_LOAD_MEMORY_MB', 512),
  log: (line) => process.stderr.write(`[load] ${line}\n`),
});
console.log(formatLoadReport(result));
if (result.problems.length > 0) process.exitCode = 1;
