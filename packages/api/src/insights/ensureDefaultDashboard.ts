import type { Dashboard, Store } from '@parcours/store';

/** What a project's home page holds before anyone edits it: the overview. */
export const DEFAULT_DASHBOARD = {
  name: 'Home',
  description: 'The project’s home page.',
  tile: { name: 'Overview', description: 'Persons, touchpoints, conversions and NPS, last 30 days.' },
} as const;

/** Calls under way per project, so that concurrent first visits make one dashboard. */
const pending = new Map<string, Promise<Dashboard>>();

async function findDefault(store: Store, projectId: string): Promise<Dashboard | undefined> {
  return (await store.listDashboards(projectId)).find((dashboard) => dashboard.isDefault);
}

async function createDefault(store: Store, projectId: string, createdBy: string): Promise<Dashboard> {
  const overview = await store.createInsight({
    projectId,
    ...DEFAULT_DASHBOARD.tile,
    view: 'overview',
    params: { days: '30' },
    createdBy,
  });
  try {
    return await store.createDashboard({
      projectId,
      name: DEFAULT_DASHBOARD.name,
      description: DEFAULT_DASHBOARD.description,
      insightIds: [overview.insightId],
      isDefault: true,
      createdBy,
    });
  } catch (error) {
    // Another process made it first (the store keeps one default): use theirs.
    await store.deleteInsight(projectId, overview.insightId);
    const made = await findDefault(store, projectId);
    if (made === undefined) throw error;
    return made;
  }
}

/**
 * The project's default dashboard, its home page. A project gets it on first visit
 * (new projects and those made before dashboards alike): one overview tile.
 */
export async function ensureDefaultDashboard(
  store: Store,
  projectId: string,
  createdBy: string,
): Promise<Dashboard> {
  const found = await findDefault(store, projectId);
  if (found !== undefined) return found;
  const underWay = pending.get(projectId);
  if (underWay !== undefined) return underWay;
  const making = createDefault(store, projectId, createdBy).finally(() => pending.delete(projectId));
  pending.set(projectId, making);
  return making;
}
