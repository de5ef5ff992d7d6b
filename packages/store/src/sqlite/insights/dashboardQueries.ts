import type Database from 'better-sqlite3';

export interface DashboardRow {
  id: number;
  public_id: string;
  name: string;
  description: string;
  is_default: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}

const COLUMNS = 'id, public_id, name, description, is_default, created_by, created_at, updated_at';

/** The dashboard and tile queries, prepared once. Tiles are kept by position. */
export function prepareDashboardQueries(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO dashboards (public_id, project_id, name, description, is_default, created_by, created_at, updated_at)
    VALUES (@publicId, @projectRowId, @name, @description, @isDefault, @createdBy, @now, @now)
  `);
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM dashboards WHERE project_id = ? AND public_id = ?`);
  const selectAll = db.prepare(
    `SELECT ${COLUMNS} FROM dashboards WHERE project_id = ? ORDER BY is_default DESC, id`,
  );
  const update = db.prepare(
    `UPDATE dashboards SET name = @name, description = @description, updated_at = @now WHERE id = @id`,
  );
  const remove = db.prepare(`DELETE FROM dashboards WHERE project_id = ? AND public_id = ?`);
  const selectTiles = db
    .prepare(
      `SELECT i.public_id FROM dashboard_tiles t JOIN insights i ON i.id = t.insight_id
       WHERE t.dashboard_id = ? ORDER BY t.position`,
    )
    .pluck();
  const deleteTiles = db.prepare(`DELETE FROM dashboard_tiles WHERE dashboard_id = ?`);
  const insertTile = db.prepare(`
    INSERT INTO dashboard_tiles (dashboard_id, position, insight_id)
    SELECT ?, ?, id FROM insights WHERE project_id = ? AND public_id = ?
  `);
  return {
    insert: (row: {
      publicId: string;
      projectRowId: number;
      name: string;
      description: string;
      isDefault: number;
      createdBy: string;
      now: number;
    }) => Number(insert.run(row).lastInsertRowid),
    selectOne: (projectRowId: number, publicId: string) =>
      selectOne.get(projectRowId, publicId) as DashboardRow | undefined,
    selectAll: (projectRowId: number) => selectAll.all(projectRowId) as DashboardRow[],
    update: (row: { id: number; name: string; description: string; now: number }) => {
      update.run(row);
    },
    remove: (projectRowId: number, publicId: string) => remove.run(projectRowId, publicId).changes === 1,
    selectTiles: (dashboardRowId: number) => selectTiles.all(dashboardRowId) as string[],
    /** Replaces the tiles with `insightIds`, in order (public ids, already checked). */
    replaceTiles: (dashboardRowId: number, projectRowId: number, insightIds: readonly string[]) => {
      deleteTiles.run(dashboardRowId);
      insightIds.forEach((id, position) => insertTile.run(dashboardRowId, position, projectRowId, id));
    },
  };
}
