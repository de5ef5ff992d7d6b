import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../Store.js';
import { openConformanceStore, type ConformanceTarget } from '../testing/openConformanceStore.js';

/**
 * Dashboards' report schedules as every engine must keep them (issue 12, item 3;
 * `describeStoreConformance` runs this).
 */
export function describeReportScheduleStoreConformance(target: ConformanceTarget): void {
  describe(`ReportScheduleStore conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;
    const t = Date.UTC(2026, 5, 1);

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Reports' }));
    });
    afterEach(() => store.close());

    const schedule = (dashboardId: string, nextRunAt: number, frequency: 'weekly' | 'monthly' = 'weekly') =>
      store.createReportSchedule({
        projectId,
        dashboardId,
        frequency,
        recipients: ['team@example.com', 'lead@example.com'],
        createdBy: 'ann',
        nextRunAt,
      });

    it('creates, lists in creation order and deletes schedules, each in its own project', async () => {
      const weekly = await schedule('dsh_a', t);
      const monthly = await schedule('dsh_b', t + 1, 'monthly');
      expect(weekly.scheduleId).not.toBe(monthly.scheduleId);
      expect(await store.listReportSchedules(projectId)).toEqual([
        {
          scheduleId: weekly.scheduleId,
          projectId,
          dashboardId: 'dsh_a',
          frequency: 'weekly',
          recipients: ['team@example.com', 'lead@example.com'],
          createdBy: 'ann',
          createdAt: weekly.createdAt,
          nextRunAt: t,
          lastSentAt: null,
        },
        monthly,
      ]);
      const { projectId: elsewhere } = await store.createProject({ name: 'Other' });
      expect(await store.listReportSchedules(elsewhere)).toEqual([]);
      expect(await store.deleteReportSchedule(elsewhere, weekly.scheduleId)).toBe(false);
      expect(await store.deleteReportSchedule(projectId, weekly.scheduleId)).toBe(true);
      expect(await store.deleteReportSchedule(projectId, weekly.scheduleId)).toBe(false);
      expect((await store.listReportSchedules(projectId)).map((s) => s.scheduleId)).toEqual([
        monthly.scheduleId,
      ]);
    });

    it('answers the schedules due, earliest first, and moves one on once it is sent', async () => {
      const later = await schedule('dsh_a', t + 2_000);
      const first = await schedule('dsh_b', t);
      const { projectId: other } = await store.createProject({ name: 'Other' });
      const elsewhere = await store.createReportSchedule({
        projectId: other,
        dashboardId: 'dsh_c',
        frequency: 'monthly',
        recipients: ['ops@example.com'],
        createdBy: 'bob',
        nextRunAt: t + 1_000,
      });
      expect(await store.getDueReportSchedules(t - 1, 10)).toEqual([]);
      const due = await store.getDueReportSchedules(t + 2_000, 10);
      expect(due.map((s) => s.scheduleId)).toEqual([
        first.scheduleId,
        elsewhere.scheduleId,
        later.scheduleId,
      ]);
      expect((await store.getDueReportSchedules(t + 2_000, 2)).length).toBe(2);

      await store.markReportScheduleSent(first.scheduleId, { sentAt: t + 5, nextRunAt: t + 7 * 86_400_000 });
      expect((await store.getDueReportSchedules(t + 2_000, 10)).map((s) => s.scheduleId)).toEqual([
        elsewhere.scheduleId,
        later.scheduleId,
      ]);
      const [moved] = (await store.listReportSchedules(projectId)).filter(
        (s) => s.scheduleId === first.scheduleId,
      );
      expect(moved).toMatchObject({ lastSentAt: t + 5, nextRunAt: t + 7 * 86_400_000 });
      // A failed try moves the run on and keeps the last send.
      await store.markReportScheduleSent(first.scheduleId, { nextRunAt: t + 14 * 86_400_000 });
      const [tried] = (await store.listReportSchedules(projectId)).filter(
        (s) => s.scheduleId === first.scheduleId,
      );
      expect(tried).toMatchObject({ lastSentAt: t + 5, nextRunAt: t + 14 * 86_400_000 });
    });
  });
}
