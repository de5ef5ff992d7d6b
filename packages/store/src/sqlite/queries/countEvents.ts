import type Database from 'better-sqlite3';

export function prepareCountEvents(db: Database.Database) {
  const statement = db.prepare(`SELECT count(*) FROM events WHERE project_id = ?`).pluck();
  return (projectRowId: number) => statement.get(projectRowId) as number;
}
