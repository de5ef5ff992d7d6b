import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, TEST_SERVER_LIMITS } from '@parcours/server';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
  // Input handling is under test, not overload: a busy test process must not shed.
  server = createServer({
    store,
    logError: (message) => logged.push(message),
    maxMemoryMb: 1_000_000,
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

const validBody = (seed: number) =>
  Buffer.from(
    JSON.stringify({
      writeKey: project.writeKey,
      consent: ['analytics'],
      batch: [
        { id: `fz-${seed}-a`, type: 'page', name: 'Home', anonymousId: 'dev', timestamp: 1_767_225_600_000 },
        {
          id: `fz-${seed}-b`,
          type: 'track',
          name: 'Café ☕',
          anonymousId: 'dev',
          timestamp: 1_767_225_600_001,
          properties: { plan: 'pro', n: 3, ok: true, none: null },
        },
      ],
    }),
  );

/** A mutation of a valid body: bytes flipped, inserted, cut, or the whole body random. */
const mutatedBody = fc.oneof(
  fc
    .record({ seed: fc.nat(), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) })
    .map(({ seed, at, byte }) => {
      const body = validBody(seed);
      body[at % body.length] = byte;
      return body;
    }),
  fc
    .record({ seed: fc.nat(), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) })
    .map(({ seed, at, bytes }) => {
      const body = validBody(seed);
      const cut = at % body.length;
      return Buffer.concat([body.subarray(0, cut), bytes, body.subarray(cut)]);
    }),
  fc.record({ seed: fc.nat(), at: fc.nat() }).map(({ seed, at }) => {
    const body = validBody(seed);
    return body.subarray(0, at % body.length);
  }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.nat().map(validBody),
);

const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'text/html',
);

/** Sends `body` with a Content-Length, or chunked at the given cut points. */
function send(path: string, body: Buffer, type: string | undefined, chunkAt: number[] | undefined) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (type !== undefined) headers['content-type'] = type;
    if (chunkAt === undefined) headers['content-length'] = body.length;
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    if (chunkAt === undefined) return void req.end(body);
    let from = 0;
    for (const cut of [...new Set(chunkAt.map((at) => at % (body.length + 1)))].sort((a, b) => a - b)) {
      if (cut > from) req.write(body.subarray(from, cut));
      from = cut;
    }
    req.end(body.subarray(from));
  });
}

describe('the raw HTTP collector, fuzzed', () => {
  it('answers mutated bodies, content types and chunkings with a 2xx or a 4xx tRPC error, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/trpc/collect', '/trpc/consent'),
        mutatedBody,
        contentType,
        fc.option(fc.array(fc.nat(), { maxLength: 6 }), { nil: undefined }),
        async (path, body, type, chunkAt) => {
          const { status, text } = await send(path, body, type, chunkAt);
          expect(status, `${status} ${text}`).toBeLessThan(500);
          if (status >= 400) {
            const { error } = JSON.parse(text) as {
              error: { message: string; data: { httpStatus: number } };
            };
            expect(error.data.httpStatus).toBe(status);
            expect(error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1_000 },
    );
    expect(logged).toEqual([]);
  }, 60_000);
});
