import { REQUEST_COLUMNS } from './requestRows.js';

/** Where a person table of the export and receipts lives on ClickHouse. */
export interface ClickHousePersonTable {
  /** The name the export document, the receipts and the register use, as on SQLite. */
  table: 'events' | 'identity_links' | 'consent_records' | 'privacy_requests';
  /** The ClickHouse table whose live columns the register lists; undefined when derived. */
  storedIn: 'events' | 'consent_ledger' | undefined;
  /** The columns of a derived table's rows (its export rows). */
  derivedColumns?: readonly string[];
  /** The columns holding a person id (as the SQLite registry names them). */
  personIdColumns: readonly string[];
}

/**
 * The ClickHouse engine's person tables, in the SQLite registry's order and under its
 * names, so that an export, a receipt and the register read the same on both engines:
 * `events` is a table; `identity_links` are the events carrying a user id (derived,
 * nothing of their own to erase); `consent_records` is the `consent_ledger` table;
 * `privacy_requests` are the `privacy_request` records. Export, erasure and purge
 * (`createClickHousePrivacy`, `createClickHousePurge`) and `getStoredDataFacts` walk it.
 */
export const CLICKHOUSE_PERSON_TABLES: readonly ClickHousePersonTable[] = [
  { table: 'events', storedIn: 'events', personIdColumns: ['anonymous_id', 'user_id', 'claimed_user_id'] },
  {
    table: 'identity_links',
    storedIn: undefined,
    derivedColumns: ['anonymous_id', 'user_id', 'created_at'],
    personIdColumns: ['anonymous_id', 'user_id'],
  },
  { table: 'consent_records', storedIn: 'consent_ledger', personIdColumns: ['anonymous_id', 'user_id'] },
  {
    table: 'privacy_requests',
    storedIn: undefined,
    derivedColumns: REQUEST_COLUMNS,
    personIdColumns: ['subject_user_id'],
  },
];
