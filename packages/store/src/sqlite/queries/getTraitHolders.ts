import type Database from 'better-sqlite3';

/** One identify carrying a trait: who sent it, when, and the trait's value as JSON text. */
export interface TraitRow {
  anonymousId: string;
  userId: string | null;
  timestamp: number;
  seq: number;
  value: string;
}

/**
 * The identifies of a project committed in (afterSeq, uptoSeq] that carry a trait, in
 * arrival order, with the trait's value as JSON text (`->`, as property columns read
 * them, so `1` and `"1"` stay apart). From 0, a scan of the project's events: the
 * trait cache (`TraitCache`) pays it once per trait, then reads only new rows.
 */
export function prepareGetTraitHolders(db: Database.Database) {
  const statement = db
    .prepare(
      `SELECT anonymous_id, user_id, timestamp, seq, properties -> ? FROM events
       WHERE project_id = ? AND seq > ? AND seq <= ? AND type = 'identify' AND properties -> ? IS NOT NULL
       ORDER BY seq`,
    )
    .raw();
  return function* (
    projectRowId: number,
    trait: string,
    seqs: { after: number; upto: number },
  ): Generator<TraitRow> {
    const path = toJsonPath(trait);
    for (const row of statement.iterate(path, projectRowId, seqs.after, seqs.upto, path) as Iterable<
      [string, string | null, number, number, string]
    >) {
      yield { anonymousId: row[0], userId: row[1], timestamp: row[2], seq: row[3], value: row[4] };
    }
  };
}

/** `$."key"`, with the key's `\` and `"` escaped as JSON escapes them. */
function toJsonPath(property: string): string {
  return `$."${property.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
