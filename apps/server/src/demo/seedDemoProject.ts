import type { JourneyStage, Store } from '@parcours/store';
import { generateDemoJourneys } from './generateDemoJourneys.js';

export const DEMO_PROJECT_NAME = 'Demo: outdoor retailer';

/** The demo's journey map, over the touchpoints generateDemoJourneys emits. */
export const DEMO_JOURNEY_MAP: JourneyStage[] = [
  {
    name: 'awareness',
    touchpoints: [{ name: 'Ad clicked' }, { name: 'Social post clicked' }, { name: 'Search result clicked' }],
  },
  {
    name: 'consideration',
    touchpoints: [{ name: '/' }, { name: 'Product viewed' }, { name: '/pricing' }, { name: 'Added to cart' }],
  },
  { name: 'decision', touchpoints: [{ name: 'Signed up' }, { name: 'Purchase completed' }] },
  {
    name: 'retention',
    touchpoints: [
      { name: 'App opened' },
      { name: 'Email opened' },
      { name: 'Store visit' },
      { name: 'Support call' },
    ],
  },
  { name: 'advocacy', touchpoints: [{ name: 'feedback' }] },
];

export interface DemoProject {
  projectId: string;
  writeKey: string;
  /** A fresh key, minted at every start: only hashes are stored, so old ones can't be shown. */
  secretKey: string;
  events: number;
  created: boolean;
}

/**
 * Creates the demo project with its journeys when the database has no projects,
 * or finds it again. Either way mints a new `demo`-labelled secret key to print.
 * Undefined when the database holds other projects only: demo data never mixes
 * into a real database.
 */
export async function seedDemoProject(store: Store): Promise<DemoProject | undefined> {
  const existing = await store.getProjects();
  let project = existing.find((p) => p.name === DEMO_PROJECT_NAME);
  let created = false;
  if (project === undefined) {
    if (existing.length > 0) return undefined;
    const { projectId } = await store.createProject({ name: DEMO_PROJECT_NAME });
    await store.setJourneyMap(projectId, DEMO_JOURNEY_MAP);
    const events = generateDemoJourneys();
    for (let i = 0; i < events.length; i += 500) {
      await store.insertEvents(projectId, events.slice(i, i + 500));
    }
    project = (await store.getProjects()).find((p) => p.projectId === projectId)!;
    created = true;
  }
  const secretKey = await store.rotateSecretKey(project.projectId, 'demo');
  return {
    projectId: project.projectId,
    writeKey: project.writeKey,
    secretKey,
    events: await store.countEvents(project.projectId),
    created,
  };
}
