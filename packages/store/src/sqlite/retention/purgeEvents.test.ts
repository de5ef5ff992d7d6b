import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { subtractCalendarMonths } from '../../retention/subtractCalendarMonths.js';
import type { Store, StoredEvent } from '../../Store.js';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../openSqliteStore.js';
import { EXPIRED_EVENTS } from './preparePurgeEvents.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const monthsAgo = (months: number) => subtractCalendarMonths(NOW, months);
const FUNNEL = { steps: [{ name: 'A' }, { name: 'B' }], windowMs: 40 * 31 * 86_400_000 };
const dir = mkdtempSync(join(tmpdir(), 'parcours-purge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

const event = (id: string, over: Partial<StoredEvent>): StoredEvent => ({
  id,
  type: 'track',
  name: 'A',
  anonymousId: 'd1',
  timestamp: NOW,
  ...over,
});

async function openLoaded(events: StoredEvent[], filename = ':memory:', engine?: 'worker') {
  const store = openSqliteStore({ filename, journeyEngine: engine ?? 'inline' });
  const { projectId } = await store.createProject({ name: 'Shop' });
  if (events.length > 0) await store.insertEvents(projectId, events);
  return { store, projectId };
}

/** Every aggregate a dashboard shows, to compare a purged store with one never given the old events. */
async function askEverything(store: Store, projectId: string) {
  return {
    events: await store.countEvents(projectId),
    funnel: await store.getFunnel(projectId, FUNNEL),
    paths: await store.getPaths(projectId, { depth: 3, limit: 20 }),
    overview: await store.getOverview(projectId, { from: NOW - 300 * 86_400_000, to: NOW + 86_400_000 }),
  };
}

describe('purge of events (25 months by default)', () => {
  it('keeps events 24 months old and deletes those 26 months old, and the funnel agrees at once', async () => {
    // The mocked clock: purge() measures from Date.now(). setImmediate stays real.
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const old = monthsAgo(26);
    const recent = monthsAgo(24);
    const events = [
      event('o1', { anonymousId: 'old', timestamp: old }),
      event('o2', { anonymousId: 'old', name: 'B', timestamp: old + 1000 }),
      event('r1', { anonymousId: 'recent', timestamp: recent }),
      event('r2', { anonymousId: 'recent', name: 'B', timestamp: recent + 1000 }),
      event('r3', { anonymousId: 'half', timestamp: recent }),
    ];
    // A file with the journey engine on its worker thread, as the server runs it.
    const { store, projectId } = await openLoaded(events, join(dir, 'funnel.db'), 'worker');
    const before = await store.getFunnel(projectId, FUNNEL);
    expect(before.steps.map((s) => s.count)).toEqual([3, 2]);

    const receipt = await store.purge(projectId);
    expect(receipt.purgedAt).toBe(NOW);
    expect(receipt.eventsBefore).toBe(Date.parse('2024-11-03T12:00:00Z'));
    expect(receipt.tables).toEqual({ events: 2, identity_links: 0, consent_records: 0 });
    expect(await store.countEvents(projectId)).toBe(3);
    const after = await store.getFunnel(projectId, FUNNEL);
    expect(after.steps.map((s) => s.count)).toEqual([2, 1]);
    expect(await store.getPersonTimeline(projectId, { anonymousId: 'old' })).toBeUndefined();
    expect((await store.purge(projectId)).tables.events).toBe(0);
    await store.close();
  }, 30_000);

  it('removes identity links that no event supports any more, and keeps the others', async () => {
    const events = [
      event('a', { anonymousId: 'phone', userId: 'u1', timestamp: monthsAgo(30) }),
      event('b', { anonymousId: 'laptop', userId: 'u1', timestamp: monthsAgo(30) }),
      event('c', { anonymousId: 'laptop', userId: 'u1', timestamp: monthsAgo(2) }),
      // A device whose user-carrying event is old, but which still has anonymous events.
      event('d', { anonymousId: 'tablet', userId: 'u2', timestamp: monthsAgo(27) }),
      event('e', { anonymousId: 'tablet', timestamp: monthsAgo(1) }),
    ];
    const { store, projectId } = await openLoaded(events);
    const receipt = await store.purge(projectId, NOW);
    expect(receipt.tables).toEqual({ events: 3, identity_links: 2, consent_records: 0 });
    const u1 = await store.getPersonTimeline(projectId, { userId: 'u1' });
    expect(u1?.person.anonymousIds).toEqual(['laptop']);
    expect(await store.getPersonTimeline(projectId, { userId: 'u2' })).toBeUndefined();
    expect((await store.getPersonTimeline(projectId, { anonymousId: 'tablet' }))?.person.userIds).toEqual([]);
    await store.close();
  });

  it('follows the setting, in calendar months, and touches no other project', async () => {
    const events = [
      event('x', { timestamp: monthsAgo(13) - 1 }),
      event('y', { timestamp: monthsAgo(13) }),
      event('z', { timestamp: monthsAgo(12) }),
    ];
    const { store, projectId } = await openLoaded(events);
    const other = (await store.createProject({ name: 'Other' })).projectId;
    await store.insertEvents(other, events);
    await store.setRetention(projectId, { eventsMonths: 13 });
    expect((await store.purge(projectId, NOW)).tables.events).toBe(1);
    expect(await store.countEvents(projectId)).toBe(2);
    expect(await store.countEvents(other)).toBe(3);
    await store.close();
  });

  it('deletes across many chunks of arrival order', async () => {
    const events = Array.from({ length: 45_000 }, (_, i) =>
      event(`e${i}`, { anonymousId: `d${i % 500}`, timestamp: i % 3 === 0 ? monthsAgo(30) : monthsAgo(3) }),
    );
    const { store, projectId } = await openLoaded(events);
    expect((await store.purge(projectId, NOW)).tables.events).toBe(15_000);
    expect(await store.countEvents(projectId)).toBe(30_000);
    await store.close();
  }, 60_000);

  it('removes exactly the unsupported identity links across many statements of links', async () => {
    // 3,500 devices, each linked to a user; every third one's only linking event is old.
    const events = Array.from({ length: 3_500 }, (_, i) =>
      event(`l${i}`, {
        anonymousId: `device-${String(i).padStart(4, '0')}`,
        userId: `user-${i % 7}`,
        timestamp: i % 3 === 0 ? monthsAgo(30) : monthsAgo(3),
      }),
    );
    const { store, projectId } = await openLoaded(events);
    const receipt = await store.purge(projectId, NOW);
    expect(receipt.tables).toMatchObject({ events: 1_167, identity_links: 1_167 });
    for (const i of [0, 1, 2, 3, 3_497, 3_498, 3_499]) {
      const person = await store.getPersonTimeline(projectId, {
        anonymousId: `device-${String(i).padStart(4, '0')}`,
      });
      if (i % 3 === 0) expect(person).toBeUndefined();
      else expect(person?.person.userIds).toEqual([`user-${i % 7}`]);
    }
    await store.close();
  }, 60_000);

  it('answers every aggregate as a store never given the expired events would', async () => {
    const arbitrary = fc.record({
      months: fc.integer({ min: 1, max: 25 }),
      events: fc.array(
        fc.record({
          device: fc.integer({ min: 0, max: 4 }),
          user: fc.option(fc.constantFrom('u0', 'u1'), { freq: 3 }),
          name: fc.constantFrom('A', 'B', 'C'),
          ageDays: fc.integer({ min: 0, max: 40 * 31 }),
        }),
        { minLength: 1, maxLength: 30 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ months, events: raw }) => {
        const events = raw.map((r, i) =>
          event(`e${i}`, {
            anonymousId: `d${r.device}`,
            name: r.name,
            timestamp: NOW - r.ageDays * 86_400_000,
            ...(r.user !== null && { userId: r.user }),
          }),
        );
        const purged = await openLoaded(events);
        await askEverything(purged.store, purged.projectId); // builds the index before the purge
        await purged.store.setRetention(purged.projectId, { eventsMonths: months });
        await purged.store.purge(purged.projectId, NOW);
        const cutoff = monthsAgo(months);
        const fresh = await openLoaded(events.filter((e) => e.timestamp >= cutoff));
        // Person ids and project ids differ in no aggregate; the overview's are counts.
        expect(await askEverything(purged.store, purged.projectId)).toEqual(
          await askEverything(fresh.store, fresh.projectId),
        );
        await purged.store.close();
        await fresh.store.close();
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('finds expired events through the index by day, not by reading every event', async () => {
    const filename = join(dir, 'plan.db');
    const { store } = await openLoaded([event('a', {})], filename);
    await store.close();
    const db = new Database(filename, { readonly: true });
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${EXPIRED_EVENTS}`)
      .all({ project: 1, cutoff: NOW }) as Array<{
      detail: string;
    }>;
    db.close();
    // A search of the index (project, days up to the cutoff's): nothing to delete, little to read.
    expect(plan.map((row) => row.detail)).toEqual([
      'SEARCH events USING INDEX events_by_project_day (project_id=? AND <expr><?)',
    ]);
  });

  it('sweeps identity links only when events went since the last complete sweep', async () => {
    const filename = join(dir, 'sweep.db');
    const { store, projectId } = await openLoaded(
      [
        event('old', { anonymousId: 'phone', userId: 'u1', timestamp: monthsAgo(30) }),
        event('new', { anonymousId: 'laptop', userId: 'u1', timestamp: monthsAgo(1) }),
      ],
      filename,
    );
    expect((await store.purge(projectId, NOW)).tables).toMatchObject({ events: 1, identity_links: 1 });
    // A link with no event behind it, written behind the store's back: only a sweep removes it.
    const db = new Database(filename);
    const plant = () =>
      db
        .prepare(
          `INSERT INTO identity_links (project_id, anonymous_id, user_id, created_at)
           SELECT id, 'tablet', 'u1', 0 FROM projects WHERE public_id = ?`,
        )
        .run(projectId);
    const links = () => db.prepare(`SELECT anonymous_id FROM identity_links ORDER BY 1`).pluck().all();
    plant();
    // Nothing expired and nothing removed since the sweep: the links are not read.
    expect((await store.purge(projectId, NOW)).tables).toMatchObject({ events: 0, identity_links: 0 });
    expect(links()).toEqual(['laptop', 'tablet']);
    // A sweep that did not finish (the process stopped in it) is done by the next purge.
    db.prepare(`UPDATE projects SET links_swept_generation = -1`).run();
    expect((await store.purge(projectId, NOW)).tables).toMatchObject({ events: 0, identity_links: 1 });
    expect(links()).toEqual(['laptop']);
    // An event removed since (expired a month later): the purge sweeps again.
    plant();
    expect((await store.purge(projectId, subtractCalendarMonths(NOW, -25))).tables).toMatchObject({
      events: 1,
      identity_links: 2,
    });
    expect(links()).toEqual([]);
    db.close();
    await store.close();
  });
});
