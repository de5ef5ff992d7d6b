/**
 * Child process: a restart, as a new server process meets it. Opens the store on a
 * file whose journey index snapshot was just saved and times the first funnel (the
 * snapshot loaded, then caught up), and the process's RSS then. Usage: node
 * --expose-gc runRestart.mjs DB_FILE PROJECT_ID. Prints one JSON line.
 */
import { openSqliteStore } from '@parcours/store';
import { FUNNEL_QUERY, reportToParent } from './benchQueries.mjs';

const [filename, projectId] = process.argv.slice(2);
const started = performance.now();
const store = openSqliteStore({ filename, journeyEngine: 'inline', quickCheck: false });
try {
  await store.getFunnel(projectId, FUNNEL_QUERY);
  const restartFirstFunnelMs = performance.now() - started;
  // A restarted server's resident memory once it answers (run with --expose-gc).
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  reportToParent({ restartFirstFunnelMs, rss: process.memoryUsage().rss });
} finally {
  await store.close();
}
