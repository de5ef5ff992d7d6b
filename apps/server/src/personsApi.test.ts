import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';
import { queryJourneys } from './testing/queryJourneys.js';

// journeys.persons, journeys.personProfile and the overview's attribution through the
// real HTTP API on a real SQLite file (the journey engine on its worker thread).
let dir: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;

const t0 = Date.UTC(2026, 5, 1);
const hours = (h: number) => t0 + h * 3_600_000;
let seq = 0;
const ev = (anonymousId: string, name: string, hour: number, extra: Partial<Event> = {}): Event => ({
  id: `p-${++seq}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: hours(hour),
  ...extra,
});

const query = (path: string, input: object) => queryJourneys({ base, ...project }, path, input);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-persons-api-'));
  store = openSqliteStore({ filename: join(dir, 'persons.db') });
  project = await store.createProject({ name: 'Persons' });
  await store.setJourneyMap(project.projectId, [
    { name: 'awareness', touchpoints: [{ name: 'Ad clicked' }, { name: 'Search' }] },
    { name: 'decision', touchpoints: [{ name: 'Purchased' }] },
  ]);
  server = createServer({ store, publicDir: dir, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const batch: Event[] = [
    // Alice: an ad on her phone, then she signs in on the web and buys: one person.
    ev('phone-a', 'Ad clicked', 0, { channel: 'ads' }),
    ev('phone-a', 'identify', 1, {
      type: 'identify',
      userId: 'alice',
      properties: { plan: 'free', city: 'Lyon' },
    }),
    ev('web-a', 'Visit', 2, { channel: 'web', userId: 'alice' }),
    ev('web-a', 'identify', 3, { type: 'identify', userId: 'alice', properties: { plan: 'pro' } }),
    ev('web-a', 'Purchased', 4, { channel: 'web', userId: 'alice' }),
    // Bob: searched, bought in store; his plan is on a touchpoint, not a trait.
    ev('dev-b', 'Search', 10, { channel: 'search' }),
    ev('dev-b', 'Purchased', 11, { channel: 'store', properties: { plan: 'pro' } }),
    // Carol: visits only, never identified.
    ev('dev-c', 'Visit', 20, { channel: 'web' }),
    ev('dev-c', 'Visit', 21, { channel: 'web' }),
    ev('dev-c', 'Visit', 22, { channel: 'web' }),
  ];
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    body: JSON.stringify({ writeKey: project.writeKey, batch }),
  });
  expect(response.status).toBe(200);
});
afterAll(async () => {
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (data: any) => data.persons.map((p: any) => p.personId);

describe('journeys.persons over HTTP', () => {
  it('lists every person, last seen first, with their summary', async () => {
    const { status, data } = await query('persons', {});
    expect(status).toBe(200);
    expect(ids(data)).toEqual(['dev-c', 'dev-b', 'user:alice']);
    expect(data.total).toBe(3);
    expect(data.nextCursor).toBeNull();
    expect(data.persons[2]).toEqual({
      personId: 'user:alice',
      anonymousIds: ['phone-a', 'web-a'],
      userIds: ['alice'],
      firstSeen: hours(0),
      lastSeen: hours(4),
      touchpoints: 3,
      channels: ['ads', 'web'],
      stages: ['awareness', 'decision'],
    });
  });

  it('searches by id prefix (person, device or user id) and by property value (trait or touchpoint)', async () => {
    expect(ids((await query('persons', { search: 'web-' })).data)).toEqual(['user:alice']);
    expect(ids((await query('persons', { search: 'ali' })).data)).toEqual(['user:alice']);
    expect(ids((await query('persons', { search: 'dev-' })).data)).toEqual(['dev-c', 'dev-b']);
    const pro = await query('persons', { property: { name: 'plan', value: 'pro' } });
    expect(ids(pro.data)).toEqual(['dev-b', 'user:alice']);
    // Alice's plan was free, then pro: her profile reads pro, so "free" finds nobody.
    expect((await query('persons', { property: { name: 'plan', value: 'free' } })).data.total).toBe(0);
    expect(ids((await query('persons', { property: { name: 'city', value: 'Lyon' } })).data)).toEqual([
      'user:alice',
    ]);
  });

  it('filters by channel, stage reached, first and last seen, and sorts', async () => {
    expect(ids((await query('persons', { channel: 'web' })).data)).toEqual(['dev-c', 'user:alice']);
    expect(ids((await query('persons', { stage: 'decision' })).data)).toEqual(['dev-b', 'user:alice']);
    const seen = await query('persons', { firstSeen: { from: hours(5) }, lastSeen: { to: hours(15) } });
    expect(ids(seen.data)).toEqual(['dev-b']);
    const busiest = await query('persons', { sort: 'touchpoints', order: 'desc' });
    expect(busiest.data.persons.map((p: any) => [p.personId, p.touchpoints])).toEqual([
      // A tie goes by person id, in the same direction.
      ['user:alice', 3],
      ['dev-c', 3],
      ['dev-b', 2],
    ]);
    expect(ids((await query('persons', { sort: 'personId', order: 'asc' })).data)).toEqual([
      'dev-b',
      'dev-c',
      'user:alice',
    ]);
  });

  it('pages with an opaque cursor and refuses a bad cursor or an unknown stage by name', async () => {
    const first = await query('persons', { limit: 2 });
    expect(ids(first.data)).toEqual(['dev-c', 'dev-b']);
    expect(first.data.nextCursor).toMatch(/^p1\./);
    const second = await query('persons', { limit: 2, cursor: first.data.nextCursor });
    expect(ids(second.data)).toEqual(['user:alice']);
    expect(second.data.nextCursor).toBeNull();
    const garbage = await query('persons', { cursor: 'abc' });
    expect(garbage.status).toBe(400);
    expect(garbage.error.message).toContain('cursor');
    const otherOrder = await query('persons', { order: 'asc', cursor: first.data.nextCursor });
    expect(otherOrder.status).toBe(400);
    expect(otherOrder.error.message).toContain('cursor');
    const stage = await query('persons', { stage: 'loyalty' });
    expect(stage.status).toBe(400);
    expect(stage.error.message).toContain('stage: the journey map has no stage "loyalty"');
  });
});

describe('journeys.personProfile over HTTP', () => {
  it("shows a person's latest traits, first and last seen, channels and stages, by any of their ids", async () => {
    for (const input of [{ userId: 'alice' }, { anonymousId: 'phone-a' }, { personId: 'user:alice' }]) {
      const { status, data } = await query('personProfile', input);
      expect(status).toBe(200);
      expect(data).toMatchObject({
        personId: 'user:alice',
        traits: { plan: 'pro', city: 'Lyon' },
        traitsUpdatedAt: hours(3),
        firstSeen: hours(0),
        lastSeen: hours(4),
        channels: ['ads', 'web'],
        stages: ['awareness', 'decision'],
        // The identity graph: the phone joined by its identify, the browser by a visit.
        links: [
          {
            anonymousId: 'phone-a',
            userId: 'alice',
            timestamp: hours(1),
            eventId: 'p-2',
            eventType: 'identify',
            eventName: 'identify',
          },
          {
            anonymousId: 'web-a',
            userId: 'alice',
            timestamp: hours(2),
            eventId: 'p-3',
            eventType: 'track',
            eventName: 'Visit',
          },
        ],
      });
    }
    const carol = await query('personProfile', { anonymousId: 'dev-c' });
    expect(carol.data).toMatchObject({
      traits: {},
      traitsUpdatedAt: null,
      stages: [],
      touchpoints: 3,
      links: [],
    });
    const nobody = await query('personProfile', { userId: 'nobody' });
    expect(nobody.status).toBe(404);
  });
});

describe('journeys.overview attribution over HTTP', () => {
  const range = { from: t0, to: hours(23) };
  it('credits conversions by first, last or any touch, and names the model', async () => {
    const credits = async (attribution?: string) => {
      const { status, data } = await query('overview', { ...range, ...(attribution && { attribution }) });
      expect(status).toBe(200);
      return [data.attribution.model, data.attribution.channels.map((c: any) => [c.channel, c.conversions])];
    };
    // Alice: ads → web → purchase on the web; Bob: search → purchase in store.
    expect(await credits('first')).toEqual([
      'first',
      [
        ['ads', 1],
        ['search', 1],
      ],
    ]);
    expect(await credits('last')).toEqual([
      'last',
      [
        ['search', 1],
        ['web', 1],
      ],
    ]);
    // Ties in name order.
    expect(await credits('any')).toEqual([
      'any',
      [
        ['ads', 1],
        ['search', 1],
        ['store', 1],
        ['web', 1],
      ],
    ]);
    expect(await credits()).toEqual(await credits('last'));
    const bad = await query('overview', { ...range, attribution: 'linear' });
    expect(bad.status).toBe(400);
    expect(bad.error.message).toContain('attribution');
  });
});
