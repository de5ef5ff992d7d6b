import type Database from 'better-sqlite3';
import type { Insight, InsightView } from '../../insights/types.js';

interface InsightRow {
  id: number;
  public_id: string;
  name: string;
  description: string;
  view: InsightView;
  params: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'id, public_id, name, description, view, params, created_by, created_at, updated_at';

/** A row as the Store answers it, under the project's public id. */
export function toInsight(row: InsightRow, projectId: string): Insight {
  return {
    insightId: row.public_id,
    projectId,
    name: row.name,
    description: row.description,
    view: row.view,
    params: JSON.parse(row.params) as Record<string, string>,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The saved-insight queries, prepared once. */
export function prepareInsightQueries(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO insights (public_id, project_id, name, description, view, params, created_by, created_at, updated_at)
    VALUES (@publicId, @projectRowId, @name, @description, @view, @params, @createdBy, @now, @now)
  `);
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM insights WHERE project_id = ? AND public_id = ?`);
  const selectAll = db.prepare(`SELECT ${COLUMNS} FROM insights WHERE project_id = ? ORDER BY id`);
  const update = db.prepare(`
    UPDATE insights SET name = @name, description = @description, params = @params, updated_at = @now
    WHERE id = @id
  `);
  const remove = db.prepare(`DELETE FROM insights WHERE project_id = ? AND public_id = ?`);
  return {
    insert: (row: {
      publicId: string;
      projectRowId: number;
      name: string;
      description: string;
      view: InsightView;
      params: string;
      createdBy: string;
      now: number;
    }) => {
      insert.run(row);
    },
    selectOne: (projectRowId: number, publicId: string) =>
      selectOne.get(projectRowId, publicId) as InsightRow | undefined,
    selectAll: (projectRowId: number) => selectAll.all(projectRowId) as InsightRow[],
    update: (row: { id: number; name: string; description: string; params: string; now: number }) => {
      update.run(row);
    },
    remove: (projectRowId: number, publicId: string) => remove.run(projectRowId, publicId).changes === 1,
  };
}
