import type Database from 'better-sqlite3';

/** A `projects` row with its internal row id, which never leaves the store. */
export interface ProjectRow {
  id: number;
  public_id: string;
  name: string;
  write_key: string;
  created_at: number;
}

const COLUMNS = 'id, public_id, name, write_key, created_at';

/** The project queries, prepared once: they are few and always used together. */
export function prepareProjectQueries(db: Database.Database) {
  const insertProject = db.prepare(
    `INSERT INTO projects (public_id, name, write_key, created_at) VALUES (?, ?, ?, ?)`,
  );
  const getProjects = db.prepare(`SELECT ${COLUMNS} FROM projects ORDER BY id`);
  const getProjectByPublicId = db.prepare(`SELECT ${COLUMNS} FROM projects WHERE public_id = ?`);
  const getProjectByWriteKey = db.prepare(`SELECT ${COLUMNS} FROM projects WHERE write_key = ?`);
  const getProjectBySecretHash = db.prepare(`
    SELECT ${COLUMNS.replace(/(\w+)/g, 'p.$1')} FROM secret_keys s JOIN projects p ON p.id = s.project_id
    WHERE s.hash = ?
  `);
  const insertSecretKey = db.prepare(
    `INSERT INTO secret_keys (hash, project_id, label, created_at) VALUES (?, ?, ?, ?)`,
  );
  const deleteSecretKeysByLabel = db.prepare(`DELETE FROM secret_keys WHERE project_id = ? AND label = ?`);
  return {
    insertProject: (publicId: string, name: string, writeKey: string, now: number) =>
      Number(insertProject.run(publicId, name, writeKey, now).lastInsertRowid),
    getProjects: () => getProjects.all() as ProjectRow[],
    getProjectByPublicId: (publicId: string) => getProjectByPublicId.get(publicId) as ProjectRow | undefined,
    getProjectByWriteKey: (writeKey: string) => getProjectByWriteKey.get(writeKey) as ProjectRow | undefined,
    getProjectBySecretHash: (hash: string) => getProjectBySecretHash.get(hash) as ProjectRow | undefined,
    insertSecretKey: (hash: string, projectRowId: number, label: string, now: number) => {
      insertSecretKey.run(hash, projectRowId, label, now);
    },
    deleteSecretKeysByLabel: (projectRowId: number, label: string) => {
      deleteSecretKeysByLabel.run(projectRowId, label);
    },
  };
}
