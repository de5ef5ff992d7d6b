import type Database from 'better-sqlite3';

/** The user a device's latest events follow: that of its latest event carrying a user id. */
export function prepareGetLatestUserIdOfAnonymousId(db: Database.Database) {
  const statement = db
    .prepare(
      `SELECT user_id FROM events
       WHERE project_id = ? AND anonymous_id = ? AND user_id IS NOT NULL
       ORDER BY timestamp DESC, seq DESC LIMIT 1`,
    )
    .pluck();
  return (projectRowId: number, anonymousId: string) =>
    statement.get(projectRowId, anonymousId) as string | undefined;
}
