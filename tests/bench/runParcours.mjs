/**
 * Child process, run with `node --expose-gc`: opens the imported SQLite store and
 * times the benchmark's funnel and paths through the `Store` API. The first funnel
 * builds the journey index from SQLite (and its snapshot is saved, for the restart); the memory it adds is measured as heapUsed +
 * arrayBuffers after a full GC, before and after, and the process's RSS after it. Usage: node --expose-gc
 * runParcours.mjs DB_FILE PROJECT_ID. Prints one JSON line.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '@parcours/store';
import {
  FRICTION_QUERY,
  FUNNEL_QUERY,
  PATHS_QUERY,
  SEGMENTED_FUNNEL_QUERY,
  reportToParent,
  timeQuery,
} from './benchQueries.mjs';
import { parseLastLine, runNode } from './runChild.mjs';

const [filename, projectId] = process.argv.slice(2);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

/** Live JS memory, after collecting everything collectable. */
function measureMemory() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** The whole process's resident memory (V8, SQLite, native), after a full GC. */
function measureRss() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  return process.memoryUsage().rss;
}

// Inline: the engine's code is the same as on its own thread (the default), but its
// memory is then measurable in this process. The dataset was just imported: skip the
// quick check, which reads every page of a large file. Snapshots on, so that the cold
// build below is saved and a restart can be measured without a second cold build.
const directory = `${filename}.journey`;
rmSync(directory, { recursive: true, force: true });
const store = openSqliteStore({ filename, journeyEngine: 'inline', quickCheck: false });
let report;
try {
  const events = await store.countEvents(projectId);
  const before = measureMemory();
  // The first funnel builds the index, as a first start does (reported apart from the median).
  let started = performance.now();
  await store.getFunnel(projectId, FUNNEL_QUERY);
  const indexBuildMs = performance.now() - started;
  // The snapshot is written on the turn after the answer that made it due.
  started = performance.now();
  await new Promise((resolve) => setImmediate(resolve));
  const snapshotSaveMs = performance.now() - started;
  const funnel = await timeQuery(() => store.getFunnel(projectId, FUNNEL_QUERY));
  // The results held now are a few hundred bytes: what grew is the index.
  const after = measureMemory();
  // Everything the process holds after a cold build: index, SQLite's cache, the heap V8 kept.
  const rss = measureRss();
  const paths = await timeQuery(() => store.getPaths(projectId, PATHS_QUERY));
  const friction = await timeQuery(() => store.getFriction(projectId, FRICTION_QUERY));
  const segmentedFunnel = await timeQuery(() => store.getFunnel(projectId, SEGMENTED_FUNNEL_QUERY));
  report = {
    events,
    memory: { before, after, bytesPerEvent: (after - before) / events, rss, rssPerEvent: rss / events },
    indexBuildMs,
    funnel: { ...funnel, result: funnel.result.steps },
    segmentedFunnel: { ...segmentedFunnel, result: segmentedFunnel.result.steps },
    paths,
    friction: { ...friction, result: undefined },
    restart: { coldFirstFunnelMs: indexBuildMs, snapshotSaveMs },
  };
} finally {
  await store.close();
}
Object.assign(report.restart, await measureRestart());
rmSync(directory, { recursive: true, force: true });
reportToParent(report);

/**
 * A restart with the index saved beside the database (by the cold build above): a new
 * process on the same file, and the time from opening its store to its first funnel
 * (the snapshot loaded, then caught up): a fresh process, as a restarted server is,
 * not this one's warm heap.
 */
async function measureRestart() {
  const snapshotBytes = readdirSync(directory).reduce(
    (sum, name) => sum + statSync(join(directory, name)).size,
    0,
  );
  const runRestart = fileURLToPath(new URL('./runRestart.mjs', import.meta.url));
  const { restartFirstFunnelMs, rss } = parseLastLine(
    (await runNode(['--expose-gc', runRestart, filename, projectId])).stdout,
  );
  return { snapshotBytes, restartFirstFunnelMs, rss };
}
