import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, StoredEvent } from '../Store.js';
import { openConformanceStore, type ConformanceTarget } from '../testing/openConformanceStore.js';
import { parseDay, ZoneCalendar } from './ZoneCalendar.js';

const HOUR = 3_600_000;
const paris = new ZoneCalendar('Europe/Paris');
/** `[first, last]` local days as an inclusive epoch-ms range in Paris. */
const parisDays = (first: string, last: string) => ({
  from: paris.getDayStart(parseDay(first)!),
  to: paris.getDayStart(parseDay(last)! + 1) - 1,
});

/**
 * Days and weeks in the project's time zone, as every engine must count them
 * (`describeStoreConformance` runs this): a Europe/Paris project's daily series splits at
 * Paris midnight across both 2026 daylight-saving changes (a 23-hour and a 25-hour
 * day), funnel and retention weeks start on the Paris Monday, and a zone change
 * applies to the next question.
 */
export function describeTimeZoneConformance(target: ConformanceTarget): void {
  describe(`Time zone conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;
    let seq = 0;
    const touchpoint = (anonymousId: string, iso: string): StoredEvent => ({
      id: `tz_${++seq}`,
      type: 'track',
      name: 'Visited',
      anonymousId,
      timestamp: Date.parse(iso),
    });

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Lyon shop', timeZone: 'Europe/Paris' }));
    });
    afterEach(() => store.close());

    it('keeps the zone it was created with, UTC by default, and refuses unknown zones', async () => {
      expect((await store.getProject(projectId))?.timeZone).toBe('Europe/Paris');
      const { projectId: plain } = await store.createProject({ name: 'Plain' });
      expect((await store.getProject(plain))?.timeZone).toBe('UTC');
      await expect(store.createProject({ name: 'Nowhere', timeZone: 'Mars/Olympus' })).rejects.toThrow(
        /Mars\/Olympus/,
      );
      await expect(store.setProjectTimeZone(projectId, '+01:00')).rejects.toThrow(RangeError);
      expect((await store.getProjects()).find((p) => p.projectId === projectId)?.timeZone).toBe(
        'Europe/Paris',
      );
    });

    it('splits the daily series at Paris midnight across the March change (23-hour day)', async () => {
      await store.insertEvents(projectId, [
        touchpoint('a', '2026-03-28T22:30:00Z'), // 23:30 on the 28th in Paris
        touchpoint('b', '2026-03-28T23:30:00Z'), // 00:30 on the 29th
        touchpoint('c', '2026-03-29T21:30:00Z'), // 23:30 on the 29th, now +02:00
        touchpoint('d', '2026-03-29T22:30:00Z'), // 00:30 on the 30th
      ]);
      const overview = await store.getOverview(projectId, parisDays('2026-03-28', '2026-03-30'));
      expect(overview.days.map((d) => [d.day, d.events])).toEqual([
        ['2026-03-28', 1],
        ['2026-03-29', 2],
        ['2026-03-30', 1],
      ]);
      // The same touchpoints in UTC days: the boundaries move.
      await store.setProjectTimeZone(projectId, 'UTC');
      const utc = await store.getOverview(projectId, {
        from: Date.UTC(2026, 2, 28),
        to: Date.UTC(2026, 2, 31) - 1,
      });
      expect(utc.days.map((d) => [d.day, d.events])).toEqual([
        ['2026-03-28', 2],
        ['2026-03-29', 2],
        ['2026-03-30', 0],
      ]);
    });

    it('splits the daily series at Paris midnight across the October change (25-hour day)', async () => {
      const range = parisDays('2026-10-25', '2026-10-26');
      expect(range.to + 1 - range.from).toBe(49 * HOUR);
      await store.insertEvents(projectId, [
        touchpoint('a', '2026-10-24T21:59:59Z'), // 23:59:59 on the 24th: outside
        touchpoint('b', '2026-10-24T22:00:00Z'), // 00:00 on the 25th, +02:00
        touchpoint('c', '2026-10-25T22:59:59Z'), // 23:59:59 on the 25th, +01:00
        touchpoint('d', '2026-10-25T23:00:00Z'), // 00:00 on the 26th
      ]);
      const overview = await store.getOverview(projectId, range);
      expect(overview.days.map((d) => [d.day, d.events, d.persons])).toEqual([
        ['2026-10-25', 2, 2],
        ['2026-10-26', 1, 1],
      ]);
      expect(overview.totals.events).toBe(3);
    });

    it('starts funnel and retention weeks on the Paris Monday', async () => {
      await store.insertEvents(projectId, [
        touchpoint('sunday-night', '2026-10-25T22:30:00Z'), // Sunday 23:30 in Paris
        touchpoint('monday-early', '2026-10-25T23:30:00Z'), // Monday 00:30 in Paris, Sunday in UTC
        touchpoint('sunday-night', '2026-10-26T10:00:00Z'), // back the next Paris week
      ]);
      const funnel = { steps: [{ name: 'Visited' }], windowMs: HOUR };
      const weeks = (await store.getFunnel(projectId, funnel)).overTime.map((w) => [w.week, w.counts]);
      expect(weeks).toEqual([
        ['2026-10-19', [1]],
        ['2026-10-26', [1]],
      ]);
      const range = parisDays('2026-10-19', '2026-11-01');
      const retention = await store.getCohortRetention(projectId, range);
      expect(retention.cohorts.map((c) => [c.week, c.persons, c.returned])).toEqual([
        ['2026-10-19', 1, [1, 1]],
        ['2026-10-26', 1, [1]],
      ]);

      await store.setProjectTimeZone(projectId, 'UTC');
      const utcWeeks = (await store.getFunnel(projectId, funnel)).overTime.map((w) => [w.week, w.counts]);
      expect(utcWeeks).toEqual([['2026-10-19', [2]]]);
    });
  });
}
