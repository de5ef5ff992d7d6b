import type Database from 'better-sqlite3';

export function prepareGetAnonymousIdsOfUserId(db: Database.Database) {
  const statement = db
    .prepare(`SELECT anonymous_id FROM identity_links WHERE project_id = ? AND user_id = ?`)
    .pluck();
  return (projectRowId: number, userId: string) => statement.all(projectRowId, userId) as string[];
}
