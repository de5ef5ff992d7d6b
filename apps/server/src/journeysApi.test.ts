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

// The journeys.* queries through the real HTTP API on a real SQLite file.
let dir: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;

const t0 = Date.UTC(2026, 5, 1);
const minutes = (m: number) => t0 + m * 60_000;
let seq = 0;
const ev = (anonymousId: string, name: string, minute: number, extra: Partial<Event> = {}): Event => ({
  id: `j-${++seq}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: minutes(minute),
  ...extra,
});

async function collect(batch: Event[]) {
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    body: JSON.stringify({ writeKey: project.writeKey, batch }),
  });
  expect(response.status).toBe(200);
}

async function mutate(path: string, input: object) {
  const response = await fetch(`${base}/trpc/journeys.${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${project.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ projectId: project.projectId, ...input }),
  });
  const body = (await response.json()) as any;
  return { status: response.status, data: body.result?.data, error: body.error };
}

const query = (path: string, input: object, secretKey = project.secretKey) =>
  queryJourneys({ base, projectId: project.projectId, secretKey }, path, input);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-journeys-'));
  store = openSqliteStore({ filename: join(dir, 'journeys.db') });
  project = await store.createProject({ name: 'Journeys' });
  server = createServer({ store, publicDir: dir, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Ten persons from ads, four from email. Of the ads ones, 6 sign up and 3 buy;
  // of the email ones, 3 sign up and 1 buys.
  const batch: Event[] = [];
  for (let p = 0; p < 14; p++) {
    const id = `person-${String(p).padStart(2, '0')}`;
    const channel = p < 10 ? 'ads' : 'email';
    batch.push(ev(id, 'Visited', p, { channel }));
    if ((p < 10 && p < 6) || (p >= 10 && p < 13)) batch.push(ev(id, 'Signed up', p + 30));
    if ((p < 10 && p < 3) || p === 10) batch.push(ev(id, 'Purchased', p + 90));
  }
  await collect(batch);
});
afterAll(async () => {
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const steps = [{ name: 'Visited' }, { name: 'Signed up' }, { name: 'Purchased' }];

describe('journeys.funnel over HTTP', () => {
  it('counts each step with conversion, drop-off and median time, broken down by channel', async () => {
    const { status, data } = await query('funnel', { steps, windowMs: 3_600_000 * 24, breakdown: 'channel' });
    expect(status).toBe(200);
    expect(data.steps).toEqual([
      // Every window closed long ago: every drop-off abandoned.
      {
        name: 'Visited',
        count: 14,
        conversionRate: 1,
        dropOff: 0,
        inProgress: 0,
        abandoned: 0,
        medianTimeToConvertMs: 0,
      },
      {
        name: 'Signed up',
        count: 9,
        conversionRate: 9 / 14,
        dropOff: 5,
        inProgress: 0,
        abandoned: 5,
        medianTimeToConvertMs: 30 * 60_000,
      },
      {
        name: 'Purchased',
        count: 4,
        conversionRate: 4 / 14,
        dropOff: 5,
        inProgress: 0,
        abandoned: 5,
        medianTimeToConvertMs: 90 * 60_000,
      },
    ]);
    expect(data.breakdown.map((b: any) => [b.value, b.steps.map((s: any) => s.count)])).toEqual([
      ['ads', [10, 6, 3]],
      ['email', [4, 3, 1]],
    ]);
  });

  it('applies the window and the range of the first step', async () => {
    const short = await query('funnel', { steps, windowMs: 30 * 60_000 });
    expect(short.data.steps.map((s: any) => s.count)).toEqual([14, 9, 0]);
    const ranged = await query('funnel', { steps, windowMs: 86_400_000, from: minutes(10), to: minutes(13) });
    expect(ranged.data.steps.map((s: any) => s.count)).toEqual([4, 3, 1]);
  });

  it('tells drop-offs whose window is still open at the end of the range from those who abandoned', async () => {
    // Visits at minutes 0–13, sign-ups 30 minutes later: out of a 5-minute window. With
    // the range ending at minute 13, those who visited from minute 9 on may still sign up.
    const { data } = await query('funnel', {
      steps,
      windowMs: 5 * 60_000,
      from: minutes(0),
      to: minutes(13),
    });
    expect(data.steps[1]).toMatchObject({ count: 0, dropOff: 14, inProgress: 5, abandoned: 9 });
    expect(data.steps[2]).toMatchObject({ count: 0, dropOff: 0, inProgress: 0, abandoned: 0 });
  });

  it('reflects events collected after the previous answer', async () => {
    await collect([ev('person-13', 'Signed up', 50), ev('late', 'Visited', 5, { channel: 'email' })]);
    const { data } = await query('funnel', { steps, windowMs: 86_400_000 });
    expect(data.steps.map((s: any) => s.count)).toEqual([15, 10, 4]);
  });

  it('answers 400 naming a bad input and 401 without the secret key', async () => {
    const bad = await query('funnel', { steps: [], windowMs: 1 });
    expect(bad.status).toBe(400);
    expect(bad.error.message).toContain('steps');
    expect((await query('funnel', { steps, windowMs: 1 }, 'sk_wrong')).status).toBe(401);
  });
});

describe('journeys.funnelDropoffs over HTTP', () => {
  it('pages through the persons who did not buy after signing up, with their last touchpoint', async () => {
    const input = { steps, windowMs: 86_400_000, step: 3, limit: 2 };
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { data } = await query('funnelDropoffs', { ...input, ...(cursor && { cursor }) });
      expect(data.total).toBe(6);
      expect(data.persons.length).toBeLessThanOrEqual(2);
      for (const person of data.persons) {
        expect(person.lastTouchpoint.name).toBe('Signed up');
        seen.push(person.personId);
      }
      cursor = data.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen).toEqual(['person-03', 'person-04', 'person-05', 'person-11', 'person-12', 'person-13']);
  });

  it('refuses a step outside the funnel', async () => {
    const { status, error } = await query('funnelDropoffs', { steps, windowMs: 1, step: 4 });
    expect(status).toBe(400);
    expect(error.message).toMatch(/step/);
  });
});

describe('journeys.paths over HTTP', () => {
  it('counts paths in persons, with their links', async () => {
    const { data } = await query('paths', { depth: 3, limit: 2 });
    expect(data.paths).toEqual([
      { steps: ['Visited', 'Signed up'], count: 6, left: 6 },
      { steps: ['Visited'], count: 5, left: 5 },
    ]);
    expect(data.links).toContainEqual({ depth: 0, from: 'Visited', to: 'Signed up', count: 10 });
    expect(data.links).toContainEqual({ depth: 1, from: 'Signed up', to: 'Purchased', count: 4 });
    const toPurchase = await query('paths', { end: 'Purchased', depth: 2, limit: 5 });
    expect(toPurchase.data.paths).toEqual([{ steps: ['Signed up', 'Purchased'], count: 4, left: 4 }]);
  });

  it('keeps to a date range, and ends paths with exits to "left"', async () => {
    // Minutes 30 to 60 hold the sign-ups only (person-13's at minute 50 included); every one of them left after it.
    const { data } = await query('paths', { depth: 3, limit: 5, from: minutes(30), to: minutes(60) });
    expect(data).toEqual({
      paths: [{ steps: ['Signed up'], count: 10, left: 10 }],
      links: [],
      exits: [{ depth: 0, from: 'Signed up', count: 10 }],
      channels: [{ depth: 0, name: 'Signed up', channel: null, persons: 10 }],
    });
    const all = await query('paths', { depth: 3, limit: 5 });
    expect(all.data.exits).toContainEqual({ depth: 0, from: 'Visited', count: 5 });
  });

  it('pages through the persons on a link and on an exit, each with their path', async () => {
    const link = { depth: 3, at: 0, name: 'Visited', next: 'Signed up', limit: 4 };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { status, data } = await query('pathPersons', { ...link, ...(cursor && { cursor }) });
      expect(status).toBe(200);
      expect(data.total).toBe(10);
      for (const person of data.persons) expect(person.steps.slice(0, 2)).toEqual(['Visited', 'Signed up']);
      seen.push(...data.persons.map((p: { personId: string }) => p.personId));
      cursor = data.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toHaveLength(10);
    expect(seen).toEqual([...seen].sort());
    const exit = await query('pathPersons', { depth: 3, at: 0, name: 'Visited', next: null });
    // Those who visited and did nothing else: persons 6 to 9, and the late visitor.
    expect(exit.data.persons.map((p: { personId: string; left: boolean }) => [p.personId, p.left])).toEqual(
      ['late', 'person-06', 'person-07', 'person-08', 'person-09'].map((id) => [id, true]),
    );
  });

  it('answers 400 naming a position outside the path, a reversed range or a foreign cursor', async () => {
    const outside = await query('pathPersons', { depth: 2, at: 1, name: 'Visited', next: 'Signed up' });
    expect(outside.status).toBe(400);
    expect(JSON.stringify(outside.error)).toContain('at must be a position of the path');
    const reversed = await query('paths', { from: minutes(5), to: minutes(1) });
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(reversed.error)).toContain('from must not be after to');
    const garbage = await query('pathPersons', { at: 0, name: 'Visited', cursor: 'nope' });
    expect(garbage.status).toBe(400);
    expect(JSON.stringify(garbage.error)).toContain('cursor');
  });
});

