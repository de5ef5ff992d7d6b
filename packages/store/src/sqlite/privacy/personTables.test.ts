import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase.js';
import {
  EXCLUDED_TABLES,
  getPersonIdColumns,
  looksLikePersonIdColumn,
  PERSON_TABLES,
} from './personTables.js';

/** The live schema: every table of a freshly migrated database and its columns. */
function readSchema(db: Database.Database): Map<string, string[]> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((table) => [
      table,
      (db.pragma(`table_info(${JSON.stringify(table)})`) as Array<{ name: string }>).map((c) => c.name),
    ]),
  );
}

describe('the person-table registry against the live schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-person-tables-'));
  let schema: Map<string, string[]>;
  beforeAll(() => {
    const db = openDatabase({ filename: join(dir, 'fresh.db') });
    schema = readSchema(db);
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('classifies every table: a person table or excluded with a reason, never both', () => {
    const registered = new Set(PERSON_TABLES.map((t) => t.table));
    const unclassified = [...schema.keys()].filter((t) => !registered.has(t) && !(t in EXCLUDED_TABLES));
    expect(unclassified, 'tables to declare in personTables.ts').toEqual([]);
    expect([...registered].filter((t) => t in EXCLUDED_TABLES)).toEqual([]);
    for (const { reason } of Object.values(EXCLUDED_TABLES)) expect(reason.length).toBeGreaterThan(10);
  });

  it('declares every column of a person table that looks like a person id', () => {
    const undeclared: string[] = [];
    for (const spec of PERSON_TABLES) {
      for (const column of schema.get(spec.table) ?? []) {
        if (looksLikePersonIdColumn(column) && !getPersonIdColumns(spec).includes(column))
          undeclared.push(`${spec.table}.${column}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('finds person-id-looking columns only in person tables or as declared account ids', () => {
    const found = [...schema].flatMap(([table, columns]) =>
      columns.filter(looksLikePersonIdColumn).map((column) => `${table}.${column}`),
    );
    // The rule bites on this schema: the events' three ids, the accounts' user ids.
    expect(found).toEqual(
      expect.arrayContaining([
        'events.anonymous_id',
        'events.user_id',
        'events.claimed_user_id',
        'sessions.user_id',
        'privacy_requests.subject_user_id',
        'privacy_requests.subject_anonymous_ids',
      ]),
    );
    const outside = found.filter((qualified) => {
      const [table, column] = qualified.split('.') as [string, string];
      const person = PERSON_TABLES.find((t) => t.table === table);
      if (person !== undefined) return !getPersonIdColumns(person).includes(column);
      return !(EXCLUDED_TABLES[table]?.accountIdColumns ?? []).includes(column);
    });
    expect(outside, 'person ids the registry does not declare').toEqual([]);
  });

  it('declares only columns that exist (a stale registry would export or erase nothing)', () => {
    for (const spec of PERSON_TABLES) {
      const { table, jsonColumns, projectColumn, blankColumns = [] } = spec;
      const live = schema.get(table);
      expect(live, table).toBeDefined();
      for (const column of [...getPersonIdColumns(spec), ...jsonColumns, ...blankColumns, projectColumn]) {
        expect(live, `${table}.${column}`).toContain(column);
      }
    }
    for (const [table, { accountIdColumns = [] }] of Object.entries(EXCLUDED_TABLES)) {
      expect([...schema.keys()]).toContain(table);
      for (const column of accountIdColumns)
        expect(schema.get(table), `${table}.${column}`).toContain(column);
    }
  });

  it('applies the documented rule', () => {
    for (const name of [
      'anonymous_id',
      'user_id',
      'claimed_user_id',
      'requester_user_id',
      'person_id',
      'claimed_email',
      'subject_anonymous_ids',
    ]) {
      expect(looksLikePersonIdColumn(name), name).toBe(true);
    }
    for (const name of ['project_id', 'public_id', 'subject_digest', 'record_id', 'actor_id', 'event_id']) {
      expect(looksLikePersonIdColumn(name), name).toBe(false);
    }
  });
});
