import type Database from 'better-sqlite3';
import {
  MAX_REGISTER_PROPERTY_NAMES,
  type RegisterContacts,
  type RegisterStore,
  type StoredRegisterContacts,
} from '../../privacy/register.js';
import { PERSON_TABLES } from './personTables.js';

const EMPTY_CONTACT = { name: '', email: '', phone: '', address: '' };

/**
 * The SQLite `RegisterStore`: contacts in `privacy_register` (one JSON document per
 * project), facts from the live schema (`pragma_table_info`, `sqlite_master`) and
 * the project's events. `getProjectRowId` throws for an unknown project.
 */
export function createSqliteRegisterStore(
  db: Database.Database,
  getProjectRowId: (projectId: string) => number,
): RegisterStore {
  const selectContacts = db.prepare(`SELECT contacts, updated_at FROM privacy_register WHERE project_id = ?`);
  const upsertContacts = db.prepare(`
    INSERT INTO privacy_register (project_id, contacts, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (project_id) DO UPDATE SET contacts = excluded.contacts, updated_at = excluded.updated_at
  `);
  const selectColumns = db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck();
  // Table names come from the registry (constants), never from input.
  const countRows = new Map(
    PERSON_TABLES.map(({ table }) => [
      table,
      db.prepare(`SELECT COUNT(*) FROM ${table} WHERE project_id = ?`).pluck(),
    ]),
  );
  // One more than the cap, to know whether the list was cut.
  const selectKeys = (column: 'properties' | 'context') =>
    db
      .prepare(
        `SELECT DISTINCT j.key FROM events AS e, json_each(e.${column}) AS j
         WHERE e.project_id = ? AND e.${column} IS NOT NULL ORDER BY j.key LIMIT ?`,
      )
      .pluck();
  const selectPropertyNames = selectKeys('properties');
  const selectContextNames = selectKeys('context');
  const selectTriggers = db
    .prepare(`SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY tbl_name`)
    .raw();

  const readContacts = (projectRowId: number): StoredRegisterContacts => {
    const row = selectContacts.get(projectRowId) as { contacts: string; updated_at: number } | undefined;
    if (row === undefined) {
      return { controller: { ...EMPTY_CONTACT }, dpo: { ...EMPTY_CONTACT }, recipients: [], updatedAt: null };
    }
    return { ...(JSON.parse(row.contacts) as RegisterContacts), updatedAt: row.updated_at };
  };

  return {
    async getRegisterContacts(projectId) {
      return readContacts(getProjectRowId(projectId));
    },
    async setRegisterContacts(projectId, { controller, dpo, recipients }) {
      const projectRowId = getProjectRowId(projectId);
      // Only the known fields, in a fixed order: the stored document is what was validated.
      const contacts: RegisterContacts = { controller, dpo, recipients };
      upsertContacts.run(projectRowId, JSON.stringify(contacts), Date.now());
      return readContacts(projectRowId);
    },
    async getStoredDataFacts(projectId) {
      const projectRowId = getProjectRowId(projectId);
      const limit = MAX_REGISTER_PROPERTY_NAMES + 1;
      const propertyNames = selectPropertyNames.all(projectRowId, limit) as string[];
      const contextNames = selectContextNames.all(projectRowId, limit) as string[];
      const namesTruncated = propertyNames.length === limit || contextNames.length === limit;
      return {
        tables: PERSON_TABLES.map(({ table, columns }) => ({
          table,
          columns: selectColumns.all(table) as string[],
          personIdColumns: Object.keys(columns),
          rows: countRows.get(table)!.get(projectRowId) as number,
        })),
        propertyNames: propertyNames.slice(0, MAX_REGISTER_PROPERTY_NAMES),
        contextNames: contextNames.slice(0, MAX_REGISTER_PROPERTY_NAMES),
        namesTruncated,
        secureDelete: db.pragma('secure_delete', { simple: true }) === 1,
        journalMode: String(db.pragma('journal_mode', { simple: true })),
        appendOnlyTables: findAppendOnlyTables(selectTriggers.all() as Array<[string, string]>),
      };
    },
  };
}

/** Tables with both a BEFORE UPDATE and a BEFORE DELETE trigger that RAISE(ABORT). */
function findAppendOnlyTables(triggers: Array<[table: string, sql: string]>): string[] {
  const guarded = (kind: 'UPDATE' | 'DELETE') =>
    new Set(
      triggers
        .filter(
          ([, sql]) => new RegExp(`BEFORE\\s+${kind}\\b`, 'i').test(sql) && /RAISE\s*\(\s*ABORT/i.test(sql),
        )
        .map(([table]) => table),
    );
  const updates = guarded('UPDATE');
  return [...guarded('DELETE')].filter((table) => updates.has(table)).sort();
}
