/**
 * Child process, run with `node --expose-gc`: opens the imported SQLite store and
 * times the benchmark's funnel and paths through the `Store` API. The first funnel
 * builds the journey index from SQLite; the memory it adds is measured as heapUsed +
 * arrayBuffers after a full GC, before and after. Usage: node --expose-gc
 * runParcours.mjs DB_FILE PROJECT_ID. Prints one JSON line.
 */
import { openSqliteStore } from '@parcours/store';
import { FUNNEL_QUERY, PATHS_QUERY, reportToParent, timeQuery } from './benchQueries.mjs';

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
const store = openSqliteStore({ filename, journeyEngine: 'inline', quickCheck: false });
try {
  const events = await store.countEvents(projectId);
  const before = measureMemory();
  const funnel = await timeQuery(() => store.getFunnel(projectId, FUNNEL_QUERY));
  // The results held now are a few hundred bytes: what grew is the index.
  const after = measureMemory();
  const paths = await timeQuery(() => store.getPaths(projectId, PATHS_QUERY));
  reportToParent({
    events,
    memory: { before, after, bytesPerEvent: (after - before) / events },
    // The first funnel built the index; its time is reported apart from the median.
    indexBuildMs: funnel.firstMs,
    funnel: { ...funnel, result: funnel.result.steps },
    paths,
  });
} finally {
  await store.close();
}
