import {
  checkDashboardTiles,
  createKey,
  type Annotation,
  type Dashboard,
  type Insight,
  type InsightStore,
} from '@parcours/store';
import type { Records } from './createRecords.js';

/** A record id unique across projects: the project's id, then the item's. */
const recordId = (projectId: string, id: string) => `${projectId}/${id}`;

/**
 * Saved insights, dashboards and annotations as shared records, one each, owned by
 * their project. The same rules as SQLite: tiles checked by `checkDashboardTiles`,
 * one default dashboard, an insight's tiles leave every dashboard with it. The
 * default check reads then writes: two processes creating a project's default at
 * the same instant could both succeed (SQLite's unique index refuses the second).
 */
export function createInsightState(
  records: Records,
  requireProject: (projectId: string) => Promise<unknown>,
): InsightStore {
  const listInsights = async (projectId: string) =>
    (await records.list<Insight>('insight', projectId)).map((row) => row.value);
  const listDashboards = async (projectId: string) =>
    (await records.list<Dashboard>('dashboard', projectId)).map((row) => row.value);
  const checkTiles = async (projectId: string, insightIds: readonly string[]) => {
    const known = new Set((await listInsights(projectId)).map((insight) => insight.insightId));
    checkDashboardTiles(insightIds, (id) => known.has(id));
  };
  const putDashboard = (dashboard: Dashboard) =>
    records.put(
      'dashboard',
      recordId(dashboard.projectId, dashboard.dashboardId),
      dashboard,
      dashboard.projectId,
    );

  return {
    async createInsight({ projectId, ...fields }) {
      await requireProject(projectId);
      const now = Date.now();
      const insight: Insight = {
        insightId: createKey('ins', 9),
        projectId,
        ...fields,
        createdAt: now,
        updatedAt: now,
      };
      await records.put('insight', recordId(projectId, insight.insightId), insight, projectId);
      return insight;
    },
    listInsights,
    async updateInsight(projectId, insightId, change) {
      const current = await records.get<Insight>('insight', recordId(projectId, insightId));
      if (current === undefined) return undefined;
      const next: Insight = {
        ...current,
        name: change.name ?? current.name,
        description: change.description ?? current.description,
        params: change.params ?? current.params,
        updatedAt: Date.now(),
      };
      await records.put('insight', recordId(projectId, insightId), next, projectId);
      return next;
    },
    async deleteInsight(projectId, insightId) {
      if ((await records.get('insight', recordId(projectId, insightId))) === undefined) return false;
      const holding = (await listDashboards(projectId)).filter((d) => d.insightIds.includes(insightId));
      await records.putAll(
        holding.map((dashboard) => ({
          kind: 'dashboard' as const,
          id: recordId(projectId, dashboard.dashboardId),
          owner: projectId,
          value: { ...dashboard, insightIds: dashboard.insightIds.filter((id) => id !== insightId) },
        })),
      );
      await records.remove('insight', [recordId(projectId, insightId)], projectId);
      return true;
    },
    async createDashboard({ projectId, insightIds, isDefault = false, ...fields }) {
      await requireProject(projectId);
      await checkTiles(projectId, insightIds);
      if (isDefault && (await listDashboards(projectId)).some((d) => d.isDefault)) {
        throw new RangeError('the project already has its default dashboard');
      }
      const now = Date.now();
      const dashboard: Dashboard = {
        dashboardId: createKey('dsh', 9),
        projectId,
        ...fields,
        isDefault,
        insightIds: [...insightIds],
        createdAt: now,
        updatedAt: now,
      };
      await putDashboard(dashboard);
      return dashboard;
    },
    async listDashboards(projectId) {
      const all = await listDashboards(projectId);
      return [...all.filter((d) => d.isDefault), ...all.filter((d) => !d.isDefault)];
    },
    getDashboard: (projectId, dashboardId) =>
      records.get<Dashboard>('dashboard', recordId(projectId, dashboardId)),
    async updateDashboard(projectId, dashboardId, change) {
      const current = await records.get<Dashboard>('dashboard', recordId(projectId, dashboardId));
      if (current === undefined) return undefined;
      if (change.insightIds !== undefined) await checkTiles(projectId, change.insightIds);
      const next: Dashboard = {
        ...current,
        name: change.name ?? current.name,
        description: change.description ?? current.description,
        insightIds: change.insightIds === undefined ? current.insightIds : [...change.insightIds],
        updatedAt: Date.now(),
      };
      await putDashboard(next);
      return next;
    },
    async deleteDashboard(projectId, dashboardId) {
      if ((await records.get('dashboard', recordId(projectId, dashboardId))) === undefined) return false;
      await records.remove('dashboard', [recordId(projectId, dashboardId)], projectId);
      return true;
    },
    async createAnnotation({ projectId, ...fields }) {
      await requireProject(projectId);
      const annotation: Annotation = {
        annotationId: createKey('ann', 9),
        projectId,
        ...fields,
        createdAt: Date.now(),
      };
      await records.put('annotation', recordId(projectId, annotation.annotationId), annotation, projectId);
      return annotation;
    },
    async listAnnotations(projectId) {
      const all = (await records.list<Annotation>('annotation', projectId)).map((row) => row.value);
      // Stable: equal first days stay in creation order.
      return all.sort((a, b) => a.fromDay.localeCompare(b.fromDay));
    },
    async deleteAnnotation(projectId, annotationId) {
      if ((await records.get('annotation', recordId(projectId, annotationId))) === undefined) return false;
      await records.remove('annotation', [recordId(projectId, annotationId)], projectId);
      return true;
    },
  };
}
