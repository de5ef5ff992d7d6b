/**
 * The options every command takes, for `parseArgs`: `--db FILE` (default
 * ./parcours.db) and `--skip-check`, which opens without `PRAGMA quick_check` (it
 * reads every page: minutes on a database of many GB).
 */
export const DB_OPTION = {
  db: { type: 'string', default: './parcours.db' },
  'skip-check': { type: 'boolean', default: false },
} as const;
