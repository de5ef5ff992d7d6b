import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@parcours/store';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARCOURS_BIN } from './support/paths.js';

// Issue 13, "a kill -9 test in CI": the real `parcours start` on a SQLite file, several
// clients sending batches with unique ids and noting which were acknowledged (200),
// SIGKILL in the middle of it, a restart on the same file. Every acknowledged event
// must be there exactly once ("acknowledged = committed", synchronous = FULL), the
// restarted server must pass its start-up checks, and a retry of every batch (what the
// SDK does for those never answered) must store nothing twice.
const CYCLES = 3;
const CLIENTS = 8;
const EVENTS_PER_BATCH = 50;
/** Kill once this many batches were acknowledged in the cycle: clients are still sending. */
const ACKS_BEFORE_KILL = 100;
/** …or after this long, whichever comes first. */
const KILL_AFTER_MS = 15_000;
const START_TIMEOUT_MS = 30_000;

let dir: string;
let db: string;
let writeKey: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-kill-'));
  db = join(dir, 'kill.db');
  const store = openSqliteStore({ filename: db });
  ({ writeKey } = await store.createProject({ name: 'Kill -9' }));
  await store.close();
});
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** `parcours start` on `db`; resolves with its collector URL once it listens. */
async function startServer(): Promise<string> {
  child = spawn(process.execPath, [PARCOURS_BIN, 'start', '--port', '0', '--host', '127.0.0.1', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Parcours is listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port !== undefined) resolve(`http://127.0.0.1:${port}/trpc/collect`);
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', (code) => reject(new Error(`parcours start exited with ${code}:\n${output}`)));
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`parcours start did not listen in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([listening, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

type Batch = { id: string; type: 'track'; name: string; anonymousId: string; timestamp: number }[];

const makeBatch = (name: string): Batch =>
  Array.from({ length: EVENTS_PER_BATCH }, (_, i) => ({
    id: `${name}-e${i}`,
    type: 'track',
    name: 'Added to cart',
    anonymousId: `${name}-anon-${i % 5}`,
    timestamp: Date.UTC(2026, 2, 1) + i,
  }));

interface Answer {
  status: number;
  retryAfterMs: number;
  duplicates?: number;
}

async function post(url: string, batch: Batch): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ writeKey, batch }) });
  const body = (await response.json()) as { result?: { data: { duplicates: number } } };
  const retryAfterMs = Math.min(2_000, Number(response.headers.get('retry-after') ?? 0) * 1000);
  return { status: response.status, retryAfterMs, duplicates: body.result?.data.duplicates };
}

/** A refusal with Retry-After (rate limit, load shedding) is not an acknowledgement: wait, resend. */
const isDeferred = (status: number) => status === 429 || status === 503;

/** Sends until acknowledged, as the SDK does, a bounded number of times. */
async function sendUntilAcknowledged(url: string, batch: Batch): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    const answer = await post(url, batch);
    if (!isDeferred(answer.status) || attempt === 20) return answer;
    await new Promise((resolve) => setTimeout(resolve, answer.retryAfterMs || 100));
  }
}

describe('kill -9 under load', () => {
  it(`loses no acknowledged event over ${CYCLES} kills and restarts, and stores none twice`, async () => {
    const acknowledged = new Set<string>();
    const sent: Batch[] = [];
    let unanswered = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const url = await startServer();
      const server = child!;
      let acksThisCycle = 0;
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        server.kill('SIGKILL');
      };
      // Bounded: should rate limits slow the clients down, the kill comes anyway.
      const deadline = setTimeout(kill, KILL_AFTER_MS);
      const client = async (c: number) => {
        for (let b = 0; ; b++) {
          const batch = makeBatch(`k${cycle}-c${c}-b${b}`);
          sent.push(batch);
          let answer: Answer;
          try {
            answer = await post(url, batch);
          } catch (error) {
            if (!killed) throw error;
            // Sent while or after the server died: never acknowledged, so the SDK keeps it.
            unanswered++;
            return;
          }
          if (isDeferred(answer.status)) {
            await new Promise((resolve) => setTimeout(resolve, answer.retryAfterMs || 50));
            continue;
          }
          expect(answer.status).toBe(200);
          for (const event of batch) acknowledged.add(event.id);
          if (++acksThisCycle === ACKS_BEFORE_KILL) kill();
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
      clearTimeout(deadline);
      if (server.exitCode === null && server.signalCode === null) await once(server, 'exit');
      expect(server.signalCode).toBe('SIGKILL');
    }
    expect(unanswered).toBeGreaterThanOrEqual(CYCLES);

    // What the file holds after the last kill, read before any restart touches it.
    const raw = new Database(db);
    const counts = new Map(
      (
        raw.prepare('SELECT event_id AS id, COUNT(*) AS n FROM events GROUP BY event_id').all() as {
          id: string;
          n: number;
        }[]
      ).map(({ id, n }) => [id, n]),
    );
    raw.close();
    const missing = [...acknowledged].filter((id) => counts.get(id) !== 1);
    expect(missing, `acknowledged but not stored exactly once: ${missing.slice(0, 5).join(', ')}`).toEqual(
      [],
    );
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    console.info(
      `kill -9 x${CYCLES}: ${acknowledged.size} events acknowledged, ${counts.size} stored (the rest of those ` +
        `committed but cut off before their answer), ${unanswered} requests cut off`,
    );

    // Restarted, it passes its start-up checks; the SDK's retries store the rest, once.
    const url = await startServer();
    let duplicates = 0;
    for (const batch of sent) {
      const answer = await sendUntilAcknowledged(url, batch);
      expect(answer.status).toBe(200);
      duplicates += answer.duplicates!;
    }
    expect(duplicates).toBe(counts.size);
    child!.kill('SIGTERM');
    await once(child!, 'exit');
    const after = new Database(db, { readonly: true });
    const { total, ids } = after
      .prepare('SELECT COUNT(*) AS total, COUNT(DISTINCT event_id) AS ids FROM events')
      .get() as { total: number; ids: number };
    after.close();
    expect({ total, ids }).toEqual({
      total: sent.length * EVENTS_PER_BATCH,
      ids: sent.length * EVENTS_PER_BATCH,
    });
  }, 120_000);
});
