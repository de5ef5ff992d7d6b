/** The `--db FILE` option every command takes, for `parseArgs`. */
export const DB_OPTION = { db: { type: 'string', default: './parcours.db' } } as const;
