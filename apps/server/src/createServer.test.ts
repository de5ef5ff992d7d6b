import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

let dir: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;
const logged: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-server-'));
  const publicDir = join(dir, 'public');
  mkdirSync(publicDir);
  writeFileSync(join(publicDir, 'index.html'), '<!doctype html><title>Parcours</title>');
  writeFileSync(join(publicDir, 'sdk.js'), 'window.parcours={}');
  writeFileSync(join(publicDir, 'banner.js'), '/* banner */');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  store = openSqliteStore({ filename: join(dir, 'server.db') });
  project = await store.createProject({ name: 'HTTP' });
  server = createServer({
    store,
    publicDir,
    logError: (message) => logged.push(message),
    limits: TEST_SERVER_LIMITS,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (minute: number) => Date.UTC(2026, 3, 1) + minute * 60_000;
let seq = 0;
const event = (anonymousId: string, name: string, extra: object = {}) => ({
  id: `http-${++seq}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: at(seq),
  ...extra,
});

async function post(body: unknown, contentType = 'application/json') {
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

async function getPerson(input: object, secretKey?: string) {
  const url = `${base}/trpc/journeys.person?input=${encodeURIComponent(JSON.stringify(input))}`;
  const headers: Record<string, string> = secretKey ? { Authorization: `Bearer ${secretKey}` } : {};
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as any };
}

describe('POST /trpc/collect', () => {
  it('stores a text/plain batch (sendBeacon) and a JSON batch, and answers duplicates on replay', async () => {
    const beaconBatch = { writeKey: project.writeKey, batch: [event('a', 'One'), event('a', 'Two')] };
    const plain = await post(beaconBatch, 'text/plain;charset=UTF-8');
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({ result: { data: { accepted: 2, duplicates: 0 } } });
    expect(plain.headers.get('access-control-allow-origin')).toBe('*');

    const jsonBatch = { writeKey: project.writeKey, batch: [event('b', 'Three')] };
    expect((await post(jsonBatch)).body).toEqual({ result: { data: { accepted: 1, duplicates: 0 } } });

    const replay = await post(beaconBatch, 'text/plain');
    expect(replay.body).toEqual({ result: { data: { accepted: 0, duplicates: 2 } } });
    expect(await store.countEvents(project.projectId)).toBe(3);
  });

  it('answers CORS preflights', async () => {
    const response = await fetch(`${base}/trpc/collect`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });

  it('answers 400 naming the bad field, and stores nothing of that batch', async () => {
    const before = await store.countEvents(project.projectId);
    const bad = {
      writeKey: project.writeKey,
      batch: [event('c', 'Fine'), event('c', 'Bad', { timestamp: 'soon' })],
    };
    const { status, body } = await post(bad, 'text/plain');
    expect(status).toBe(400);
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toContain('batch[1].timestamp');
    expect(body.error.data.issues).toEqual([expect.objectContaining({ path: 'batch[1].timestamp' })]);
    expect(await store.countEvents(project.projectId)).toBe(before);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const { status, body } = await post('{"writeKey":', 'text/plain');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/JSON/i);
  });

  it('answers 401 for an unknown write key, readable cross-origin', async () => {
    const { status, body, headers } = await post({ writeKey: 'wk_unknown', batch: [event('d', 'X')] });
    expect(status).toBe(401);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(body.error.message).toBe('Unknown write key');
  });

  it('answers 413 over 500 events and over 512 KB', async () => {
    const many = Array.from({ length: 501 }, () => event('e', 'Many'));
    const tooMany = await post({ writeKey: project.writeKey, batch: many });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.message).toMatch(/at most 500 events/);

    const padding = 'x'.repeat(2_000);
    const heavy = Array.from({ length: 300 }, () => event('e', 'Heavy', { properties: { padding } }));
    const tooBig = await post({ writeKey: project.writeKey, batch: heavy });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.data.code).toBe('PAYLOAD_TOO_LARGE');
    expect(tooBig.body.error.message).toBe('A request body holds at most 524288 bytes (512 KiB)');
    expect(tooBig.headers.get('connection')).toBe('close');
  });

  it('hides an unexpected error behind a 500 and logs it', async () => {
    const failing = createServer({
      store: { ...store, insertEvents: () => Promise.reject(new Error('disk on fire: /var/db')) },
      publicDir: dir,
      logError: (message) => logged.push(message),
      limits: TEST_SERVER_LIMITS,
    });
    failing.listen(0, '127.0.0.1');
    await once(failing, 'listening');
    const response = await fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/trpc/collect`, {
      method: 'POST',
      body: JSON.stringify({ writeKey: project.writeKey, batch: [event('f', 'X')] }),
    });
    failing.close();
    const body = (await response.json()) as any;
    expect(response.status).toBe(500);
    expect(body.error.message).toBe('Internal server error');
    expect(JSON.stringify(body)).not.toContain('disk on fire');
    expect(logged).toContain('/trpc/collect failed');
  });
});

