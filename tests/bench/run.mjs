/**
 * `npm run bench`: the journey engine's benchmark (issue 4, item 7). For each size
 * (env BENCH_SIZES, comma-separated, default 1,000,000 and 10,000,000): generate or
 * reuse a seeded synthetic data set (env BENCH_SEED, default 7), time `parcours
 * import`, HTTP `collect` ingest, and the six-step funnel and a paths query next to
 * DuckDB on the same data; print a table and write tests/.tmp/bench-result.json.
 * Then the collector under overload (loadCollector.mjs). Exits 1 when Parcours and
 * DuckDB disagree on the funnel counts or the overload checks fail; the targets are
 * printed as PASS/FAIL but do not change the exit code. See README.md.
 */
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compareResults } from './compareResults.mjs';
import { ensureDataset } from './ensureDataset.mjs';
import { evaluateTargets } from './evaluateTargets.mjs';
import { collectDuringRestart } from './collectDuringRestart.mjs';
import { importWithCli, removeDatabase } from './importWithCli.mjs';
import { ingestOverHttp } from './ingestOverHttp.mjs';
import { formatLoadReport, loadCollector } from './loadCollector.mjs';
import { measureOtherLoad } from './measureOtherLoad.mjs';
import { printReport } from './printReport.mjs';
import { parseLastLine, runNode } from './runChild.mjs';
import { hasClickHouseServer } from '@parcours/store-clickhouse/testing';

const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url));
const DIR = join(TMP, 'bench');
const RESULT_FILE = join(TMP, 'bench-result.json');
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

const sizes = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map((s) => parseSize(s.trim()));
const seed = parseSize(process.env.BENCH_SEED ?? '7');
/** Events sent over HTTP per size: enough for a steady state, bounded in time too. */
const httpEvents = parseSize(process.env.BENCH_HTTP_EVENTS ?? '500000');
/** The ClickHouse engine beside them (issue 10): env BENCH_CLICKHOUSE=0 skips it, =1 requires it. */
const withClickHouse =
  process.env.BENCH_CLICKHOUSE === '1' || (process.env.BENCH_CLICKHOUSE !== '0' && hasClickHouseServer());
/**
 * Sizes above this are measured on Parcours alone (env BENCH_COMPARE_MAX, default 10M):
 * DuckDB's in-memory load and a ClickHouse import of 100M events would take most of an
 * hour on this machine, and the answers were compared at the smaller sizes.
 */
const compareMax = parseSize(process.env.BENCH_COMPARE_MAX ?? '10000000');
const log = (line) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const output = {
  startedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
  },
  seed,
  runs: [],
};
mkdirSync(DIR, { recursive: true });
let disagreed = false;
for (const size of sizes) {
  const run = await benchSize(size);
  output.runs.push(withoutLinks(run));
  writeFileSync(RESULT_FILE, `${JSON.stringify(output, null, 2)}\n`);
  console.log(printReport(run));
  if (run.checks.funnelCounts?.ok === false) disagreed = true;
  if (run.clickhouse?.failed !== undefined || run.clickhouse?.checks.funnelCounts.ok === false)
    disagreed = true;
}
if (!withClickHouse)
  log(
    process.env.BENCH_CLICKHOUSE === '0'
      ? 'BENCH_CLICKHOUSE=0: the ClickHouse engine was not measured'
      : 'clickhouse-server not on the PATH: the ClickHouse engine was not measured',
  );
