import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';
import { nextData, readServerSentEvents as readEvents } from './testing/readServerSentEvents.js';

/**
 * Issue 12: `live.*` subscriptions are server-sent events on the real HTTP server,
 * through the same route, limits and authorisation as the read API.
 */
let dir: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-live-http-'));
  store = openSqliteStore({ filename: join(dir, 'live.db') });
  project = await store.createProject({ name: 'Shop' });
  server = createServer({ store, publicDir: dir, logError: () => {}, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 30_000);
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const subscriptionUrl = (path: string) =>
  `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ projectId: project.projectId }))}`;

const collect = (name: string) =>
  fetch(`${base}/trpc/collect`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({
      writeKey: project.writeKey,
      batch: [
        { id: `${name}-${Date.now()}`, type: 'track', name, anonymousId: 'dev-1', timestamp: Date.now() },
      ],
    }),
  });

describe('live subscriptions over HTTP', () => {
  it('streams the latest touchpoints as text/event-stream, and again within 2 s of an acknowledged collect', async () => {
    const controller = new AbortController();
    const response = await fetch(subscriptionUrl('live.touchpoints'), {
      headers: { Authorization: `Bearer ${project.secretKey}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readEvents(response);
    const first = await nextData(events);
    expect(first).toEqual({ event: undefined, data: { at: expect.any(Number), touchpoints: [] } });

    const sent = await collect('Signed up');
    expect(sent.status).toBe(200);
    const acknowledged = Date.now();
    const second = await nextData(events);
    expect(Date.now() - acknowledged).toBeLessThan(2_000);
    expect(second.data.touchpoints.map((t: { name: string }) => t.name)).toEqual(['Signed up']);
    controller.abort();
  });

  it("pushes touchpoints that another process stored: `parcours import` into the running server's file", async () => {
    const controller = new AbortController();
    const response = await fetch(subscriptionUrl('live.touchpoints'), {
      headers: { Authorization: `Bearer ${project.secretKey}` },
      signal: controller.signal,
    });
    const events = readEvents(response);
    const first = await nextData(events);
    const file = join(dir, 'store-visits.ndjson');
    const visit = { id: `visit-${Date.now()}`, type: 'track', name: 'Store visit', anonymousId: 'card-9' };
    writeFileSync(file, JSON.stringify({ ...visit, timestamp: Date.now(), channel: 'store' }) + '\n');
    // The real binary, in its own process: this server's collector never sees the batch.
    const bin = fileURLToPath(new URL('../bin/parcours.js', import.meta.url));
    const imported = await promisify(execFile)(process.execPath, [
      bin,
      'import',
      file,
      '--project',
      project.projectId,
      '--db',
      join(dir, 'live.db'),
    ]);
    expect(JSON.parse(imported.stdout)).toEqual({ imported: 1, duplicates: 0, rejected: 0 });
    const done = Date.now();
    const pushed = await nextData(events);
    expect(Date.now() - done, 'pushed within 2 s of the import').toBeLessThan(2_000);
    expect(pushed.data.touchpoints[0]).toMatchObject({ id: visit.id, name: 'Store visit', channel: 'store' });
    expect(pushed.data.touchpoints.length).toBe(first.data.touchpoints.length + 1);
    controller.abort();
  }, 30_000);

  it('refuses a subscription without credentials with the error a query gets (UNAUTHORIZED, 401)', async () => {
    // An event stream has begun (200) before the procedure runs: tRPC sends its errors as events.
    const response = await fetch(subscriptionUrl('live.changes'));
    const refused = await nextData(readEvents(response));
    expect(refused.event).toBe('serialized-error');
    expect(refused.data).toMatchObject({
      message: expect.stringMatching(/Sign in/),
      data: { code: 'UNAUTHORIZED', httpStatus: 401, path: 'live.changes' },
    });
  });
});
