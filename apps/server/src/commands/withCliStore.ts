import { existsSync } from 'node:fs';
import { openSqliteStore, type Store } from '@parcours/store';
import { CliError } from './CliIo.js';

/**
 * Opens the SQLite store of `--db`, runs `use`, and closes it. With `mustExist`, a
 * missing file is an error instead of a new empty database: a command that reads or
 * changes what is there must not leave an empty `parcours.db` behind after a typo.
 */
export async function withCliStore<T>(
  db: string,
  options: { mustExist: boolean },
  use: (store: Store) => Promise<T>,
): Promise<T> {
  if (options.mustExist && db !== ':memory:' && !existsSync(db)) throw new CliError(`no database ${db}`);
  const store = openSqliteStore({ filename: db });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
