import type Database from 'better-sqlite3';
import type { CollectionSettings } from '../../CollectionSettings.js';

type Row = [queryAllowList: string, redactPii: number, piiExemptProperties: string];

/**
 * A project's data-collection settings (issue 9). Read from the file on every
 * collect batch (one primary-key lookup), not cached, like the identity settings:
 * another process may change them, and a privacy setting must apply at once. The
 * lists are JSON arrays in TEXT columns (validated by the API before they get here).
 */
export function prepareCollectionSettings(db: Database.Database) {
  const select = db
    .prepare(`SELECT query_allow_list, redact_pii, pii_exempt_properties FROM projects WHERE id = ?`)
    .raw();
  const update = db.prepare(
    `UPDATE projects SET query_allow_list = ?, redact_pii = ?, pii_exempt_properties = ? WHERE id = ?`,
  );
  const get = (projectRowId: number): CollectionSettings => {
    const row = select.get(projectRowId) as Row | undefined;
    if (row === undefined) throw new Error(`unknown project row ${projectRowId}`);
    return {
      queryAllowList: JSON.parse(row[0]) as string[],
      redactPii: row[1] === 1,
      piiExemptProperties: JSON.parse(row[2]) as string[],
    };
  };
  return {
    get,
    set(projectRowId: number, change: Partial<CollectionSettings>): CollectionSettings {
      return db.transaction(() => {
        const next = { ...get(projectRowId), ...change };
        update.run(
          JSON.stringify(next.queryAllowList),
          next.redactPii ? 1 : 0,
          JSON.stringify(next.piiExemptProperties),
          projectRowId,
        );
        return get(projectRowId);
      })();
    },
  };
}
