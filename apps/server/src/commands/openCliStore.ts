import { openSqliteStore, StoreOpenError, type SqliteStoreOptions, type Store } from '@parcours/store';
import { openClickHouseStore, parseClickHouseUrl } from '@parcours/store-clickhouse';
import { CliError } from './CliIo.js';
import { CLICKHOUSE_URL_ENV } from './dbOption.js';

/** What every command reads from `DB_OPTION`. */
export interface DbValues {
  db: string;
  'skip-check'?: boolean | undefined;
  clickhouse?: string | undefined;
}

/** The ClickHouse URL a command uses: `--clickhouse`, else `PARCOURS_CLICKHOUSE_URL`, else none (SQLite). */
export function getClickHouseUrl(values: DbValues, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = values.clickhouse ?? env[CLICKHOUSE_URL_ENV];
  return url === undefined || url.trim() === '' ? undefined : url.trim();
}

/** Where the command's data lives, for messages: the ClickHouse URL or the SQLite file. */
export function describeDatabase(values: DbValues): string {
  return getClickHouseUrl(values) ?? values.db;
}

/**
 * Opens the store of a command: the ClickHouse database of `--clickhouse URL` (or
 * `PARCOURS_CLICKHOUSE_URL`; the URL's path names the database, created with its
 * tables on first use), else the SQLite file of `--db`. A database the store refuses
 * becomes a `CliError`: one line on stderr naming where, the problem and the fix,
 * exit code 1, no stack trace. `--skip-check` skips `PRAGMA quick_check`. `options`
 * go to the SQLite store as they are (`parcours start` warms the journey indexes).
 */
export async function openCliStore(
  values: DbValues,
  options: Omit<SqliteStoreOptions, 'filename' | 'quickCheck'> = {},
): Promise<Store> {
  const clickhouse = getClickHouseUrl(values);
  if (clickhouse !== undefined) return openCliClickHouseStore(clickhouse);
  try {
    return openSqliteStore({ ...options, filename: values.db, quickCheck: values['skip-check'] !== true });
  } catch (error) {
    if (error instanceof StoreOpenError) throw new CliError(error.message, { cause: error });
    throw error;
  }
}

async function openCliClickHouseStore(text: string): Promise<Store> {
  let target: { url: string; database: string };
  try {
    target = parseClickHouseUrl(text);
  } catch (error) {
    throw new CliError((error as Error).message, { cause: error });
  }
  try {
    return await openClickHouseStore(target);
  } catch (error) {
    throw new CliError(
      `cannot open the ClickHouse database ${target.database} at ${target.url}: ${(error as Error).message} ` +
        '(is clickhouse-server running, and the URL right?)',
      { cause: error },
    );
  }
}
