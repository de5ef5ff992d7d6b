import type Database from 'better-sqlite3';

/**
 * A partial consent withdrawal's erasure: one device's events of the withdrawn
 * categories (an event without one is `analytics`, as the collector reads it), then
 * its identity links no event of it supports any more. Call inside a transaction.
 */
export function prepareEraseDeviceCategories(db: Database.Database) {
  const deleteEvents = db.prepare(`
    DELETE FROM events
    WHERE project_id = ? AND anonymous_id = ?
      AND coalesce(category, 'analytics') IN (SELECT value FROM json_each(?))
  `);
  const deleteLinks = db.prepare(`
    DELETE FROM identity_links
    WHERE project_id = ? AND anonymous_id = ? AND NOT EXISTS (
      SELECT 1 FROM events
      WHERE events.project_id = identity_links.project_id
        AND events.anonymous_id = identity_links.anonymous_id
        AND events.user_id = identity_links.user_id
    )
  `);
  return (projectRowId: number, anonymousId: string, categories: readonly string[]) => ({
    events: deleteEvents.run(projectRowId, anonymousId, JSON.stringify(categories)).changes,
    identity_links: deleteLinks.run(projectRowId, anonymousId).changes,
  });
}
