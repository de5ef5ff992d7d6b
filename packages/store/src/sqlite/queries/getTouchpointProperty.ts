import type Database from 'better-sqlite3';

/**
 * One property of every touchpoint (events but identify) of a project, in arrival
 * order, as JSON text: the `->` operator keeps `true`, `1` and `"1"` apart. Null
 * when the property is absent.
 */
export function prepareGetTouchpointProperty(db: Database.Database) {
  const statement = db
    .prepare(`SELECT properties -> ? FROM events WHERE project_id = ? AND type != 'identify' ORDER BY seq`)
    .pluck();
  return (projectRowId: number, property: string) =>
    statement.iterate(`$."${property.replaceAll('"', '\\"')}"`, projectRowId) as Iterable<string | null>;
}