describe('journeys.journeyMap, setJourneyMap and stages over HTTP', () => {
  it('starts with the five default stages, saves an edited map, and measures it', async () => {
    const initial = await query('journeyMap', {});
    expect(initial.data.map((s: any) => s.name)).toEqual([
      'awareness',
      'consideration',
      'decision',
      'retention',
      'advocacy',
    ]);

    const stages = [
      {
        name: 'awareness',
        touchpoints: [
          { name: 'Visited', channel: 'ads' },
          { name: 'Visited', channel: 'email' },
        ],
      },
      { name: 'decision', touchpoints: [{ name: 'Signed up' }] },
      { name: 'retention', touchpoints: [{ name: 'Purchased' }] },
    ];
    const saved = await mutate('setJourneyMap', { stages });
    expect(saved.status).toBe(200);
    expect((await query('journeyMap', {})).data).toEqual(stages);

    const { data } = await query('stages', {});
    expect(data.stages.map((s: any) => [s.name, s.persons])).toEqual([
      ['awareness', 15],
      ['decision', 10],
      ['retention', 4],
    ]);
    expect(data.stages[0].touchpoints.map((t: any) => [t.channel, t.persons])).toEqual([
      ['ads', 10],
      ['email', 5],
    ]);
    expect(data.stages[1].conversionFromPrevious).toBe(10 / 15);
    expect(data.painPoints[0]).toMatchObject({ reason: 'drop-off', touchpoint: 'Signed up' });
  });

  it('refuses a map with duplicate stage names, naming the field', async () => {
    const { status, error } = await mutate('setJourneyMap', {
      stages: [
        { name: 'a', touchpoints: [] },
        { name: 'a', touchpoints: [] },
      ],
    });
    expect(status).toBe(400);
    expect(error.message).toContain('stages: stage names must be unique');
  });
});

