import { openSqliteStore } from '@parcours/store';
import { expect, it } from 'vitest';
import { DEMO_PROJECT_NAME, seedDemoProject } from './seedDemoProject.js';

it('gives the demo project a saved dashboard of its insights and an annotation on a touchpoint', async () => {
  const store = openSqliteStore({ filename: ':memory:' });
  try {
    const demo = await seedDemoProject(store, { passwordFile: undefined });
    expect((await store.getProjects()).map((p) => p.name)).toEqual([DEMO_PROJECT_NAME]);
    const insights = await store.listInsights(demo!.projectId);
    expect(insights.map((i) => i.view)).toEqual(['funnel', 'paths', 'retention']);
    const [dashboard] = await store.listDashboards(demo!.projectId);
    expect(dashboard).toMatchObject({ name: 'Weekly review', isDefault: false });
    expect(dashboard!.insightIds).toEqual(insights.map((i) => i.insightId));
    const [annotation] = await store.listAnnotations(demo!.projectId);
    expect(annotation).toMatchObject({ touchpoint: 'Added to cart', text: 'New cart page released' });
    // The annotated touchpoint is one of the demo's, with persons both sides of the day.
    const day = Date.parse(`${annotation!.fromDay}T00:00:00Z`);
    for (const range of [
      { from: day - 7 * 86_400_000, to: day - 1 },
      { from: day + 86_400_000, to: day + 8 * 86_400_000 - 1 },
    ]) {
      const stages = await store.getStages(demo!.projectId, range);
      const cart = stages.stages.flatMap((s) => s.touchpoints).find((t) => t.name === 'Added to cart');
      expect(cart?.persons).toBeGreaterThan(0);
    }
  } finally {
    await store.close();
  }
}, 60_000);
