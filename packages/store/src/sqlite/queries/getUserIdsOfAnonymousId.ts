import type Database from 'better-sqlite3';

export function prepareGetUserIdsOfAnonymousId(db: Database.Database) {
  const statement = db
    .prepare(`SELECT user_id FROM identity_links WHERE project_id = ? AND anonymous_id = ?`)
    .pluck();
  return (projectRowId: number, anonymousId: string) => statement.all(projectRowId, anonymousId) as string[];
}
