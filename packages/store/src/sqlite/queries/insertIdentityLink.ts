import type Database from 'better-sqlite3';

/** Records that an anonymous id and a user id belong to the same person (idempotent). */
export function prepareInsertIdentityLink(db: Database.Database) {
  const statement = db.prepare(`
    INSERT OR IGNORE INTO identity_links (project_id, anonymous_id, user_id, created_at)
    VALUES (?, ?, ?, ?)
  `);
  return (projectRowId: number, anonymousId: string, userId: string, now: number): void => {
    statement.run(projectRowId, anonymousId, userId, now);
  };
}
