import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 13 over real HTTP on a real SQLite file: the write key is public, so it must
// not be able to put a stranger's events in Bob's timeline.
let dir: string;
let store: Store;
let server: Server;
let base: string;

const t0 = Date.UTC(2026, 5, 1);
let seq = 0;
const ev = (anonymousId: string, name: string, minute: number, extra: Partial<Event> = {}): Event => ({
  id: `i-${++seq}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: t0 + minute * 60_000,
  ...extra,
});
const identify = (anonymousId: string, userId: string, minute: number, userHash?: string): Event =>
  ev(anonymousId, 'identify', minute, {
    type: 'identify',
    userId,
    ...(userHash !== undefined && { userHash }),
  });

async function collect(project: CreatedProject, batch: Event[]) {
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    body: JSON.stringify({ writeKey: project.writeKey, batch }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function call(project: CreatedProject, path: string, input: object, method: 'GET' | 'POST' = 'GET') {
  const body = JSON.stringify({ projectId: project.projectId, ...input });
  const headers = { Authorization: `Bearer ${project.secretKey}`, 'Content-Type': 'application/json' };
  const response =
    method === 'GET'
      ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(body)}`, { headers })
      : await fetch(`${base}/trpc/${path}`, { method, headers, body });
  const json = (await response.json()) as any;
  return { status: response.status, data: json.result?.data, error: json.error };
}

const namesOf = (timeline: { events: Array<{ name: string }> }) => timeline.events.map((e) => e.name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-identities-'));
  store = openSqliteStore({ filename: join(dir, 'identities.db') });
  server = createServer({ store, publicDir: dir, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('signed identities over HTTP', () => {
  it("keeps the attacker's device out of Bob's timeline when signatures are required", async () => {
    const project = await store.createProject({ name: 'Signed' });
    const update = await call(project, 'identity.update', { requireSignedIdentities: true }, 'POST');
    expect(update.status).toBe(200);
    const { data: settings } = await call(project, 'identity.settings', {});
    expect(settings).toEqual({ requireSignedIdentities: true, identitySecret: update.data.identitySecret });
    // What the site's backend does: node -e "crypto.createHmac('sha256', secret).update(userId).digest('hex')"
    const bobHash = createHmac('sha256', settings.identitySecret).update('bob').digest('hex');

    const bob = await collect(project, [
      ev('bob-laptop', 'Visited', 0),
      identify('bob-laptop', 'bob', 1, bobHash),
      ev('bob-laptop', 'Bought', 2),
    ]);
    expect(bob.status).toBe(200);
    // The attacker copies the page's write key and claims to be Bob: unsigned, then with
    // a hash of another secret, then with Bob's real hash copied from another user id.
    const attacker = await collect(project, [
      ev('attacker-device', 'Snooped', 3),
      identify('attacker-device', 'bob', 4),
      identify('attacker-device', 'bob', 5, createHmac('sha256', 'guess').update('bob').digest('hex')),
      identify('attacker-device', 'mallory', 6, bobHash),
      ev('attacker-device', 'Changed address', 7, { userId: 'bob' }),
    ]);
    // Stored as events, linking nobody.
    expect(attacker.body.result.data).toEqual({ accepted: 5, duplicates: 0 });
    expect(await store.countEvents(project.projectId)).toBe(8);

    const timeline = await call(project, 'journeys.person', { userId: 'bob' });
    expect(timeline.data.person).toEqual({ id: 'user:bob', anonymousIds: ['bob-laptop'], userIds: ['bob'] });
    expect(namesOf(timeline.data)).toEqual(['Visited', 'identify', 'Bought']);
    const device = await call(project, 'journeys.person', { anonymousId: 'attacker-device' });
    expect(device.data.person).toEqual({
      id: 'attacker-device',
      anonymousIds: ['attacker-device'],
      userIds: [],
    });
    expect(device.data.events.map((e: any) => [e.name, e.userId, e.claimedUserId])).toEqual([
      ['Snooped', undefined, undefined],
      ['identify', undefined, 'bob'],
      ['identify', undefined, 'bob'],
      ['identify', undefined, 'mallory'],
      ['Changed address', undefined, 'bob'],
    ]);
    expect((await call(project, 'journeys.person', { userId: 'mallory' })).status).toBe(404);
    const funnel = await call(project, 'journeys.funnel', {
      steps: [{ name: 'Visited' }, { name: 'Changed address' }],
      windowMs: 86_400_000,
    });
    expect(funnel.data.steps.map((s: any) => s.count)).toEqual([1, 0]);
  });

  it('refuses a malformed userHash with a 400 naming the field', async () => {
    const project = await store.createProject({ name: 'Malformed' });
    const { status, body } = await collect(project, [identify('d', 'bob', 0, 'NOT-HEX')]);
    expect(status).toBe(400);
    expect(JSON.stringify(body.error)).toContain('batch[0].userHash');
  });

  it('lets only owners (or admin keys) see the identity secret', async () => {
    const project = await store.createProject({ name: 'Keys' });
    const read = await store.createSecretKey(project.projectId, { scope: 'read', label: 'BI' });
    const response = await fetch(
      `${base}/trpc/identity.settings?input=${encodeURIComponent(JSON.stringify({ projectId: project.projectId }))}`,
      { headers: { Authorization: `Bearer ${read.key}` } },
    );
    expect(response.status).toBe(403);
  });
});

describe('a family computer over HTTP, signatures not required', () => {
  it('keeps Alice and Bob two persons, each with their own stretch of the shared device', async () => {
    const project = await store.createProject({ name: 'Family' });
    await collect(project, [
      ev('family-pc', 'Browsed toys', 0),
      identify('family-pc', 'alice', 1),
      ev('family-pc', 'Bought toys', 2),
      identify('family-pc', 'bob', 10),
      ev('family-pc', 'Bought tools', 11),
      ev('bob-phone', 'Opened app', 12, { userId: 'bob' }),
    ]);
    const alice = await call(project, 'journeys.person', { userId: 'alice' });
    expect(alice.data.person).toEqual({ id: 'user:alice', anonymousIds: ['family-pc'], userIds: ['alice'] });
    expect(namesOf(alice.data)).toEqual(['Browsed toys', 'identify', 'Bought toys']);
    const bob = await call(project, 'journeys.person', { userId: 'bob' });
    expect(bob.data.person).toEqual({
      id: 'user:bob',
      anonymousIds: ['bob-phone', 'family-pc'],
      userIds: ['bob'],
    });
    expect(namesOf(bob.data)).toEqual(['identify', 'Bought tools', 'Opened app']);
    // The device's id means whoever used it last; a person id finds each user.
    expect((await call(project, 'journeys.person', { anonymousId: 'family-pc' })).data.person.id).toBe(
      'user:bob',
    );
    expect(namesOf((await call(project, 'journeys.person', { personId: 'user:alice' })).data)).toEqual(
      namesOf(alice.data),
    );
    const paths = await call(project, 'journeys.paths', { depth: 3 });
    const byPath = (x: any, y: any) => JSON.stringify(x.steps).localeCompare(JSON.stringify(y.steps));
    expect([...paths.data.paths].sort(byPath)).toEqual([
      { steps: ['Bought tools', 'Opened app'], count: 1, left: 1 },
      { steps: ['Browsed toys', 'Bought toys'], count: 1, left: 1 },
    ]);
  });
});
