/**
 * Child process: loads the NDJSON into an in-memory DuckDB and times the benchmark's
 * funnel and paths SQL. Usage: node runDuckDb.mjs FILE. Prints one JSON line.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { FUNNEL_QUERY, PATHS_QUERY, reportToParent, timeQuery } from './benchQueries.mjs';
import { getFunnelSql, getLoadSql, getPathsSql } from './duckDbQueries.mjs';

const [file] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const read = async ({ sql, values }) => (await connection.runAndReadAll(sql, values)).getRowObjectsJS();

const loadStarted = performance.now();
await connection.run(getLoadSql(file));
const loadMs = performance.now() - loadStarted;
const [{ events, threads, version }] = await read({
  sql: `SELECT count(*)::INTEGER AS events, current_setting('threads')::INTEGER AS threads, version() AS version FROM events`,
});

const funnelSql = getFunnelSql(FUNNEL_QUERY);
const funnel = await timeQuery(() => read(funnelSql));
const row = funnel.result[0];
const pathsSql = getPathsSql(PATHS_QUERY);
const paths = await timeQuery(() => read(pathsSql));
const rows = paths.result;

reportToParent({
  version,
  threads,
  events,
  loadMs,
  funnel: {
    ...funnel,
    result: FUNNEL_QUERY.steps.map((step, i) => ({
      name: step.name,
      count: row[`count_${i + 1}`],
      medianTimeToConvertMs: row[`median_${i + 1}`],
    })),
  },
  paths: {
    ...paths,
    result: {
      paths: rows.filter((r) => r.kind === 'path').map((r) => ({ steps: r.steps, count: r.persons })),
      links: rows
        .filter((r) => r.kind === 'link')
        .map((r) => ({ depth: r.depth, from: r.source, to: r.target, count: r.persons })),
    },
  },
});
connection.closeSync();
instance.closeSync();
