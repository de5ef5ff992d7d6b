import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describeCorruption, diagnoseOpenFailure, findMissingDirectory } from './diagnoseOpenFailure.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { StoreOpenError } from './StoreOpenError.js';

export interface OpenDatabaseOptions {
  /** Path of the database file, created if missing; `:memory:` for a throw-away database. */
  filename: string;
  /**
   * Run `PRAGMA quick_check` at open, which reads every page: seconds per GB.
   * Default true; turn it off for very large files that were checked before.
   */
  quickCheck?: boolean | undefined;
  /** How long a write waits for another connection's lock before `SQLITE_BUSY`. Default 5,000 ms. */
  busyTimeoutMs?: number | undefined;
}

/**
 * Opens a SQLite database for the store and proves it usable before anything is
 * served: readable as SQLite, undamaged (`PRAGMA quick_check`, unless turned off),
 * of a schema this version knows (then migrated), and writable (a real write of the
 * header's `user_version`, which fails where the file, its directory or its mount is
 * read-only, even for root). Any failure closes it and throws a `StoreOpenError`
 * naming the path, the problem and the fix.
 *
 * Pragmas: WAL journal, `synchronous = FULL` so that a commit survives a power cut.
 */
export function openDatabase(options: OpenDatabaseOptions): Database.Database {
  const memory = options.filename === ':memory:' || options.filename === '';
  const path = memory ? options.filename : resolve(options.filename);
  const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new RangeError(`busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`);
  }
  if (!memory) {
    const missing = findMissingDirectory(path);
    if (missing !== undefined) throw missing;
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    // First, so that every later step waits for a lock instead of failing.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The unique index on event ids takes random inserts: keep more of it in memory
    // than SQLite's 2 MiB default (64 MiB, a budget, not an allocation).
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Deleted content is overwritten with zeros, so that an erasure (issue 9) leaves no
    // trace of the erased rows in the file's free space.
    db.pragma('secure_delete = ON');
    if (!memory && options.quickCheck !== false) assertUndamaged(db, path);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new StoreOpenError(
        'newer-schema',
        path,
        `${path} has schema version ${version}, newer than this Parcours knows (${MIGRATIONS.length}): it was written by a newer release; upgrade Parcours, or restore a backup made by this version`,
      );
    }
    migrate(db);
    // Rewriting the same value is a real write (a WAL frame): the cheapest proof of a writable database.
    if (!memory) db.pragma(`user_version = ${MIGRATIONS.length}`);
    return db;
  } catch (error) {
    db?.close();
    throw memory ? error : diagnoseOpenFailure(error, path);
  }
}

/** Throws unless `PRAGMA quick_check` answers "ok" (it either throws or lists the damage). */
function assertUndamaged(db: Database.Database, path: string): void {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  // One row may hold several problems, a line each, under a "*** in database main ***" title.
  const problems = rows
    .flatMap((row) => row.quick_check.split('\n'))
    .filter((text) => text !== 'ok' && text.trim() !== '' && !text.startsWith('*** in database'));
  if (problems.length === 0) return;
  const more = problems.length > 1 ? ` and ${problems.length - 1} more` : '';
  throw describeCorruption(path, `PRAGMA quick_check: ${problems[0]}${more}`);
}