describe('journeys.overview over HTTP', () => {
  it('answers persons, touchpoints and conversions per day and channel', async () => {
    const { status, data } = await query('overview', {
      from: t0,
      to: t0 + 86_400_000 - 1,
      conversion: { name: 'Purchased' },
    });
    expect(status).toBe(200);
    expect(data.days).toEqual([
      { day: '2026-06-01', persons: 15, events: 29, conversions: 4, npsResponses: 0, nps: null },
    ]);
    expect(data.channels.map((c: any) => [c.channel, c.persons])).toEqual([
      [null, 10],
      ['ads', 10],
      ['email', 5],
    ]);
  });

  it('refuses a range over a year', async () => {
    const { status, error } = await query('overview', { from: t0, to: t0 + 400 * 86_400_000 });
    expect(status).toBe(400);
    expect(error.message).toContain('at most 366 days');
  });
});

describe('journey queries within their budget', () => {
  it('refuses a funnel reading more distinct properties than allowed, naming the limit', async () => {
    const where = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`key${i}`, 'x']));
    const allowed = await query('funnel', { steps: [{ name: 'Visited', where }], windowMs: 60_000 });
    expect(allowed.status).toBe(200);
    const tooMany = await query('funnel', {
      steps: [{ name: 'Visited', where }],
      windowMs: 60_000,
      breakdown: 'plan',
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.error.message).toMatch(
      /steps: a funnel filters and breaks down on at most 8 distinct properties/,
    );
  });

  it('answers 503 with Retry-After while the engine is busy, instead of making the caller wait', async () => {
    const busyDir = mkdtempSync(join(tmpdir(), 'parcours-busy-'));
    const busyStore = openSqliteStore({
      filename: join(busyDir, 'busy.db'),
      journeyLimits: { queryTimeoutMs: 1 },
    });
    const busyServer = createServer({ store: busyStore, publicDir: busyDir, limits: TEST_SERVER_LIMITS });
    try {
      const busy = await busyStore.createProject({ name: 'Busy' });
      busyServer.listen(0, '127.0.0.1');
      await once(busyServer, 'listening');
      const url = `http://127.0.0.1:${(busyServer.address() as AddressInfo).port}/trpc/journeys.paths?input=${encodeURIComponent(JSON.stringify({ projectId: busy.projectId }))}`;
      const response = await fetch(url, { headers: { Authorization: `Bearer ${busy.secretKey}` } });
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await response.json()) as any;
      expect(body.error.data.code).toBe('SERVICE_UNAVAILABLE');
      // Its first question finds no index yet: "warming up", at once rather than a wait.
      expect(body.error.message).toMatch(/journey index is warming up .*try again in a few seconds/);
    } finally {
      busyServer.close();
      await busyStore.close();
      rmSync(busyDir, { recursive: true, force: true });
    }
  });
});
