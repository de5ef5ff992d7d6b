import type Database from 'better-sqlite3';
import type { ExportedRow } from '../../privacy/types.js';
import { getPersonIdColumns, type PersonTable } from './personTables.js';

/** The ids whose rows are the person's, as JSON arrays bound to one prepared statement each. */
export interface PersonIds {
  anonymousIds: readonly string[];
  userIds: readonly string[];
}

/** The prepared statements of one person table. */
export interface PersonRowQueries {
  /** The person's rows, in the table's export order. */
  select(projectRowId: number, ids: PersonIds): ExportedRow[];
  /** True when some row holds one of the ids. */
  has(projectRowId: number, ids: PersonIds): boolean;
  /** Deletes the person's rows; the count. */
  delete(projectRowId: number, ids: PersonIds): number;
  /** Sets the person-id columns of the person's rows to NULL; the count. */
  pseudonymise(projectRowId: number, ids: PersonIds): number;
}

const PARAMETER = { anonymousId: '@anonymousIds', userId: '@userIds' } as const;

/**
 * Prepares a person table's statements once. The SQL text is assembled from the
 * registry's constant names only; the ids are bound as JSON arrays (`json_each`), so
 * one statement serves any number of ids.
 */
export function preparePersonRows(db: Database.Database, spec: PersonTable): PersonRowQueries {
  const match = [
    ...Object.entries(spec.columns).map(
      ([column, kind]) => `${column} IN (SELECT value FROM json_each(${PARAMETER[kind]}))`,
    ),
    // A JSON array of ids (NULL once blanked): the row is the person's when one is theirs.
    ...Object.entries(spec.idListColumns ?? {}).map(
      ([column, kind]) =>
        `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value IN (SELECT value FROM json_each(${PARAMETER[kind]})))`,
    ),
  ].join(' OR ');
  const where = `${spec.projectColumn} = @projectRowId AND (${match})`;
  const select = db.prepare(`SELECT * FROM ${spec.table} WHERE ${where} ORDER BY ${spec.orderBy}`);
  const has = db.prepare(`SELECT 1 FROM ${spec.table} WHERE ${where} LIMIT 1`).pluck();
  const remove = db.prepare(`DELETE FROM ${spec.table} WHERE ${where}`);
  const blank = [...getPersonIdColumns(spec), ...(spec.blankColumns ?? [])]
    .map((column) => `${column} = NULL`)
    .join(', ');
  // Only a table whose id columns may be NULL can be pseudonymised (SQLite checks NOT NULL at run time).
  const pseudonymise = db.prepare(`UPDATE ${spec.table} SET ${blank} WHERE ${where}`);

  const bind = (projectRowId: number, ids: PersonIds) => ({
    projectRowId,
    anonymousIds: JSON.stringify(ids.anonymousIds),
    userIds: JSON.stringify(ids.userIds),
  });
  const toExported = (row: Record<string, unknown>): ExportedRow => {
    const { [spec.projectColumn]: _, ...rest } = row;
    for (const column of spec.jsonColumns) {
      const text = rest[column];
      if (typeof text === 'string') rest[column] = JSON.parse(text) as unknown;
    }
    return rest;
  };
  return {
    select: (projectRowId, ids) =>
      (select.all(bind(projectRowId, ids)) as Array<Record<string, unknown>>).map(toExported),
    has: (projectRowId, ids) => has.get(bind(projectRowId, ids)) !== undefined,
    delete: (projectRowId, ids) => remove.run(bind(projectRowId, ids)).changes,
    pseudonymise: (projectRowId, ids) => pseudonymise.run(bind(projectRowId, ids)).changes,
  };
}
