import type Database from 'better-sqlite3';

/** Where a device's user changes: one of its events carrying a user id. */
export interface IdentityChange {
  userId: string;
  timestamp: number;
  seq: number;
}

/**
 * A device's identity changes, in (time, arrival) order: its events carrying a user
 * id, keeping only those whose user differs from the previous one's. Unsigned ids
 * (`claimed_user_id`) are not in `user_id`, so they never count.
 */
export function prepareGetIdentityChanges(db: Database.Database) {
  const statement = db
    .prepare(
      `SELECT user_id, timestamp, seq FROM (
         SELECT user_id, timestamp, seq, lag(user_id) OVER (ORDER BY timestamp, seq) AS previous
         FROM events
         WHERE project_id = ? AND anonymous_id = ? AND user_id IS NOT NULL
       )
       WHERE previous IS NULL OR previous <> user_id
       ORDER BY timestamp, seq`,
    )
    .raw();
  return (projectRowId: number, anonymousId: string): IdentityChange[] =>
    (statement.all(projectRowId, anonymousId) as Array<[string, number, number]>).map(
      ([userId, timestamp, seq]) => ({ userId, timestamp, seq }),
    );
}
