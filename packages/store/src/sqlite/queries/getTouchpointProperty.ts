import type Database from 'better-sqlite3';
import { INDEX_READ_PAGE_ROWS, readInPages } from './getIndexableEvents.js';

/**
 * One property of every touchpoint (events but identify) of a project up to a
 * sequence number (the last row its journey index has seen), in arrival order, as
 * JSON text: the `->` operator keeps `true`, `1` and `"1"` apart. Null when the
 * property is absent. Read in pages, as the index's events are.
 */
export function prepareGetTouchpointProperty(db: Database.Database, pageRows = INDEX_READ_PAGE_ROWS) {
  const statement = db
    .prepare(
      `SELECT seq, properties -> ? FROM events
       WHERE project_id = ? AND seq > ? AND seq <= ? AND type != 'identify' ORDER BY seq LIMIT ?`,
    )
    .raw();
  return function* (projectRowId: number, property: string, uptoSeq: number): Generator<string | null> {
    const leading = [toJsonPath(property), projectRowId];
    for (const row of readInPages<[number, string | null]>(statement, leading, 0, uptoSeq, pageRows)) {
      yield row[1];
    }
  };
}

/** `$."key"`, with the key's `\` and `"` escaped as JSON escapes them (SQLite reads them back). */
function toJsonPath(property: string): string {
  return `$."${property.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
