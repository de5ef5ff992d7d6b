/**
 * Child process, run with `node --expose-gc`: opens the imported SQLite store and
 * times the benchmark's funnel and paths through the `Store` API. The first funnel
 * builds the journey index from SQLite; the memory it adds is measured as heapUsed +
 * arrayBuffers after a full GC, before and after. Usage: node --expose-gc
 * runParcours.mjs DB_FILE PROJECT_ID. Prints one JSON line.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '@parcours/store';
import { FUNNEL_QUERY, PATHS_QUERY, reportToParent, timeQuery } from './benchQueries.mjs';
import { parseLastLine, runNode } from './runChild.mjs';

const [filename, projectId] = process.argv.slice(2);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

/** Live JS memory, after collecting everything collectable. */
function measureMemory() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

// Inline: the engine's code is the same as on its own thread (the default), but its
// memory is then measurable in this process. The dataset was just imported: skip the
// quick check, which reads every page of a large file.
const store = openSqliteStore({
  filename,
  journeyEngine: 'inline',
  quickCheck: false,
  indexSnapshots: false,
});
let report;
try {
  const events = await store.countEvents(projectId);
  const before = measureMemory();
  const funnel = await timeQuery(() => store.getFunnel(projectId, FUNNEL_QUERY));
  // The results held now are a few hundred bytes: what grew is the index.
  const after = measureMemory();
  const paths = await timeQuery(() => store.getPaths(projectId, PATHS_QUERY));
  report = {
    events,
    memory: { before, after, bytesPerEvent: (after - before) / events },
    // The first funnel built the index; its time is reported apart from the median.
    indexBuildMs: funnel.firstMs,
    funnel: { ...funnel, result: funnel.result.steps },
    paths,
  };
} finally {
  await store.close();
}
report.restart = await measureRestart();
reportToParent(report);

/**
 * A restart with the index saved beside the database: a cold build (as a first start
 * does), the snapshot written after that answer, then a new process on the same file
 * and the time from opening its store to its first funnel (the snapshot loaded, then
 * caught up): a fresh process, as a restarted server is, not this one's warm heap.
 */
async function measureRestart() {
  const directory = `${filename}.journey`;
  rmSync(directory, { recursive: true, force: true });
  const first = openSqliteStore({ filename, journeyEngine: 'inline', quickCheck: false });
  let started = performance.now();
  await first.getFunnel(projectId, FUNNEL_QUERY);
  const coldFirstFunnelMs = performance.now() - started;
  // The snapshot is written on the turn after the answer that made it due.
  started = performance.now();
  await new Promise((resolve) => setImmediate(resolve));
  const snapshotSaveMs = performance.now() - started;
  await first.close();
  const snapshotBytes = readdirSync(directory).reduce(
    (sum, name) => sum + statSync(join(directory, name)).size,
    0,
  );
  const runRestart = fileURLToPath(new URL('./runRestart.mjs', import.meta.url));
  const { restartFirstFunnelMs } = parseLastLine((await runNode([runRestart, filename, projectId])).stdout);
  rmSync(directory, { recursive: true, force: true });
  return { coldFirstFunnelMs, snapshotSaveMs, snapshotBytes, restartFirstFunnelMs };
}
