import { existsSync } from 'node:fs';
import type { Store } from '@parcours/store';
import { CliError } from './CliIo.js';
import { openCliStore, type DbValues } from './openCliStore.js';

/**
 * Opens the SQLite store of `--db` (checked: see `openCliStore`), runs `use`, and closes it. With `mustExist`, a
 * missing file is an error instead of a new empty database: a command that reads or
 * changes what is there must not leave an empty `parcours.db` behind after a typo.
 */
export async function withCliStore<T>(
  values: DbValues,
  options: { mustExist: boolean },
  use: (store: Store) => Promise<T>,
): Promise<T> {
  const { db } = values;
  if (options.mustExist && db !== ':memory:' && !existsSync(db)) throw new CliError(`no database ${db}`);
  const store = openCliStore(values);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
