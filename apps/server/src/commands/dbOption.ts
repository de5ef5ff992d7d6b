/**
 * The options every command takes, for `parseArgs`: `--db FILE` (default
 * ./parcours.db), `--skip-check`, which opens without `PRAGMA quick_check` (it
 * reads every page: minutes on a database of many GB), and `--clickhouse URL`, which
 * uses a ClickHouse database instead of the file (also `PARCOURS_CLICKHOUSE_URL`).
 */
export const DB_OPTION = {
  db: { type: 'string', default: './parcours.db' },
  'skip-check': { type: 'boolean', default: false },
  clickhouse: { type: 'string' },
} as const;

/** The environment variable that stands for `--clickhouse URL` when the flag is absent. */
export const CLICKHOUSE_URL_ENV = 'PARCOURS_CLICKHOUSE_URL';
