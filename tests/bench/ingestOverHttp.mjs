import { createReadStream } from 'node:fs';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { createProject } from './importWithCli.mjs';
import { startParcours } from './startParcours.mjs';

export const BATCH = 50;
export const CONNECTIONS = 32;

/**
 * HTTP ingest as the SDKs do it: `POST /trpc/collect` with batches of 50 events over
 * 32 concurrent keep-alive connections on loopback, against `parcours start` in its
 * own process on a fresh database. A batch counts once its answer arrived, which the
 * collector sends only after the batch is committed (acknowledged = durable).
 * Bounded: the first `events` lines of the file, or `maxSeconds`, whichever ends first.
 * @param {{ file: string, filename: string, events: number, maxSeconds?: number }} options
 */
export async function ingestOverHttp({ file, filename, events, maxSeconds = 60 }) {
  const { writeKey } = await createProject(filename, 'bench-http');
  const bodies = await readBodies(file, writeKey, events);
  // Capacity, not policy: the default rate limits would cap one loopback client.
  const server = await startParcours(filename, ['--ip-rate-limit', '0', '--write-key-rate-limit', '0']);
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  try {
    const totals = { batches: 0, accepted: 0, duplicates: 0, failed: 0 };
    const latenciesMs = [];
    const deadline = performance.now() + maxSeconds * 1000;
    let next = 0;
    const started = performance.now();
    const connection = async () => {
      while (next < bodies.length && performance.now() < deadline) {
        const body = bodies[next++];
        const sent = performance.now();
        const { status, text } = await post(agent, server.port, body);
        latenciesMs.push(performance.now() - sent);
        totals.batches++;
        if (status !== 200) {
          totals.failed++;
          if (totals.failed <= 3) process.stderr.write(`collect answered ${status}: ${text.slice(0, 300)}\n`);
          continue;
        }
        const { accepted, duplicates } = JSON.parse(text).result.data;
        totals.accepted += accepted;
        totals.duplicates += duplicates;
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, connection));
    const elapsedMs = performance.now() - started;
    latenciesMs.sort((a, b) => a - b);
    return {
      batchSize: BATCH,
      connections: CONNECTIONS,
      ...totals,
      elapsedMs,
      eventsPerSecond: totals.accepted / (elapsedMs / 1000),
      latencyMs: {
        p50: latenciesMs[Math.floor(latenciesMs.length * 0.5)],
        p99: latenciesMs[Math.floor(latenciesMs.length * 0.99)],
      },
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

/** Request bodies of BATCH events each, built from the file's lines without re-encoding. */
export async function readBodies(file, writeKey, events) {
  const bodies = [];
  let batch = [];
  let count = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    batch.push(line);
    if (batch.length === BATCH) {
      bodies.push(`{"writeKey":${JSON.stringify(writeKey)},"batch":[${batch.join(',')}]}`);
      batch = [];
    }
    if (++count === events) break;
  }
  lines.close();
  if (batch.length > 0) bodies.push(`{"writeKey":${JSON.stringify(writeKey)},"batch":[${batch.join(',')}]}`);
  return bodies;
}

/**
 * One request on loopback through `agent`: a `POST /trpc/collect` of `body`, or what
 * `options` says (`method`, `path`, `headers`); resolves with the status and the text.
 */
export function post(agent, port, body, options = {}) {
  const { method = 'POST', path = '/trpc/collect', headers = {} } = options;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers:
          body === undefined
            ? headers
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
