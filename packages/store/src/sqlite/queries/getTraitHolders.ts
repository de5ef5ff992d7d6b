import type Database from 'better-sqlite3';

/** One identify carrying a trait: who sent it and the trait's value as JSON text. */
export interface TraitRow {
  anonymousId: string;
  userId: string | null;
  value: string;
}

/**
 * Every identify of a project (up to the last row its journey index has seen) that
 * carries a trait, oldest first (time, then arrival), with the trait's value as JSON
 * text (`->`, as property columns read them, so `1` and `"1"` stay apart). A scan of
 * the project's events: a trait search pays it once per page.
 */
export function prepareGetTraitHolders(db: Database.Database) {
  const statement = db
    .prepare(
      `SELECT anonymous_id, user_id, properties -> ? FROM events
       WHERE project_id = ? AND type = 'identify' AND seq <= ? AND properties -> ? IS NOT NULL
       ORDER BY timestamp, seq`,
    )
    .raw();
  return function* (projectRowId: number, trait: string, uptoSeq: number): Generator<TraitRow> {
    const path = toJsonPath(trait);
    for (const row of statement.iterate(path, projectRowId, uptoSeq, path) as Iterable<
      [string, string | null, string]
    >) {
      yield { anonymousId: row[0], userId: row[1], value: row[2] };
    }
  };
}

/** `$."key"`, with the key's `\` and `"` escaped as JSON escapes them. */
function toJsonPath(property: string): string {
  return `$."${property.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
