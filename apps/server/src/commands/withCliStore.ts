import { existsSync } from 'node:fs';
import type { Store } from '@parcours/store';
import { CliError } from './CliIo.js';
import { getClickHouseUrl, openCliStore, type DbValues } from './openCliStore.js';

/**
 * Opens the store of `--db` or `--clickhouse` (checked: see `openCliStore`), runs
 * `use`, and closes it. With `mustExist`, a missing SQLite file is an error instead of
 * a new empty database: a command that reads or changes what is there must not leave
 * an empty `parcours.db` behind after a typo. (A ClickHouse database is created on
 * first use: the commands then answer "no project …" by themselves.)
 */
export async function withCliStore<T>(
  values: DbValues,
  options: { mustExist: boolean },
  use: (store: Store) => Promise<T>,
): Promise<T> {
  const { db } = values;
  const local = getClickHouseUrl(values) === undefined;
  if (local && options.mustExist && db !== ':memory:' && !existsSync(db))
    throw new CliError(`no database ${db}`);
  const store = await openCliStore(values);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
