import type { Store } from '@parcours/store';

const DAY = 86_400_000;

/** Who the demo's insights, dashboard and annotation name as their author. */
const DEMO_AUTHOR = 'demo';

/** The demo's saved insights: their pages' URL state, as the pages write it. */
export const DEMO_INSIGHTS = [
  {
    name: 'Purchase funnel',
    description: 'Home page to purchase within a week, all channels.',
    view: 'funnel',
    params: {
      step1: '/',
      step2: 'Product viewed',
      step3: 'Added to cart',
      step4: 'Purchase completed',
      window: '7d',
    },
  },
  {
    name: 'Top paths',
    description: 'The most travelled four-step paths.',
    view: 'paths',
    params: { depth: '4', limit: '20' },
  },
  {
    name: 'Weekly retention',
    description: 'Persons back each week after their first touchpoint, last 8 weeks.',
    view: 'retention',
    params: { weeks: '8' },
  },
] as const;

/**
 * A saved dashboard ("Weekly review") of the demo's insights and an annotation on a
 * touchpoint two weeks ago, so that a first visit shows dashboards, saved insights and
 * a before/after comparison with something in them. The project's default dashboard
 * (the home page) is made on the first visit, as for every project.
 */
export async function seedDemoInsights(store: Store, projectId: string, now = Date.now()): Promise<void> {
  const insightIds: string[] = [];
  for (const insight of DEMO_INSIGHTS) {
    const saved = await store.createInsight({
      projectId,
      ...insight,
      params: { ...insight.params },
      createdBy: DEMO_AUTHOR,
    });
    insightIds.push(saved.insightId);
  }
  await store.createDashboard({
    projectId,
    name: 'Weekly review',
    description: 'What the team looks at on Monday mornings.',
    insightIds,
    createdBy: DEMO_AUTHOR,
  });
  const day = new Date(now - 14 * DAY).toISOString().slice(0, 10);
  await store.createAnnotation({
    projectId,
    fromDay: day,
    toDay: day,
    text: 'New cart page released',
    touchpoint: 'Added to cart',
    createdBy: DEMO_AUTHOR,
  });
}
