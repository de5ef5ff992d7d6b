/**
 * Formats one size's figures as a plain-text table: the engines side by side,
 * ratios (Parcours time / DuckDB time: below 1 means Parcours is faster), targets.
 * @returns {string}
 */
export function printReport(run) {
  const { size, dataset, importRun, http, parcours, duckdb, checks, targets } = run;
  const status = (key) => targets.find((t) => t.key === key) ?? { wanted: '', status: '' };
  const lines = [];
  lines.push('');
  lines.push(
    `== ${size.toLocaleString('en')} events (seed ${dataset.seed}, ${mb(dataset.bytes)} NDJSON${dataset.reused ? ', reused' : ''}) ` +
      (duckdb === undefined
        ? '— Parcours alone (above BENCH_COMPARE_MAX), on 1 thread =='
        : `— DuckDB ${duckdb.version} on ${duckdb.threads} threads; Parcours on 1 thread ==`),
  );
  const rows = [['measure', 'parcours', 'duckdb', 'ratio', 'target', 'status']];
  const row = (measure, p, d, ratio, target) =>
    rows.push([measure, p, d ?? '', ratio ?? '', target?.wanted ?? '', target?.status ?? '']);
  row('parcours import (events/s)', int(importRun.eventsPerSecond), null, null, status('import'));
  row(
    `HTTP collect, ${http.batchSize}/batch × ${http.connections} conns (events/s)`,
    int(http.eventsPerSecond),
    null,
    null,
    status('http'),
  );
  if (run.restartCollect !== undefined) {
    const { build } = run.restartCollect;
    row(
      'HTTP collect during a restart, cold index build (events/s)',
      int(build.eventsPerSecond),
      null,
      null,
      status('restartCollect'),
    );
    row(
      `  its p99 latency (ms; ${ratio(build.latencyMs.p99 / http.latencyMs.p99)} the collect's without a restart)`,
      ms(build.latencyMs.p99),
      null,
      null,
      status('restartCollectP99'),
    );
    row('  its slowest request (ms)', ms(build.latencyMs.max), null, null, null);
  }
  row(
    '6-step funnel, median of 5 (ms)',
    ms(parcours.funnel.medianMs),
    duckdb && ms(duckdb.funnel.medianMs),
    duckdb && ratio(run.ratios.funnel),
    status('funnelRatio'),
  );
  row(
    '6-step funnel of a segment, median of 5 (ms)',
    ms(parcours.segmentedFunnel.medianMs),
    null,
    null,
    null,
  );
  if (targets.some((t) => t.key === 'funnelTime'))
    row('6-step funnel ≤ 300 ms (floor 2 s)', ms(parcours.funnel.medianMs), null, null, status('funnelTime'));
  row(
    'paths depth 5, median of 5 (ms)',
    ms(parcours.paths.medianMs),
    duckdb && ms(duckdb.paths.medianMs),
    duckdb && ratio(run.ratios.paths),
    null,
  );
  if (parcours.friction !== undefined) {
    row(
      `friction: loops, repeats, long waits, median of 5 (ms; ${ratio(parcours.friction.medianMs / parcours.funnel.medianMs)} the funnel)`,
      ms(parcours.friction.medianMs),
      null,
      null,
      null,
    );
  }
  row(
    'journey index memory (bytes/event)',
    parcours.memory.bytesPerEvent.toFixed(1),
    null,
    null,
    status('indexMemory'),
  );
  if (parcours.memory.rssPerEvent !== undefined) {
    row(
      `process RSS after a cold build (bytes/event; ${mb(parcours.memory.rss)})`,
      parcours.memory.rssPerEvent.toFixed(1),
      null,
      null,
      targets.some((t) => t.key === 'rss') ? status('rss') : null,
    );
  }
  if (parcours.restart?.rss !== undefined) {
    row(
      `process RSS after a restart (bytes/event; ${mb(parcours.restart.rss)})`,
      (parcours.restart.rss / parcours.events).toFixed(1),
      null,
      null,
      null,
    );
  }
  row('index build, first funnel (ms)', int(parcours.indexBuildMs), null, null, null);
  if (parcours.restart !== undefined) {
    const { restart } = parcours;
    row(
      `first funnel after restart, index snapshot loaded (ms; ${ratio(restart.restartFirstFunnelMs / restart.coldFirstFunnelMs)} of a cold build)`,
      int(restart.restartFirstFunnelMs),
      null,
      null,
      targets.some((t) => t.key === 'restart') ? status('restart') : null,
    );
    row(
      `index snapshot: write (ms), ${mb(restart.snapshotBytes)}`,
      int(restart.snapshotSaveMs),
      null,
      null,
      null,
    );
  }
  if (duckdb !== undefined) row('DuckDB NDJSON load (ms)', '', int(duckdb.loadMs), null, null);
  lines.push(...table(rows));
  lines.push('');
  lines.push('funnel (7-day window)            persons  conversion  median time to step');
  for (const step of parcours.funnel.result) {
    lines.push(
      `  ${step.name.padEnd(30)}${int(step.count).padStart(9)}  ${(step.conversionRate * 100).toFixed(1).padStart(9)}%  ${duration(step.medianTimeToConvertMs)}`,
    );
  }
  lines.push('');
  for (const [what, check] of Object.entries(checks)) {
    lines.push(
      `  parcours vs duckdb ${what.padEnd(14)} ${check.ok ? 'MATCH' : `MISMATCH\n   ${check.detail}`}`,
    );
  }
  lines.push(
    `  HTTP: ${int(http.accepted)} events acknowledged in ${int(http.batches)} batches, ${http.failed} failed, ` +
      `latency p50 ${ms(http.latencyMs.p50)} ms, p99 ${ms(http.latencyMs.p99)} ms`,
  );
  if (run.restartCollect !== undefined) lines.push(printRestartCollect(run.restartCollect));
  if (run.clickhouse !== undefined) lines.push(...printClickHouse(run, status));
  if (run.otherCores !== null) {
    lines.push(
      `  other processes kept ${run.otherCores.toFixed(2)} of ${run.cpus} cores busy on average during this run` +
        (run.otherCores > 0.25 ? ': figures are pessimistic, rerun on a quiet machine' : ''),
    );
  }
  return lines.join('\n');
}

