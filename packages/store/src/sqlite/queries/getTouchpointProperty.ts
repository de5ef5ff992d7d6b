import type Database from 'better-sqlite3';

/**
 * One property of every touchpoint (events but identify) of a project up to a
 * sequence number (the last row its journey index has seen), in arrival order, as
 * JSON text: the `->` operator keeps `true`, `1` and `"1"` apart. Null when the
 * property is absent.
 */
export function prepareGetTouchpointProperty(db: Database.Database) {
  const statement = db
    .prepare(
      `SELECT properties -> ? FROM events
       WHERE project_id = ? AND seq <= ? AND type != 'identify' ORDER BY seq`,
    )
    .pluck();
  return (projectRowId: number, property: string, uptoSeq: number) =>
    statement.iterate(toJsonPath(property), projectRowId, uptoSeq) as Iterable<string | null>;
}

/** `$."key"`, with the key's `\` and `"` escaped as JSON escapes them (SQLite reads them back). */
function toJsonPath(property: string): string {
  return `$."${property.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
