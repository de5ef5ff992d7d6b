import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

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

/** One server-sent event: its `event:` name (none for data) and its parsed `data:`. */
interface SentEvent {
  event: string | undefined;
  data: any;
}

/** Reads an SSE response's events as they come. */
async function* readEvents(response: Response): AsyncGenerator<SentEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body!) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        lines.filter((line) => line.startsWith(`${name}:`)).map((line) => line.slice(name.length + 1).trim());
      const data = field('data').join('\n');
      if (data !== '') yield { event: field('event')[0], data: JSON.parse(data) };
    }
  }
}

/** The next event that carries data (not tRPC's `connected` or `ping`). */
async function nextData(events: AsyncGenerator<SentEvent>): Promise<SentEvent> {
  for (;;) {
    const { value, done } = await events.next();
    if (done) throw new Error('the stream ended');
    if (value.event !== 'connected' && value.event !== 'ping') return value;
  }
}

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