describe('GET /trpc/journeys.person', () => {
  it('answers 401 without a valid secret key', async () => {
    const input = { projectId: project.projectId, anonymousId: 'a' };
    expect((await getPerson(input)).status).toBe(401);
    expect((await getPerson(input, 'sk_nope')).status).toBe(401);
    expect((await getPerson(input, project.writeKey)).status).toBe(401);
  });

  it('merges two devices linked by identify into one timeline, earlier events included, in time order', async () => {
    const early = at(-100);
    await post({
      writeKey: project.writeKey,
      batch: [
        { id: 'laptop-1', type: 'page', name: '/', anonymousId: 'laptop', timestamp: early, channel: 'web' },
        {
          id: 'phone-1',
          type: 'track',
          name: 'Opened app',
          anonymousId: 'phone',
          timestamp: early + 1_000,
          channel: 'mobile',
        },
        {
          id: 'phone-2',
          type: 'identify',
          name: 'identify',
          anonymousId: 'phone',
          userId: 'ada',
          timestamp: early + 3_000,
        },
      ],
    });
    await post({
      writeKey: project.writeKey,
      batch: [
        {
          id: 'laptop-2',
          type: 'identify',
          name: 'identify',
          anonymousId: 'laptop',
          userId: 'ada',
          timestamp: early + 2_000,
        },
      ],
    });
    const { status, body } = await getPerson(
      { projectId: project.projectId, anonymousId: 'laptop' },
      project.secretKey,
    );
    expect(status).toBe(200);
    expect(body.result.data.person).toEqual({
      id: 'user:ada',
      anonymousIds: ['laptop', 'phone'],
      userIds: ['ada'],
    });
    expect(body.result.data.events.map((e: { id: string }) => e.id)).toEqual([
      'laptop-1',
      'phone-1',
      'laptop-2',
      'phone-2',
    ]);
  });

  it('answers 404 for a stranger and 400 for an ambiguous question', async () => {
    expect(
      (await getPerson({ projectId: project.projectId, userId: 'nobody' }, project.secretKey)).status,
    ).toBe(404);
    const ambiguous = await getPerson(
      { projectId: project.projectId, userId: 'ada', anonymousId: 'x' },
      project.secretKey,
    );
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.message).toMatch(/exactly one of userId, anonymousId or personId/);
  });
});

describe('static files', () => {
  it('serves the dashboard at / (and for client-side routes) and the SDK at /sdk.js to any origin', async () => {
    for (const path of ['/', '/persons']) {
      const page = await fetch(`${base}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<title>Parcours</title>');
    }
    const sdk = await fetch(`${base}/sdk.js`);
    expect(sdk.headers.get('content-type')).toContain('javascript');
    expect(sdk.headers.get('access-control-allow-origin')).toBe('*');
    expect(await sdk.text()).toBe('window.parcours={}');
    const banner = await fetch(`${base}/banner.js`);
    expect(banner.headers.get('content-type')).toContain('javascript');
    expect(banner.headers.get('access-control-allow-origin')).toBe('*');
    expect(await banner.text()).toBe('/* banner */');
  });

  it('ships the built SDK and consent banner in its public folder (npm run build copies them)', () => {
    const repo = join(import.meta.dirname, '..', '..', '..');
    const publicDir = join(import.meta.dirname, '..', 'dist', 'public');
    for (const [served, built] of [
      ['sdk.js', 'packages/sdk/dist/parcours.iife.js'],
      ['banner.js', 'packages/consent-banner/dist/banner.iife.js'],
    ] as const)
      expect(readFileSync(join(publicDir, served), 'utf8'), served).toBe(
        readFileSync(join(repo, built), 'utf8'),
      );
  });

  it('serves nothing outside its folder', async () => {
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'DELETE' })).status).toBe(405);
  });
});
