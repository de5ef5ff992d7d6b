import { rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { openSqliteStore } from '@parcours/store';
import { FUNNEL_QUERY } from './benchQueries.mjs';
import { BATCH, CONNECTIONS, post, readBodies } from './ingestOverHttp.mjs';
import { startParcours } from './startParcours.mjs';

/** Load kept on after the first funnel answer: the snapshot write and the WAL's catch-up. */
const AFTER_MS = 2_000;
/** How long to wait before asking again when a funnel answer came back at once (busy). */
const POLL_PAUSE_MS = 100;

/**
 * HTTP collect while a restart's index work runs (issue 10): `parcours start` on the
 * imported database with no index snapshot, so the server's warm-up builds the
 * project's journey index from every row (the worst restart), while 32 keep-alive
 * connections send batches of 50 as `ingestOverHttp` does. The events are the file's
 * first lines under new ids (`r<cycle>e7-…`), so each is stored, not a duplicate. One
 * funnel request through the HTTP API (`journeys.funnel`, a read key), asked again
 * while it answers "warming up", marks the end of the build: the build window runs
 * from the server listening to that answer. Reported: events acknowledged in the
 * window per second, latency p50/p99/max of the collect requests sent in it, and the
 * same for the `AFTER_MS` that follow (the snapshot is written then, and SQLite
 * checkpoints what the build's long read held back).
 * @param {{ file: string, filename: string, projectId: string, events: number }} options
 */
export async function collectDuringRestart({ file, filename, projectId, events }) {
  const snapshots = `${filename}.journey`;
  rmSync(snapshots, { recursive: true, force: true });
  const { writeKey, readKey } = await getKeys(filename, projectId);
  const bodies = await readBodies(file, writeKey, events);
  const server = await startParcours(filename, ['--ip-rate-limit', '0', '--write-key-rate-limit', '0']);
  const started = performance.now();
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  try {
    let stopAt = Infinity;
    const load = sendUntil(agent, server.port, bodies, () => performance.now() >= stopAt);
    const funnel = await waitForFunnel(server.port, projectId, readKey);
    const builtAt = performance.now();
    stopAt = builtAt + AFTER_MS;
    const requests = await load;
    return {
      batchSize: BATCH,
      connections: CONNECTIONS,
      buildMs: builtAt - started,
      funnelAsks: funnel.asks,
      funnelAnswers: funnel.statuses,
      build: summarise(requests, started, builtAt),
      after: summarise(requests, builtAt, stopAt),
    };
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(snapshots, { recursive: true, force: true });
  }
}

/** The project's write key, and a new `read` secret key for the funnel request. */
async function getKeys(filename, projectId) {
  const store = openSqliteStore({
    filename,
    journeyEngine: 'inline',
    indexSnapshots: false,
    quickCheck: false,
  });
  try {
    const project = await store.getProject(projectId);
    if (project === undefined) throw new Error(`no project ${projectId} in ${filename}`);
    const { key } = await store.createSecretKey(projectId, { scope: 'read', label: 'bench restart' });
    return { writeKey: project.writeKey, readKey: key };
  } finally {
    await store.close();
  }
}

/** Every connection sends the bodies in turn (new ids each cycle) until `done()`; resolves with each request. */
async function sendUntil(agent, port, bodies, done) {
  const requests = [];
  let next = 0;
  let failures = 0;
  const connection = async () => {
    while (!done()) {
      const cycle = Math.floor(next / bodies.length);
      const body = bodies[next++ % bodies.length].replaceAll('"id":"e', `"id":"r${cycle}e`);
      const sentAt = performance.now();
      const { status, text } = await post(agent, port, body);
      const doneAt = performance.now();
      const accepted = status === 200 ? JSON.parse(text).result.data.accepted : 0;
      if (status !== 200 && ++failures <= 3)
        process.stderr.write(`collect during restart answered ${status}: ${text.slice(0, 300)}\n`);
      requests.push({ sentAt, doneAt, status, accepted });
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  return requests;
}

/** Asks the bench's funnel until it is answered (200); each "warming up" 503 is asked again. */
async function waitForFunnel(port, projectId, readKey) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const input = encodeURIComponent(JSON.stringify({ projectId, ...FUNNEL_QUERY }));
  const statuses = {};
  try {
    for (let asks = 1; ; asks++) {
      const asked = performance.now();
      const { status, text } = await post(agent, port, undefined, {
        method: 'GET',
        path: `/trpc/journeys.funnel?input=${input}`,
        headers: { authorization: `Bearer ${readKey}` },
      });
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200) return { asks, statuses };
      if (status !== 503) throw new Error(`journeys.funnel answered ${status}: ${text.slice(0, 300)}`);
      // A warming-up answer waits about 2 s; a busy one comes at once: do not spin.
      if (performance.now() - asked < POLL_PAUSE_MS) await new Promise((r) => setTimeout(r, POLL_PAUSE_MS));
    }
  } finally {
    agent.destroy();
  }
}

/** Events acknowledged between `from` and `to` per second, and the latency of the requests sent then. */
function summarise(requests, from, to) {
  const sent = requests.filter((r) => r.sentAt >= from && r.sentAt < to);
  const latencies = sent.map((r) => r.doneAt - r.sentAt).sort((a, b) => a - b);
  const accepted = requests
    .filter((r) => r.doneAt >= from && r.doneAt < to)
    .reduce((sum, r) => sum + r.accepted, 0);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN;
  return {
    ms: to - from,
    requests: sent.length,
    failed: sent.filter((r) => r.status !== 200).length,
    accepted,
    eventsPerSecond: accepted / ((to - from) / 1000),
    latencyMs: { p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN },
  };
}
