import type Database from 'better-sqlite3';
import { createKey } from '../../createKey.js';
import { checkDashboardTiles } from '../../insights/checkDashboardTiles.js';
import type { Dashboard, InsightStore } from '../../insights/types.js';
import { prepareAnnotationQueries, toAnnotation } from './annotationQueries.js';
import { prepareDashboardQueries, type DashboardRow } from './dashboardQueries.js';
import { prepareInsightQueries, toInsight } from './insightQueries.js';

/**
 * The SQLite saved insights, dashboards and annotations, by project public id
 * (`getProjectRowId` throws for an unknown one). A dashboard's tiles are rows of
 * `dashboard_tiles`, so deleting an insight takes its tiles with it (foreign key).
 */
export function createSqliteInsightStore(
  db: Database.Database,
  getProjectRowId: (projectId: string) => number,
): InsightStore {
  const insights = prepareInsightQueries(db);
  const dashboards = prepareDashboardQueries(db);
  const annotations = prepareAnnotationQueries(db);

  const toDashboard = (row: DashboardRow, projectId: string): Dashboard => ({
    dashboardId: row.public_id,
    projectId,
    name: row.name,
    description: row.description,
    isDefault: row.is_default === 1,
    insightIds: dashboards.selectTiles(row.id),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
  const checkTiles = (projectRowId: number, insightIds: readonly string[]) =>
    checkDashboardTiles(insightIds, (id) => insights.selectOne(projectRowId, id) !== undefined);

  return {
    async createInsight({ projectId, params, ...fields }) {
      const projectRowId = getProjectRowId(projectId);
      const publicId = createKey('ins', 9);
      insights.insert({ ...fields, publicId, projectRowId, params: JSON.stringify(params), now: Date.now() });
      return toInsight(insights.selectOne(projectRowId, publicId)!, projectId);
    },
    async listInsights(projectId) {
      return insights.selectAll(getProjectRowId(projectId)).map((row) => toInsight(row, projectId));
    },
    async updateInsight(projectId, insightId, change) {
      const projectRowId = getProjectRowId(projectId);
      const row = insights.selectOne(projectRowId, insightId);
      if (row === undefined) return undefined;
      insights.update({
        id: row.id,
        name: change.name ?? row.name,
        description: change.description ?? row.description,
        params: change.params === undefined ? row.params : JSON.stringify(change.params),
        now: Date.now(),
      });
      return toInsight(insights.selectOne(projectRowId, insightId)!, projectId);
    },
    async deleteInsight(projectId, insightId) {
      return insights.remove(getProjectRowId(projectId), insightId);
    },
    async createDashboard({ projectId, insightIds, isDefault = false, ...fields }) {
      const projectRowId = getProjectRowId(projectId);
      const publicId = createKey('dsh', 9);
      db.transaction(() => {
        checkTiles(projectRowId, insightIds);
        if (isDefault && dashboards.selectAll(projectRowId).some((row) => row.is_default === 1)) {
          throw new RangeError('the project already has its default dashboard');
        }
        const rowId = dashboards.insert({
          ...fields,
          publicId,
          projectRowId,
          isDefault: isDefault ? 1 : 0,
          now: Date.now(),
        });
        dashboards.replaceTiles(rowId, projectRowId, insightIds);
      })();
      return toDashboard(dashboards.selectOne(projectRowId, publicId)!, projectId);
    },
    async listDashboards(projectId) {
      return dashboards.selectAll(getProjectRowId(projectId)).map((row) => toDashboard(row, projectId));
    },
    async getDashboard(projectId, dashboardId) {
      const row = dashboards.selectOne(getProjectRowId(projectId), dashboardId);
      return row && toDashboard(row, projectId);
    },
    async updateDashboard(projectId, dashboardId, change) {
      const projectRowId = getProjectRowId(projectId);
      const row = dashboards.selectOne(projectRowId, dashboardId);
      if (row === undefined) return undefined;
      db.transaction(() => {
        const name = change.name ?? row.name;
        const description = change.description ?? row.description;
        dashboards.update({ id: row.id, name, description, now: Date.now() });
        if (change.insightIds === undefined) return;
        checkTiles(projectRowId, change.insightIds);
        dashboards.replaceTiles(row.id, projectRowId, change.insightIds);
      })();
      return toDashboard(dashboards.selectOne(projectRowId, dashboardId)!, projectId);
    },
    async deleteDashboard(projectId, dashboardId) {
      return dashboards.remove(getProjectRowId(projectId), dashboardId);
    },
    async createAnnotation({ projectId, ...fields }) {
      const projectRowId = getProjectRowId(projectId);
      const publicId = createKey('ann', 9);
      annotations.insert({ ...fields, publicId, projectRowId, now: Date.now() });
      return toAnnotation(annotations.selectOne(projectRowId, publicId)!, projectId);
    },
    async listAnnotations(projectId) {
      return annotations.selectAll(getProjectRowId(projectId)).map((row) => toAnnotation(row, projectId));
    },
    async deleteAnnotation(projectId, annotationId) {
      return annotations.remove(getProjectRowId(projectId), annotationId);
    },
  };
}
