import type Database from 'better-sqlite3';

/**
 * Un-merges a device from a user in one transaction: its events carrying the user id
 * keep it as `claimed_user_id` (which links nobody), the link row goes, and the
 * project's removal generation moves on, so that every journey index (this process's
 * and any other's on the file) starts again from the rows as they are now. Answers the
 * events changed.
 */
export function prepareUnlinkIdentity(
  db: Database.Database,
): (projectRowId: number, anonymousId: string, userId: string) => number {
  const unlinkEvents = db.prepare(`
    UPDATE events SET claimed_user_id = COALESCE(claimed_user_id, user_id), user_id = NULL
    WHERE project_id = ? AND anonymous_id = ? AND user_id = ?
  `);
  const removeLink = db.prepare(
    `DELETE FROM identity_links WHERE project_id = ? AND anonymous_id = ? AND user_id = ?`,
  );
  const bumpRemovalGeneration = db.prepare(
    `UPDATE projects SET removal_generation = removal_generation + 1 WHERE id = ?`,
  );
  return db.transaction((projectRowId: number, anonymousId: string, userId: string): number => {
    const { changes } = unlinkEvents.run(projectRowId, anonymousId, userId);
    removeLink.run(projectRowId, anonymousId, userId);
    if (changes > 0) bumpRemovalGeneration.run(projectRowId);
    return changes;
  });
}
