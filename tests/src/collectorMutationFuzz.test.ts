import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createServer, TEST_SERVER_LIMITS } from '@parcours/server';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRequest, type FuzzRequest } from './support/collectorFuzzCases.js';

/**
 * Issue 13: a fast-check fuzzer on the raw HTTP collector. The real server on a temp
 * SQLite file gets valid batches mutated (wrong types, raw tokens, deep nesting, huge
 * numbers, lone surrogates, duplicate keys, truncation, flipped bytes), under random
 * content types, as one Content-Length write or in chunks, through `node:http`. No
 * answer may be a 5xx, nothing may be logged as a server error, and the server answers
 * a valid batch afterwards.
 */
let dir: string;
let store: Store;
let server: Server;
let port: number;
let project: CreatedProject;
const logged: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-fuzz-'));
  store = openSqliteStore({ filename: join(dir, 'fuzz.db') });
  project = await store.createProject({ name: 'Fuzz' });
  server = createServer({
    store,
    logError: (message, error) => logged.push(`${message}: ${String(error)}`),
    limits: TEST_SERVER_LIMITS,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The answer's status, or the client-side error when the server cut the connection. */
function send(
  fuzz: FuzzRequest,
): Promise<{ status: number; retryAfter?: string | undefined; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {};
    if (fuzz.contentType !== undefined) headers['Content-Type'] = fuzz.contentType;
    if (fuzz.transfer.kind === 'length') headers['Content-Length'] = String(fuzz.body.length);
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: fuzz.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          retryAfter: res.headers['retry-after'],
          body: Buffer.concat(chunks).toString(),
        }),
      );
      res.on('error', (error) => resolve({ error: error.message }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    if (fuzz.transfer.kind === 'length') {
      req.end(fuzz.body);
      return;
    }
    // Without a Content-Length, node:http sends Transfer-Encoding: chunked, a chunk a write.
    let from = 0;
    for (const to of fuzz.transfer.splits) {
      if (to > from) req.write(fuzz.body.subarray(from, to));
      from = Math.max(from, to);
    }
    req.end(fuzz.body.subarray(from));
  });
}

describe('the raw HTTP collector under fuzzing', () => {
  it('never answers a 5xx, logs no server error, and stores what was valid', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequest(project.writeKey), async (fuzz) => {
        const answer = await send(fuzz);
        const key = 'status' in answer ? String(answer.status) : `client error`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        const story = [...fuzz.story, JSON.stringify(answer).slice(0, 300)].join('\n');
        if ('status' in answer) {
          // No 5xx, except the designed answer to overload: 503 with Retry-After (load shedding).
          if (answer.status !== 503 || answer.retryAfter === undefined)
            expect(answer.status, story).toBeLessThan(500);
          expect(answer.status, story).toBeGreaterThanOrEqual(200);
          // A valid batch is stored, unless the server asks to come back later (rate limit, load).
          if (fuzz.untouched && answer.status !== 200) {
            expect([429, 503], story).toContain(answer.status);
            expect(answer.retryAfter, story).toBeDefined();
          }
        } else {
          // A cut connection is only acceptable for a body over the size limit (413, then close).
          expect(fuzz.body.length, story).toBeGreaterThan(512 * 1024);
        }
        expect(logged, story).toEqual([]);
      }),
      { numRuns: 300, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false },
    );
    console.log('fuzz outcomes by status:', Object.fromEntries(outcomes));
    expect(outcomes.get('200') ?? 0, 'some runs must be valid batches').toBeGreaterThan(10);
    expect([...outcomes.keys()].filter((status) => status.startsWith('4')).length).toBeGreaterThan(1);

    // Still answering, and still storing.
    const alive = await send({
      path: '/trpc/collect',
      contentType: 'text/plain',
      transfer: { kind: 'length' },
      body: Buffer.from(
        JSON.stringify({
          writeKey: project.writeKey,
          batch: [
            {
              id: 'after-fuzz',
              type: 'track',
              name: 'Alive',
              anonymousId: 'fuzz',
              timestamp: Date.UTC(2026, 1, 1),
            },
          ],
        }),
      ),
      untouched: true,
      story: [],
    });
    expect(alive).toMatchObject({ status: 200 });
    expect(
      (await store.getPersonTimeline(project.projectId, { anonymousId: 'fuzz' }))?.events.map((e) => e.id),
    ).toContain('after-fuzz');
  }, 120_000);
});
