import type Database from 'better-sqlite3';

export function prepareCountEvents(db: Database.Database) {
  const statement = db.prepare(`SELECT count(*) FROM events WHERE project_id = ?`).pluck();
  return (projectRowId: number) => statement.get(projectRowId) as number;
}

/**
 * The project's removal generation and last sequence number: a sequence number freed by
 * an erasure or a purge can be given again, but every removal bumps the generation.
 */
export function prepareGetChangeMark(db: Database.Database) {
  const statement = db
    .prepare(
      `
    SELECT removal_generation || ':' || coalesce((SELECT max(seq) FROM events WHERE project_id = projects.id), 0)
    FROM projects WHERE id = ?
  `,
    )
    .pluck();
  return (projectRowId: number) => statement.get(projectRowId) as string;
}
