import type { ClickHouseClient } from '@clickhouse/client';
import type { ExportedRow, Person } from '@parcours/store';
import { fromVisibleEvents } from '../fromVisibleEvents.js';
import { namesPerson } from '../ledger/pseudonymiseLedger.js';
import { CHAINED_COLUMNS, readLedgerRows } from '../ledger/readLedgerRows.js';
import { queryRows } from '../queryRows.js';
import { quoteDatabaseName, quoteString } from '../sqlLiteral.js';

type Target = { database: string; projectId: string };
type PersonIds = Pick<Person, 'anonymousIds' | 'userIds'>;

const inList = (column: string, ids: readonly string[]) =>
  ids.length === 0 ? undefined : `${column} IN (${ids.map(quoteString).join(', ')})`;

/** SQL: the event holds one of the person's ids (its device, its user id, or an unsigned claim of it). */
export function holdsPersonIds(ids: PersonIds): string {
  const tests = [
    inList('anonymous_id', ids.anonymousIds),
    inList('user_id', ids.userIds),
    inList('claimed_user_id', ids.userIds),
  ].filter((test) => test !== undefined);
  return tests.length === 0 ? '0' : tests.join(' OR ');
}

interface EventExportRow {
  event_id: string;
  type: string;
  name: string;
  anonymous_id: string;
  user_id: string | null;
  claimed_user_id: string | null;
  timestamp: string;
  channel: string | null;
  category: string | null;
  properties: string;
  context: string;
  received_at: string;
  policy_version: number | null;
}

/**
 * The person's events as the export document's `events` rows read on every engine:
 * the SQLite columns (`event_id`, the ids, `received_at` in epoch ms…), absent values
 * null, JSON parsed, by (time, arrival). ClickHouse has no `seq`: arrival order is the
 * row order.
 */
export async function getPersonEventRows(client: ClickHouseClient, target: Target, ids: PersonIds) {
  const rows = await queryRows<EventExportRow>(
    client,
    `SELECT id AS event_id, type, name, anonymous_id, nullIf(user_id, '') AS user_id,
       nullIf(claimed_user_id, '') AS claimed_user_id, timestamp, nullIf(channel, '') AS channel,
       nullIf(category, '') AS category, properties, context,
       intDiv(arrival, 1000000) AS received_at, policy_version
     FROM ${fromVisibleEvents(target)} AND (${holdsPersonIds(ids)})
     ORDER BY timestamp, arrival`,
  );
  return rows.map((row): ExportedRow => ({
    ...row,
    timestamp: Number(row.timestamp),
    received_at: Number(row.received_at),
    properties: row.properties === '' ? null : (JSON.parse(row.properties) as unknown),
    context: row.context === '' ? null : (JSON.parse(row.context) as unknown),
  }));
}

/**
 * The person's identity links, the rows the SQLite engine keeps in `identity_links`:
 * each (device, user id) an event of theirs carries, with when the first such event
 * arrived. On ClickHouse the links are those events, so this is derived, not stored.
 */
export async function getPersonLinkRows(client: ClickHouseClient, target: Target, ids: PersonIds) {
  const tests = [inList('anonymous_id', ids.anonymousIds), inList('user_id', ids.userIds)].filter(
    (test) => test !== undefined,
  );
  if (tests.length === 0) return [];
  const rows = await queryRows<{ anonymous_id: string; user_id: string; created_at: string }>(
    client,
    `SELECT anonymous_id, user_id, intDiv(min(arrival), 1000000) AS created_at
     FROM ${fromVisibleEvents(target)} AND user_id != '' AND (${tests.join(' OR ')})
     GROUP BY anonymous_id, user_id
     ORDER BY anonymous_id, user_id`,
  );
  return rows.map((row): ExportedRow => ({ ...row, created_at: Number(row.created_at) }));
}

/** The person's consent-ledger records as stored (without the project), categories parsed, by `seq`. */
export async function getPersonConsentRows(client: ClickHouseClient, target: Target, ids: PersonIds) {
  const rows = await readLedgerRows(
    client,
    `SELECT ${CHAINED_COLUMNS} FROM ${quoteDatabaseName(target.database)}.consent_ledger
     WHERE project_id = ${quoteString(target.projectId)} AND (${namesPerson(ids)})
     ORDER BY seq`,
  );
  return rows.map((row): ExportedRow => ({
    ...row,
    granted: JSON.parse(row.granted) as unknown,
    denied: JSON.parse(row.denied) as unknown,
  }));
}

/** True when an event or a ledger record holds one of the ids (requests are the caller's). */
export async function hasPersonRows(client: ClickHouseClient, target: Target, ids: PersonIds) {
  const [row] = await queryRows<{ events: string; records: string }>(
    client,
    `SELECT
       (SELECT count() FROM (SELECT 1 FROM ${fromVisibleEvents(target)} AND (${holdsPersonIds(ids)}) LIMIT 1)) AS events,
       (SELECT count() FROM (SELECT 1 FROM ${quoteDatabaseName(target.database)}.consent_ledger
          WHERE project_id = ${quoteString(target.projectId)} AND (${namesPerson(ids)}) LIMIT 1)) AS records`,
  );
  return Number(row!.events) + Number(row!.records) > 0;
}
