import type Database from 'better-sqlite3';

/** True when the project has at least one event from this anonymous id. */
export function prepareHasAnonymousId(db: Database.Database) {
  const statement = db
    .prepare(`SELECT 1 FROM events WHERE project_id = ? AND anonymous_id = ? LIMIT 1`)
    .pluck();
  return (projectRowId: number, anonymousId: string) =>
    statement.get(projectRowId, anonymousId) !== undefined;
}
