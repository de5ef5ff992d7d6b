import type Database from 'better-sqlite3';

export interface SessionRow {
  public_id: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
}

/** The session queries, prepared once. Sessions are found by the hash of their token. */
export function prepareSessionQueries(db: Database.Database) {
  const insertSession = db.prepare(
    `INSERT INTO sessions (hash, public_id, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const getSessionByHash = db.prepare(
    `SELECT public_id, user_id, created_at, last_seen_at FROM sessions WHERE hash = ?`,
  );
  const touchSession = db.prepare(`UPDATE sessions SET last_seen_at = ? WHERE hash = ?`);
  const deleteSessionByHash = db.prepare(`DELETE FROM sessions WHERE hash = ?`);
  const deleteSessionsOfUser = db.prepare(`DELETE FROM sessions WHERE user_id = ? AND public_id IS NOT ?`);
  const deleteIdleSessions = db.prepare(`DELETE FROM sessions WHERE last_seen_at < ?`);
  return {
    insertSession: (hash: string, publicId: string, userRowId: number, now: number) => {
      insertSession.run(hash, publicId, userRowId, now, now);
    },
    getSessionByHash: (hash: string) => getSessionByHash.get(hash) as SessionRow | undefined,
    touchSession: (hash: string, now: number) => {
      touchSession.run(now, hash);
    },
    deleteSessionByHash: (hash: string) => {
      deleteSessionByHash.run(hash);
    },
    /** Every session of the user but `keepPublicId` (null: all of them). */
    deleteSessionsOfUser: (userRowId: number, keepPublicId: string | null) => {
      deleteSessionsOfUser.run(userRowId, keepPublicId);
    },
    deleteIdleSessions: (before: number) => {
      deleteIdleSessions.run(before);
    },
  };
}
