import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { createProject, removeDatabase } from './importWithCli.mjs';
import { startParcours } from './startParcours.mjs';

/** A request waiting longer than this is given up (and counted as too slow). */
const CLIENT_TIMEOUT_MS = 15_000;
/** Clients retry a refused batch sooner than told, to keep the pressure on. */
const MAX_RETRY_WAIT_MS = 250;

/** The server's resident memory from /proc (Linux), in bytes; undefined elsewhere. */
function readRss(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** One batch of `size` events with unique ids `<prefix>-<i>`, as the SDK sends them. */
function createBody(writeKey, prefix, size) {
  const now = Date.now();
  const events = [];
  for (let i = 0; i < size; i++) {
    events.push(
      `{"id":"${prefix}-${i}","type":"track","name":"Product viewed","anonymousId":"anon-${prefix}",` +
        `"timestamp":${now + i},"channel":"web","properties":{"sku":"SKU-${i % 97}","price":${i % 50}.5}}`,
    );
  }
  return `{"writeKey":"${writeKey}","batch":[${events.join(',')}]}`;
}

function post(agent, port, body) {
  return new Promise((resolve) => {
    const sent = performance.now();
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/trpc/collect',
        timeout: CLIENT_TIMEOUT_MS,
        headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            retryAfter: res.headers['retry-after'],
            text,
            ms: performance.now() - sent,
          }),
        );
        res.on('error', () => resolve({ status: 0, text: 'response error', ms: performance.now() - sent }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', (error) => resolve({ status: 0, text: error.message, ms: performance.now() - sent }));
    req.end(body);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * The collector under overload (issue 13): `connections` keep-alive connections on
 * loopback each send batches of `batchSize` events with unique ids for `seconds`,
 * against `parcours start --max-memory-mb <maxMemoryMb>` in its own process on a
 * fresh SQLite file. A refused batch (429/503) is sent again, same ids, after its
 * `Retry-After` capped at 250 ms. The server's RSS is read from /proc every 100 ms.
 * Afterwards the server is stopped and the file opened read-only: every event of a
 * 200 answer must be there exactly once. Returns the figures and the problems found
 * (an empty `problems` is a pass).
 * @param {{ filename: string, connections?: number, batchSize?: number, seconds?: number, maxMemoryMb?: number, maxWaitMs?: number, log?: (line: string) => void }} options
 */
export async function loadCollector(options) {
  const {
    filename,
    connections = 200,
    batchSize = 500,
    seconds = 30,
    maxMemoryMb = 512,
    maxWaitMs = 5_000,
  } = options;
  const log = options.log ?? (() => undefined);
  const { writeKey } = await createProject(filename, 'load');
  const server = await startParcours(filename, ['--max-memory-mb', String(maxMemoryMb)]);
  const baselineRss = readRss(server.pid);
  let peakRss = baselineRss ?? 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, readRss(server.pid) ?? 0)), 100);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const statuses = {};
  /** Refusals by the reason their message gives. */
  const refusals = {};
  const latencies = [];
  const acknowledged = [];
  const problems = [];
  const note = (problem) => problems.length < 20 && problems.push(problem);
  let requests = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  try {
    const client = async (c) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const prefix = `L${c}-${n}`;
        const body = createBody(writeKey, prefix, batchSize);
        for (;;) {
          const answer = await post(agent, server.port, body);
          requests++;
          latencies.push(answer.ms);
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.ms > maxWaitMs)
            note(`a request waited ${Math.round(answer.ms)} ms (status ${answer.status})`);
          if (answer.status === 200) {
            const { accepted } = JSON.parse(answer.text).result.data;
            if (accepted !== batchSize) note(`${prefix}: ${accepted} of ${batchSize} accepted`);
            acknowledged.push(prefix);
            break;
          }
          const reason =
            /in flight|event loop|memory|address|write key/.exec(answer.text)?.[0] ?? String(answer.status);
          refusals[reason] = (refusals[reason] ?? 0) + 1;
          const retryAfter = Number(answer.retryAfter);
          if (![429, 503].includes(answer.status) || !(retryAfter > 0)) {
            note(
              `answered ${answer.status} with Retry-After ${answer.retryAfter}: ${answer.text.slice(0, 200)}`,
            );
          }
          if (performance.now() >= deadline) break;
          await sleep(Math.min((retryAfter || 1) * 1000, MAX_RETRY_WAIT_MS));
        }
      }
    };
    log(`${connections} connections, batches of ${batchSize}, ${seconds} s, ceiling ${maxMemoryMb} MiB`);
    await Promise.all(Array.from({ length: connections }, (_, c) => client(c)));
  } finally {
    clearInterval(sampler);
    agent.destroy();
    await server.stop();
  }
  const elapsedMs = performance.now() - started;

  // Every acknowledged event, exactly once, and nothing that was not acknowledged.
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  const counts = new Map();
  for (const { event_id: id, n } of db
    .prepare('SELECT event_id, COUNT(*) AS n FROM events GROUP BY event_id')
    .iterate()) {
    counts.set(id, n);
  }
  db.close();
  let missing = 0;
  let repeated = 0;
  for (const prefix of acknowledged) {
    for (let i = 0; i < batchSize; i++) {
      const n = counts.get(`${prefix}-${i}`) ?? 0;
      if (n === 0) missing++;
      else if (n > 1) repeated++;
    }
  }
  const eventsAcknowledged = acknowledged.length * batchSize;
  if (missing > 0) note(`${missing} acknowledged events are missing from the database`);
  if (repeated > 0) note(`${repeated} acknowledged events are stored more than once`);
  if (counts.size !== eventsAcknowledged)
    note(`${counts.size} events stored, ${eventsAcknowledged} acknowledged`);
  if (peakRss >= maxMemoryMb * 1024 * 1024)
    note(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB ≥ ceiling ${maxMemoryMb} MiB`);
  if (statuses[200] === undefined) note('no batch was accepted at all');
  removeDatabase(filename);

  latencies.sort((a, b) => a - b);
  return {
    connections,
    batchSize,
    seconds,
    elapsedMs,
    requests,
    statuses,
    refusals,
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? 0,
    },
    eventsAcknowledged,
    eventsPerSecond: eventsAcknowledged / (elapsedMs / 1000),
    eventsStored: counts.size,
    memory: { baselineMb: (baselineRss ?? 0) / 2 ** 20, peakMb: peakRss / 2 ** 20, ceilingMb: maxMemoryMb },
    problems,
  };
}

/** The figures in a few lines. */
export function formatLoadReport(result) {
  const { statuses, latencyMs, memory } = result;
  const ms = (value) => `${Math.round(value)} ms`;
  return [
    `collector under overload: ${result.connections} connections × batches of ${result.batchSize}, ${(result.elapsedMs / 1000).toFixed(1)} s`,
    `  requests ${result.requests}: 200 × ${statuses[200] ?? 0}, 429 × ${statuses[429] ?? 0}, 503 × ${statuses[503] ?? 0}` +
      Object.entries(statuses)
        .filter(([status]) => !['200', '429', '503'].includes(status))
        .map(([status, n]) => `, ${status} × ${n}`)
        .join(''),
    `  refused because of: ${
      Object.entries(result.refusals)
        .map(([reason, n]) => `${reason} × ${n}`)
        .join(', ') || 'nothing'
    }`,
    `  latency p50 ${ms(latencyMs.p50)}, p99 ${ms(latencyMs.p99)}, max ${ms(latencyMs.max)}`,
    `  events acknowledged ${result.eventsAcknowledged.toLocaleString('en')} (${Math.round(result.eventsPerSecond).toLocaleString('en')}/s), stored ${result.eventsStored.toLocaleString('en')}`,
    `  RSS ${memory.baselineMb.toFixed(0)} MiB at start, peak ${memory.peakMb.toFixed(0)} MiB, ceiling ${memory.ceilingMb} MiB`,
    result.problems.length === 0
      ? '  PASS'
      : `  FAIL:\n${result.problems.map((p) => `    - ${p}`).join('\n')}`,
  ].join('\n');
}