// The collector under overload (issue 13), once, after the sizes: env
// BENCH_LOAD_SECONDS (default 30; 0 skips it), BENCH_LOAD_CONNECTIONS (200),
// BENCH_LOAD_BATCH (500), BENCH_LOAD_MEMORY_MB (512).
const loadSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
let overloaded = false;
if (loadSeconds > 0) {
  log(`collector under overload, ${loadSeconds} s…`);
  const load = await loadCollector({
    filename: join(DIR, 'load.db'),
    connections: Number(process.env.BENCH_LOAD_CONNECTIONS ?? 200),
    batchSize: Number(process.env.BENCH_LOAD_BATCH ?? 500),
    seconds: loadSeconds,
    maxMemoryMb: Number(process.env.BENCH_LOAD_MEMORY_MB ?? 512),
    log,
  });
  output.load = load;
  writeFileSync(RESULT_FILE, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\n${formatLoadReport(load)}`);
  overloaded = load.problems.length > 0;
}
console.log(`\nFigures written to ${RESULT_FILE}`);
if (disagreed) {
  console.error(
    'An engine failed or the engines disagree on the funnel counts: see FAILED or MISMATCH above.',
  );
  process.exitCode = 1;
}
if (overloaded) {
  console.error('The collector failed its overload checks: see FAIL above.');
  process.exitCode = 1;
}

async function benchSize(size) {
  const label = `${size.toLocaleString('en')}`;
  const started = performance.now();
  // Other work on the machine skews every figure: the report says how busy it was.
  const otherLoad = measureOtherLoad();
  const { file, meta, reused } = ensureDataset({ size, seed, dir: DIR, log });
  log(
    `${label}: data set ${reused ? 'reused' : `generated in ${(meta.generatedMs / 1000).toFixed(1)} s`}: ${file}`,
  );

  const filename = join(DIR, `parcours-${size}.db`);
  log(`${label}: parcours import…`);
  const importRun = await importWithCli({ file, filename });
  if (importRun.imported !== size) throw new Error(`imported ${importRun.imported} of ${size} events`);

  log(`${label}: Parcours funnel and paths (index build, then median of 5)…`);
  const parcours = parseLastLine(
    (await runNode(['--expose-gc', here('./runParcours.mjs'), filename, importRun.projectId])).stdout,
  );
  log(`${label}: HTTP collect during a restart (the index built cold from the imported rows)…`);
  const restartCollect = await collectDuringRestart({
    file,
    filename,
    projectId: importRun.projectId,
    events: Math.min(size, httpEvents),
  });
  removeDatabase(filename);

  const compared = size <= compareMax;
  let duckdb;
  if (compared) {
    log(`${label}: DuckDB load, funnel and paths (warm-up, then median of 5)…`);
    duckdb = parseLastLine((await runNode([here('./runDuckDb.mjs'), file])).stdout);
  } else {
    log(
      `${label}: above BENCH_COMPARE_MAX (${compareMax.toLocaleString('en')}): Parcours alone, no DuckDB or ClickHouse`,
    );
  }

  let clickhouse;
  if (withClickHouse && compared) {
    log(`${label}: ClickHouse import, funnel and paths (warm-up, then median of 5)…`);
    try {
      clickhouse = parseLastLine((await runNode([here('./runClickHouse.mjs'), file])).stdout);
    } catch (error) {
      // The other engines' figures still stand: the failure is reported, and fails the run.
      clickhouse = { failed: String(error.message).split('\n')[0] };
      log(`${label}: the ClickHouse engine failed: ${clickhouse.failed}`);
    }
    if (clickhouse.failed === undefined) {
      if (clickhouse.events !== size)
        throw new Error(`ClickHouse stored ${clickhouse.events} of ${size} events`);
      clickhouse.ratios = {
        funnel: clickhouse.funnel.medianMs / duckdb.funnel.medianMs,
        paths: clickhouse.paths.medianMs / duckdb.paths.medianMs,
      };
      clickhouse.checks = compareResults(clickhouse, duckdb);
    }
  }

  const httpFilename = join(DIR, `http-${size}.db`);
  const events = Math.min(size, httpEvents);
  log(`${label}: HTTP collect, ${events.toLocaleString('en')} events…`);
  const http = await ingestOverHttp({ file, filename: httpFilename, events });
  removeDatabase(httpFilename);

  const otherCores = otherLoad.stop();
  const ratios =
    duckdb === undefined
      ? {}
      : {
          funnel: parcours.funnel.medianMs / duckdb.funnel.medianMs,
          paths: parcours.paths.medianMs / duckdb.paths.medianMs,
        };
  const checks = duckdb === undefined ? {} : compareResults(parcours, duckdb);
  const targets = evaluateTargets({
    size,
    importRate: importRun.eventsPerSecond,
    httpRate: http.eventsPerSecond,
    funnelRatio: ratios.funnel,
    funnelMs: parcours.funnel.medianMs,
    bytesPerEvent: parcours.memory.bytesPerEvent,
    rssPerEvent: parcours.memory.rssPerEvent,
    restartMs: parcours.restart?.restartFirstFunnelMs,
    restartCollect: restartCollect.build,
    clickhouseFunnelRatio: clickhouse?.ratios?.funnel,
  });
  log(`${label}: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return {
    size,
    dataset: { file, ...meta, reused },
    importRun,
    http,
    restartCollect,
    parcours,
    duckdb,
    clickhouse,
    ratios,
    checks,
    targets,
    otherCores,
    cpus: cpus().length,
    totalMs: performance.now() - started,
  };
}

/** The JSON keeps the top paths but only the number of Sankey links (hundreds each). */
function withoutLinks(run) {
  const slim = (engine) => {
    const { links, ...paths } = engine.paths.result;
    return { ...engine, paths: { ...engine.paths, result: { ...paths, linkCount: links.length } } };
  };
  return {
    ...run,
    parcours: slim(run.parcours),
    ...(run.duckdb !== undefined && { duckdb: slim(run.duckdb) }),
    ...(run.clickhouse !== undefined && {
      clickhouse: run.clickhouse.failed === undefined ? slim(run.clickhouse) : run.clickhouse,
    }),
  };
}

/** `1000000`, `1_000_000`, `1e6`, `1M` or `10m`. */
function parseSize(text) {
  const match = /^(\d[\d_]*(?:\.\d+)?(?:e\d+)?)([kKmM]?)$/.exec(text);
  const value =
    match === null
      ? NaN
      : Number(match[1].replaceAll('_', '')) * ({ k: 1e3, m: 1e6 }[match[2].toLowerCase()] ?? 1);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`not a positive whole number: "${text}"`);
  return value;
}
