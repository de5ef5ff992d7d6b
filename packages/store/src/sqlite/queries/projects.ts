import type Database from 'better-sqlite3';

/** A `projects` row with its internal row id, which never leaves the store. */
export interface ProjectRow {
  id: number;
  public_id: string;
  name: string;
  write_key: string;
  created_at: number;
  time_zone: string;
}

const COLUMNS = 'id, public_id, name, write_key, created_at, time_zone';

/** The project queries, prepared once: they are few and always used together. */
export function prepareProjectQueries(db: Database.Database) {
  const insertProject = db.prepare(
    `INSERT INTO projects (public_id, name, write_key, created_at, time_zone) VALUES (?, ?, ?, ?, ?)`,
  );
  const getProjects = db.prepare(`SELECT ${COLUMNS} FROM projects ORDER BY id`);
  const getProjectByPublicId = db.prepare(`SELECT ${COLUMNS} FROM projects WHERE public_id = ?`);
  const getProjectByWriteKey = db.prepare(`SELECT ${COLUMNS} FROM projects WHERE write_key = ?`);
  const updateProjectName = db.prepare(`UPDATE projects SET name = ? WHERE id = ?`);
  const updateProjectTimeZone = db.prepare(`UPDATE projects SET time_zone = ? WHERE id = ?`);
  // Rows without a foreign key to the project (the big, append-only tables) go by hand;
  // keys, maps, members, invitations and share links follow by ON DELETE CASCADE.
  const deleteProjectRows = [
    `DELETE FROM events WHERE project_id = ?`,
    `DELETE FROM identity_links WHERE project_id = ?`,
    `DELETE FROM projects WHERE id = ?`,
    // After the project: the ledger's trigger refuses deletes while the project exists.
    `DELETE FROM consent_records WHERE project_id = ?`,
    // Row ids are reused: a later project must not inherit this one's ledger anchors.
    `DELETE FROM consent_ledger_anchors WHERE project_id = ?`,
  ].map((sql) => db.prepare(sql));
  return {
    insertProject: (
      project: { publicId: string; name: string; writeKey: string; timeZone: string },
      now: number,
    ) =>
      Number(
        insertProject.run(project.publicId, project.name, project.writeKey, now, project.timeZone)
          .lastInsertRowid,
      ),
    getProjects: () => getProjects.all() as ProjectRow[],
    getProjectByPublicId: (publicId: string) => getProjectByPublicId.get(publicId) as ProjectRow | undefined,
    getProjectByWriteKey: (writeKey: string) => getProjectByWriteKey.get(writeKey) as ProjectRow | undefined,
    updateProjectName: (projectRowId: number, name: string) => {
      updateProjectName.run(name, projectRowId);
    },
    updateProjectTimeZone: (projectRowId: number, timeZone: string) => {
      updateProjectTimeZone.run(timeZone, projectRowId);
    },
    /** Call inside a transaction. */
    deleteProject: (projectRowId: number) => {
      for (const statement of deleteProjectRows) statement.run(projectRowId);
    },
  };
}