/** The collect load during a restart: the build window, then the seconds after it. */
function printRestartCollect({ buildMs, build, after }) {
  const window = (w) =>
    `${int(w.accepted)} events in ${int(w.requests)} batches (${w.failed} failed), ` +
    `latency p50 ${ms(w.latencyMs.p50)} ms, p99 ${ms(w.latencyMs.p99)} ms, max ${ms(w.latencyMs.max)} ms`;
  return (
    `  restart: index built cold in ${(buildMs / 1000).toFixed(1)} s under load; collect meanwhile ${window(build)}; ` +
    `the ${(after.ms / 1000).toFixed(0)} s after it ${int(after.eventsPerSecond)} events/s, ${window(after)}`
  );
}

/** The ClickHouse engine's section: its figures beside DuckDB's, on the same data. */
function printClickHouse({ clickhouse, duckdb, parcours }, status) {
  if (clickhouse.failed !== undefined) return ['', `ClickHouse engine: FAILED — ${clickhouse.failed}`];
  const lines = [
    '',
    `ClickHouse engine — ClickHouse ${clickhouse.version} on ${clickhouse.threads} threads, same data:`,
  ];
  const rows = [['measure', 'clickhouse', 'duckdb', 'ratio', 'target', 'status']];
  const target = status('clickhouseFunnelRatio');
  rows.push([
    `insertEvents import, ${int(clickhouse.batchSize)}/batch (events/s)`,
    int(clickhouse.eventsPerSecond),
    '',
    '',
    '',
    '',
  ]);
  rows.push(['parts merged after import (ms)', int(clickhouse.mergeMs), '', '', '', '']);
  rows.push([
    '6-step funnel, median of 5 (ms)',
    ms(clickhouse.funnel.medianMs),
    ms(duckdb.funnel.medianMs),
    ratio(clickhouse.ratios.funnel),
    target.wanted,
    target.status,
  ]);
  rows.push([
    '6-step funnel of a segment, median of 5 (ms)',
    ms(clickhouse.segmentedFunnel.medianMs),
    '',
    '',
    '',
    '',
  ]);
  rows.push([
    'paths depth 5, median of 5 (ms)',
    ms(clickhouse.paths.medianMs),
    ms(duckdb.paths.medianMs),
    ratio(clickhouse.ratios.paths),
    '',
    '',
  ]);
  rows.push([
    'storage on disk, events + ids (bytes/event)',
    clickhouse.bytesPerEvent.toFixed(1),
    '',
    '',
    '',
    '',
  ]);
  rows.push([
    '6-step funnel, ClickHouse / Parcours SQLite engine',
    '',
    '',
    ratio(clickhouse.funnel.medianMs / parcours.funnel.medianMs),
    '',
    '',
  ]);
  lines.push(...table(rows));
  for (const [what, check] of Object.entries(clickhouse.checks)) {
    lines.push(
      `  clickhouse vs duckdb ${what.padEnd(14)} ${check.ok ? 'MATCH' : `MISMATCH\n   ${check.detail}`}`,
    );
  }
  return lines;
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const numeric = [false, true, true, true, false, false];
  const render = (r) =>
    r
      .map((cell, c) => (numeric[c] ? String(cell).padStart(widths[c]) : String(cell).padEnd(widths[c])))
      .join('  ');
  return [render(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(render)];
}

const int = (n) => Math.round(n).toLocaleString('en');
const ms = (n) => (n < 100 ? n.toFixed(1) : int(n));
const ratio = (r) => `${r.toFixed(2)}×`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

function duration(msValue) {
  if (msValue === null) return '—';
  if (msValue < 60_000) return `${(msValue / 1000).toFixed(1)} s`;
  if (msValue < 3_600_000) return `${(msValue / 60_000).toFixed(1)} min`;
  return `${(msValue / 3_600_000).toFixed(1)} h`;
}
