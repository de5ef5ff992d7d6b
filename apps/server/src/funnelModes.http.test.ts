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

// Issue 11, item 3: the funnel's exclusions, order, weeks, time to convert, settings and
// drivers through the real HTTP API on a real SQLite file.
let dir: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A Monday. */
const t0 = Date.UTC(2026, 5, 1);
let seq = 0;
const ev = (anonymousId: string, name: string, at: number, channel?: string): Event => ({
  id: `m-${++seq}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: at,
  ...(channel === undefined ? {} : { channel }),
});

/**
 * Week of 06-01: a0…a5 view (a0–a3 from ads, a4 and a5 from email), cart 10 min later
 * and pay at 30 min; a4 and a5 empty their cart at 20 min. c0 and c1 pay on day 1,
 * then view and cart. Week of 06-08: b0…b2 view (email) and cart.
 */
function createWorld(): Event[] {
  const events: Event[] = [];
  for (let i = 0; i < 6; i++) {
    const start = t0 + i * MINUTE;
    events.push(
      ev(`a${i}`, 'Viewed', start, i < 4 ? 'ads' : 'email'),
      ev(`a${i}`, 'Carted', start + 10 * MINUTE),
    );
    if (i >= 4) events.push(ev(`a${i}`, 'Cart emptied', start + 20 * MINUTE));
    events.push(ev(`a${i}`, 'Paid', start + 30 * MINUTE));
  }
  for (let i = 0; i < 3; i++) {
    const start = t0 + 8 * DAY + i * MINUTE;
    events.push(ev(`b${i}`, 'Viewed', start, 'email'), ev(`b${i}`, 'Carted', start + 10 * MINUTE));
  }
  for (let i = 0; i < 2; i++) {
    const start = t0 + DAY + i * MINUTE;
    events.push(ev(`c${i}`, 'Paid', start), ev(`c${i}`, 'Viewed', start + 5 * MINUTE));
    events.push(ev(`c${i}`, 'Carted', start + 6 * MINUTE));
  }
  return events;
}

const query = (path: string, input: object) => queryJourneys({ base, ...project }, path, input);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-funnel-modes-'));
  store = openSqliteStore({ filename: join(dir, 'funnel.db') });
  project = await store.createProject({ name: 'Funnel modes' });
  server = createServer({ store, publicDir: dir, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    body: JSON.stringify({ writeKey: project.writeKey, batch: createWorld() }),
  });
  expect(response.status).toBe(200);
});
afterAll(async () => {
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const steps = [{ name: 'Viewed' }, { name: 'Carted' }, { name: 'Paid' }];
const exclusions = [{ name: 'Cart emptied', afterStep: 2 }];
const counts = (data: any) => data.steps.map((s: any) => s.count);

describe('journeys.funnel with exclusions and order over HTTP', () => {
  it('ends chains at an excluded touchpoint, and counts steps done in any order', async () => {
    const plain = await query('funnel', { steps, windowMs: 60 * MINUTE });
    expect(plain.status).toBe(200);
    // c0 and c1 viewed and carted after paying: two steps in sequence.
    expect(counts(plain.data)).toEqual([11, 11, 6]);
    expect(counts((await query('funnel', { steps, windowMs: 60 * MINUTE, exclusions })).data)).toEqual([
      11, 11, 4,
    ]);
    const any = await query('funnel', { steps, windowMs: 60 * MINUTE, order: 'any' });
    expect(counts(any.data)).toEqual([11, 11, 8]);
    expect(any.data.settings).toMatchObject({ order: 'any', windowAnchor: 'firstTouchpoint' });
  });

  it('splits drop-offs still in their window from those who abandoned, at the end of the range', async () => {
    // The range ends 30 min after b0 viewed: b0…b2 may still pay; a4, a5, c0, c1 cannot.
    const to = t0 + 8 * DAY + 30 * MINUTE;
    const { data } = await query('funnel', { steps, windowMs: 60 * MINUTE, exclusions, to });
    expect(data.steps[2]).toMatchObject({ count: 4, dropOff: 7, inProgress: 3, abandoned: 4 });
    expect(data.settings.openUntil).toBe(to);
  });

  it('answers conversion by week, time to convert and the settings with every funnel', async () => {
    const { data } = await query('funnel', { steps, windowMs: 60 * MINUTE, exclusions });
    expect(data.overTime).toEqual([
      { week: '2026-06-01', counts: [8, 8, 4], conversionRate: 0.5 },
      { week: '2026-06-08', counts: [3, 3, 0], conversionRate: 0 },
    ]);
    // a0…a3 paid 30 minutes after viewing.
    expect(data.timeToConvert.filter((b: any) => b.persons > 0)).toEqual([
      { fromMs: 10 * MINUTE, toMs: 60 * MINUTE, persons: 4 },
    ]);
    expect(data.settings).toMatchObject({
      order: 'sequence',
      windowMs: 60 * MINUTE,
      windowAnchor: 'step1',
      equalTimestamps: 'strictlyLater',
      countingUnit: 'person',
      exclusions,
    });
    // Without `to` (or `now`), the end of the range is the time of the question, said as null.
    expect(data.settings.openUntil).toBeNull();
  });

  it('refuses an exclusion after the last step, exclusions in any order and an unknown order, naming the field', async () => {
    const late = await query('funnel', {
      steps,
      windowMs: MINUTE,
      exclusions: [{ name: 'Cart emptied', afterStep: 3 }],
    });
    expect(late.status).toBe(400);
    expect(late.error.message).toContain('exclusions[0].afterStep: afterStep must be 1 to 2');
    const unordered = await query('funnel', { steps, windowMs: MINUTE, order: 'any', exclusions });
    expect(unordered.status).toBe(400);
    expect(unordered.error.message).toContain('exclusions: exclusions need order "sequence"');
    const unknown = await query('funnel', { steps, windowMs: MINUTE, order: 'random' });
    expect(unknown.status).toBe(400);
    expect(unknown.error.message).toContain('order');
  });
});

describe('journeys.funnelDrivers over HTTP', () => {
  it('ranks what went with carting then paying, with persons counted and the lift', async () => {
    const { status, data } = await query('funnelDrivers', {
      steps,
      windowMs: 60 * MINUTE,
      exclusions,
      step: 2,
    });
    expect(status).toBe(200);
    expect(data).toMatchObject({ step: 2, persons: 11, converted: 4 });
    // Everyone viewed and carted (no contrast). All from ads paid, nobody from email.
    expect(data.drivers.map((d: any) => [d.kind, d.name, d.persons, d.converted, d.lift])).toEqual([
      ['channel', 'ads', 4, 4, 1],
      ['channel', 'email', 5, 0, 0 - 4 / 6],
      ['touchpoint', 'Cart emptied', 2, 0, 0 - 4 / 9],
      ['touchpoint', 'Paid', 2, 0, 0 - 4 / 9],
    ]);
    expect(data.drivers[1]).toMatchObject({ conversionRate: 0, conversionRateWithout: 4 / 6 });
    const floor = await query('funnelDrivers', {
      steps,
      windowMs: 60 * MINUTE,
      exclusions,
      step: 2,
      minPersons: 3,
    });
    expect(floor.data.drivers.map((d: any) => d.name)).toEqual(['ads', 'email']);
  });

  it('refuses a step without a next one and too many properties', async () => {
    const last = await query('funnelDrivers', { steps, windowMs: MINUTE, step: 3 });
    expect(last.status).toBe(400);
    expect(last.error.message).toContain('step: the funnel has 3 steps, so step is 1 to 2');
    const properties = Array.from({ length: 9 }, (_, i) => `p${i}`);
    const many = await query('funnelDrivers', { steps, windowMs: MINUTE, step: 1, properties });
    expect(many.status).toBe(400);
    expect(many.error.message).toContain('properties');
  });
});
