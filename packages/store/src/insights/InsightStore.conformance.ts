import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../Store.js';
import { openConformanceStore, type ConformanceTarget } from '../testing/openConformanceStore.js';

/**
 * Saved insights, dashboards and annotations, as every Store engine must keep them
 * (`describeStoreConformance` runs this).
 */
export function describeInsightStoreConformance(target: ConformanceTarget): void {
  describe(`InsightStore conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;
    let otherProjectId: string;

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Insights' }));
      ({ projectId: otherProjectId } = await store.createProject({ name: 'Other' }));
    });
    afterEach(() => store.close());

    const saveInsight = (name: string, params: Record<string, string> = {}, project = projectId) =>
      store.createInsight({
        projectId: project,
        name,
        description: `${name} explained`,
        view: 'funnel',
        params,
        createdBy: 'ada@example.com',
      });

    it('saves, lists, edits and deletes insights, each project its own', async () => {
      const first = await saveInsight('Checkout', { step1: '/cart', step2: 'Paid' });
      const second = await saveInsight('Signup');
      await saveInsight('Elsewhere', {}, otherProjectId);
      expect(first).toMatchObject({
        insightId: expect.stringMatching(/^ins_/),
        projectId,
        name: 'Checkout',
        description: 'Checkout explained',
        view: 'funnel',
        params: { step1: '/cart', step2: 'Paid' },
        createdBy: 'ada@example.com',
      });
      expect((await store.listInsights(projectId)).map((i) => i.name)).toEqual(['Checkout', 'Signup']);

      const edited = await store.updateInsight(projectId, first.insightId, {
        name: 'Checkout, paid',
        params: { step1: '/cart' },
      });
      expect(edited).toMatchObject({ name: 'Checkout, paid', description: 'Checkout explained' });
      expect(edited?.params).toEqual({ step1: '/cart' });
      expect(await store.updateInsight(otherProjectId, first.insightId, { name: 'x' })).toBeUndefined();

      expect(await store.deleteInsight(otherProjectId, second.insightId)).toBe(false);
      expect(await store.deleteInsight(projectId, second.insightId)).toBe(true);
      expect(await store.deleteInsight(projectId, second.insightId)).toBe(false);
      expect((await store.listInsights(projectId)).map((i) => i.name)).toEqual(['Checkout, paid']);
    });

    it('keeps dashboards as ordered tiles of the project’s insights, one default', async () => {
      const a = await saveInsight('A');
      const b = await saveInsight('B');
      const c = await saveInsight('C');
      const foreign = await saveInsight('Foreign', {}, otherProjectId);
      const home = await store.createDashboard({
        projectId,
        name: 'Home',
        description: '',
        insightIds: [a.insightId, b.insightId],
        isDefault: true,
        createdBy: 'ada@example.com',
      });
      expect(home).toMatchObject({ dashboardId: expect.stringMatching(/^dsh_/), isDefault: true });
      expect(home.insightIds).toEqual([a.insightId, b.insightId]);
      await expect(
        store.createDashboard({
          projectId,
          name: 'Second home',
          description: '',
          insightIds: [],
          isDefault: true,
          createdBy: 'ada@example.com',
        }),
      ).rejects.toThrow(/default dashboard/);
      await expect(
        store.createDashboard({
          projectId,
          name: 'Bad',
          description: '',
          insightIds: [foreign.insightId],
          createdBy: 'ada@example.com',
        }),
      ).rejects.toThrow(new RegExp(`tile ${foreign.insightId}`));
      const weekly = await store.createDashboard({
        projectId,
        name: 'Weekly',
        description: 'Monday review',
        insightIds: [c.insightId],
        createdBy: 'ada@example.com',
      });
      expect(weekly.isDefault).toBe(false);

      const reordered = await store.updateDashboard(projectId, home.dashboardId, {
        name: 'Home page',
        insightIds: [c.insightId, a.insightId, b.insightId],
      });
      expect(reordered).toMatchObject({ name: 'Home page', isDefault: true });
      expect(reordered?.insightIds).toEqual([c.insightId, a.insightId, b.insightId]);
      await expect(
        store.updateDashboard(projectId, home.dashboardId, { insightIds: [a.insightId, a.insightId] }),
      ).rejects.toThrow(/already on this dashboard/);
      expect((await store.getDashboard(projectId, home.dashboardId))?.insightIds).toHaveLength(3);

      // Deleting an insight takes its tiles off every dashboard.
      await store.deleteInsight(projectId, c.insightId);
      expect((await store.getDashboard(projectId, home.dashboardId))?.insightIds).toEqual([
        a.insightId,
        b.insightId,
      ]);
      expect((await store.getDashboard(projectId, weekly.dashboardId))?.insightIds).toEqual([]);

      expect((await store.listDashboards(projectId)).map((d) => d.name)).toEqual(['Home page', 'Weekly']);
      expect(await store.listDashboards(otherProjectId)).toEqual([]);
      expect(await store.getDashboard(otherProjectId, home.dashboardId)).toBeUndefined();
      expect(await store.updateDashboard(otherProjectId, home.dashboardId, { name: 'x' })).toBeUndefined();
      expect(await store.deleteDashboard(otherProjectId, weekly.dashboardId)).toBe(false);
      expect(await store.deleteDashboard(projectId, weekly.dashboardId)).toBe(true);
      expect(await store.getDashboard(projectId, weekly.dashboardId)).toBeUndefined();
    });

    it('keeps annotations by first day, with their touchpoint', async () => {
      const later = await store.createAnnotation({
        projectId,
        fromDay: '2026-06-10',
        toDay: '2026-06-12',
        text: 'Summer campaign',
        touchpoint: null,
        createdBy: 'ada@example.com',
      });
      const fix = await store.createAnnotation({
        projectId,
        fromDay: '2026-06-03',
        toDay: '2026-06-03',
        text: 'Fixed the payment form',
        touchpoint: 'Paid',
        createdBy: 'ada@example.com',
      });
      expect(fix).toMatchObject({ annotationId: expect.stringMatching(/^ann_/), touchpoint: 'Paid' });
      const listed = await store.listAnnotations(projectId);
      expect(listed.map((a) => [a.fromDay, a.toDay, a.text, a.touchpoint])).toEqual([
        ['2026-06-03', '2026-06-03', 'Fixed the payment form', 'Paid'],
        ['2026-06-10', '2026-06-12', 'Summer campaign', null],
      ]);
      expect(await store.listAnnotations(otherProjectId)).toEqual([]);
      expect(await store.deleteAnnotation(otherProjectId, later.annotationId)).toBe(false);
      expect(await store.deleteAnnotation(projectId, later.annotationId)).toBe(true);
      expect((await store.listAnnotations(projectId)).map((a) => a.annotationId)).toEqual([fix.annotationId]);
    });
  });
}
