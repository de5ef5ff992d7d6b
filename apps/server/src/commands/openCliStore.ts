import { openSqliteStore, StoreOpenError, type SqliteStoreOptions, type Store } from '@parcours/store';
import { CliError } from './CliIo.js';

/** What every command reads from `DB_OPTION`. */
export interface DbValues {
  db: string;
  'skip-check'?: boolean | undefined;
}

/**
 * Opens the store of `--db` for a command. A database the store refuses (missing
 * directory, not a database, truncated, corrupt, read-only, newer schema…) becomes
 * a `CliError`: one line on stderr naming the path, the problem and the fix, exit
 * code 1, no stack trace. `--skip-check` skips `PRAGMA quick_check`. `options` go to
 * the store as they are (`parcours start` warms the journey indexes).
 */
export function openCliStore(
  values: DbValues,
  options: Omit<SqliteStoreOptions, 'filename' | 'quickCheck'> = {},
): Store {
  try {
    return openSqliteStore({ ...options, filename: values.db, quickCheck: values['skip-check'] !== true });
  } catch (error) {
    if (error instanceof StoreOpenError) throw new CliError(error.message, { cause: error });
    throw error;
  }
}
