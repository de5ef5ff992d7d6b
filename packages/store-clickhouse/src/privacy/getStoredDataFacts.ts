import type { ClickHouseClient } from '@clickhouse/client';
import { MAX_REGISTER_PROPERTY_NAMES, type StoredDataFacts } from '@parcours/store';
import { countEvents } from '../countEvents.js';
import { fromVisibleEvents } from '../fromVisibleEvents.js';
import { queryRows } from '../queryRows.js';
import { quoteDatabaseName, quoteInteger, quoteString } from '../sqlLiteral.js';
import type { Records } from '../state/createRecords.js';
import { CLICKHOUSE_PERSON_TABLES, type ClickHousePersonTable } from './personTables.js';

type Target = { database: string; projectId: string };

/**
 * The keys of a JSON object as `JSON.stringify` writes them (18.16 has no
 * `JSONExtractKeys`): each `"…":` outside a string. Properties are flat (a value is
 * never an object), so a key is a quoted run followed by a colon, and a string value
 * can never end in one.
 */
const JSON_KEY = '"((?:[^"\\\\]|\\\\.)*)":';

/** Distinct keys of one JSON column of the project's events, sorted as SQLite sorts them, one more than the cap. */
async function getKeys(client: ClickHouseClient, target: Target, column: 'properties' | 'context') {
  const rows = await queryRows<{ key: string }>(
    client,
    `SELECT DISTINCT arrayJoin(extractAll(${column}, ${quoteString(JSON_KEY)})) AS key
     FROM ${fromVisibleEvents(target)} AND ${column} != ''
     ORDER BY key LIMIT ${quoteInteger(MAX_REGISTER_PROPERTY_NAMES + 1)}`,
  );
  // Raw JSON text: decode the escapes, then order by UTF-8 bytes (SQLite's BINARY collation).
  return rows
    .map((row) => JSON.parse(`"${row.key}"`) as string)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

async function countRows(
  client: ClickHouseClient,
  target: Target,
  records: Records,
  table: ClickHousePersonTable,
) {
  const db = quoteDatabaseName(target.database);
  const project = `project_id = ${quoteString(target.projectId)}`;
  const count = async (query: string) => Number((await queryRows<{ n: string }>(client, query))[0]!.n);
  switch (table.table) {
    case 'events':
      return countEvents(client, target);
    case 'identity_links':
      return count(
        `SELECT count() AS n FROM (SELECT DISTINCT anonymous_id, user_id FROM ${fromVisibleEvents(target)} AND user_id != '')`,
      );
    case 'consent_records':
      return count(`SELECT count() AS n FROM ${db}.consent_ledger WHERE ${project}`);
    case 'privacy_requests':
      return (await records.list('privacy_request', target.projectId)).length;
  }
}

/**
 * What the ClickHouse database holds for a project and how, for the Art. 30 register:
 * each person table (`CLICKHOUSE_PERSON_TABLES`) with its live columns (from
 * `system.columns`, or a derived table's row columns) and the project's rows, the
 * property and context names seen (capped as on SQLite), and the storage facts: no
 * overwrite on delete (`secureDelete` false: a mutation writes new parts and the old
 * ones are removed from disk after `old_parts_lifetime`), no journal mode of SQLite's
 * (`mergetree`), and no table guarded by triggers (the ledger's tamper evidence is its
 * hash chain).
 */
export async function getStoredDataFacts(
  client: ClickHouseClient,
  target: Target,
  records: Records,
): Promise<StoredDataFacts> {
  const columns = await queryRows<{ table: string; name: string }>(
    client,
    `SELECT table, name FROM system.columns
     WHERE database = ${quoteString(quoteDatabaseName(target.database))} AND table IN ('events', 'consent_ledger')`,
  );
  const [propertyNames, contextNames, tables] = await Promise.all([
    getKeys(client, target, 'properties'),
    getKeys(client, target, 'context'),
    Promise.all(
      CLICKHOUSE_PERSON_TABLES.map(async (table) => ({
        table: table.table,
        columns:
          table.storedIn === undefined
            ? [...table.derivedColumns!]
            : columns.filter((column) => column.table === table.storedIn).map((column) => column.name),
        personIdColumns: [...table.personIdColumns],
        rows: await countRows(client, target, records, table),
      })),
    ),
  ]);
  const limit = MAX_REGISTER_PROPERTY_NAMES + 1;
  return {
    tables,
    propertyNames: propertyNames.slice(0, MAX_REGISTER_PROPERTY_NAMES),
    contextNames: contextNames.slice(0, MAX_REGISTER_PROPERTY_NAMES),
    namesTruncated: propertyNames.length === limit || contextNames.length === limit,
    secureDelete: false,
    journalMode: 'mergetree',
    appendOnlyTables: [],
  };
}
