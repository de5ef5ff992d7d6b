import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ServerOptions } from './createServer.js';
import { openRawConnection, postHead } from './http/rawHttp.testSupport.js';

let dir: string;
let store: Store;
let project: CreatedProject;
let other: CreatedProject;
const servers: Server[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-overload-'));
  store = openSqliteStore({ filename: join(dir, 'overload.db') });
  project = await store.createProject({ name: 'Overload' });
  other = await store.createProject({ name: 'Other' });
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: Omit<ServerOptions, 'store'>): Promise<string> {
  const server = createServer({ store, publicDir: dir, ...options });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let seq = 0;
const events = (count: number) =>
  Array.from({ length: count }, () => ({
    id: `overload-${++seq}`,
    type: 'track',
    name: 'Viewed',
    anonymousId: 'device-1',
    timestamp: Date.UTC(2026, 3, 1) + seq,
  }));

async function collect(base: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { error?: { message: string; data: { code: string } } };
  return { status: response.status, headers: response.headers, error: json.error };
}

describe('rate limits', () => {
  it('answers 429 with Retry-After past the burst of one address, readable cross-origin', async () => {
    const base = await start({ rateLimits: { perIp: { ratePerSecond: 1, burst: 3 } } });
    const body = { writeKey: project.writeKey, batch: events(1) };
    for (let i = 0; i < 3; i++) expect((await collect(base, body)).status).toBe(200);
    const refused = await collect(base, { writeKey: project.writeKey, batch: events(1) });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(refused.error).toMatchObject({
      message: 'Too many requests from this address: at most 1 requests a second (bursts of 3); retry in 1 s',
      data: { code: 'TOO_MANY_REQUESTS' },
    });
  });

  it('refuses an address before reading the body: a head alone gets the 429', async () => {
    const base = await start({ rateLimits: { perIp: { ratePerSecond: 1, burst: 1 } } });
    expect((await collect(base, { writeKey: project.writeKey, batch: events(1) })).status).toBe(200);
    const connection = await openRawConnection(Number(new URL(base).port));
    await connection.write(
      postHead('/trpc/collect', { 'Content-Type': 'text/plain', 'Content-Length': 400_000 }),
    );
    const response = await connection.response;
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('1');
    connection.socket.destroy();
  });

  it('behind --trust-proxy, counts each client address of X-Forwarded-For apart', async () => {
    const base = await start({ trustProxy: true, rateLimits: { perIp: { ratePerSecond: 1, burst: 1 } } });
    const body = () => ({ writeKey: project.writeKey, batch: events(1) });
    expect((await collect(base, body(), { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(200);
    expect((await collect(base, body(), { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(429);
    expect((await collect(base, body(), { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(200);
  });

  it('answers 429 past the events a write key may send, storing nothing of that batch', async () => {
    const base = await start({ rateLimits: { perWriteKey: { ratePerSecond: 10, burst: 20 } } });
    expect((await collect(base, { writeKey: project.writeKey, batch: events(15) })).status).toBe(200);
    const before = await store.countEvents(project.projectId);
    const refused = await collect(base, { writeKey: project.writeKey, batch: events(15) });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.error?.message).toBe(
      'Too many events for this write key: at most 10 events a second (bursts of 20); retry in 1 s',
    );
    expect(await store.countEvents(project.projectId)).toBe(before);
    // Another project's key has its own bucket.
    expect((await collect(base, { writeKey: other.writeKey, batch: events(15) })).status).toBe(200);
  });
});

describe('load shedding', () => {
  it('answers 503 with Retry-After while too many collector requests are in flight', async () => {
    const base = await start({ limits: { maxCollectsInFlight: 1 } });
    const body = JSON.stringify({ writeKey: project.writeKey, batch: events(1) });
    const slow = await openRawConnection(Number(new URL(base).port));
    // Half a body: this request stays in flight until the rest comes.
    await slow.write(
      postHead('/trpc/collect', { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) }),
    );
    await slow.write(body.slice(0, 10));
    await sleep(100);
    const shed = await collect(base, { writeKey: project.writeKey, batch: events(1) });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(shed.error).toMatchObject({
      message: 'Parcours is overloaded (1 collector requests in flight, at most 1): retry in 1 s',
      data: { code: 'SERVICE_UNAVAILABLE' },
    });
    await slow.write(body.slice(10));
    expect((await slow.response).status).toBe(200);
    slow.socket.destroy();
    await sleep(50);
    expect((await collect(base, { writeKey: project.writeKey, batch: events(1) })).status).toBe(200);
  });

  it('answers 503 after the event loop was blocked too long, and takes batches again after', async () => {
    const base = await start({ limits: { maxEventLoopDelayMs: 150 } });
    // The server runs in this process: blocking this loop blocks the server's.
    const until = performance.now() + 400;
    while (performance.now() < until);
    await sleep(30);
    const shed = await collect(base, { writeKey: project.writeKey, batch: events(1) });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('2');
    expect(shed.error?.message).toMatch(
      /^Parcours is overloaded \(the event loop was blocked \d+ ms, at most 150\): retry in 2 s$/,
    );
    // Two measuring windows later, the spell is forgotten.
    await sleep(1_200);
    expect((await collect(base, { writeKey: project.writeKey, batch: events(1) })).status).toBe(200);
  }, 10_000);

  it('answers 503 to collect (not to the read API) when memory nears the ceiling', async () => {
    // This test process holds far more than 16 MiB: over 85% of that ceiling at once.
    const base = await start({ maxMemoryMb: 16 });
    const shed = await collect(base, { writeKey: project.writeKey, batch: events(1) });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('5');
    expect(shed.error?.message).toMatch(
      /^Parcours is overloaded \(memory at \d+ MiB of its 16 MiB ceiling\): retry in 5 s$/,
    );
    const input = encodeURIComponent(
      JSON.stringify({ projectId: project.projectId, anonymousId: 'device-1' }),
    );
    const read = await fetch(`${base}/trpc/journeys.person?input=${input}`, {
      headers: { Authorization: `Bearer ${project.secretKey}` },
    });
    expect(read.status).toBe(200);
  });
});
