import type { Person } from '../Store.js';

/** The version of the export document's schema (see the store README); bumped on any incompatible change. */
export const PERSON_EXPORT_SCHEMA_VERSION = 1;

/** How a privacy request names its person: by user id or by a device's anonymous id. */
export type PrivacySubjectRef = { userId: string } | { anonymousId: string };

/** One stored row, as exported: its columns by name (JSON columns parsed), without the project's row id. */
export type ExportedRow = Record<string, unknown>;

/**
 * Everything stored about one person (Art. 15 and 20): every row of every person
 * table (`sqlite/privacy/personTables.ts`) holding one of their ids.
 */
export interface PersonExport {
  schemaVersion: typeof PERSON_EXPORT_SCHEMA_VERSION;
  projectId: string;
  /** Epoch ms. */
  exportedAt: number;
  /** The person as identity stitching sees them (their devices and user id). */
  person: Person;
  /** Every person table, by name, with the person's rows (maybe none). */
  tables: Record<string, ExportedRow[]>;
}

/** What an erasure did (Art. 17): the receipt the audit log keeps. */
export interface ErasureReceipt {
  /** `era_…`, or the request id the caller gave. */
  requestId: string;
  /** Epoch ms, after the erased rows left the file. */
  erasedAt: number;
  /** Rows removed (or, for the consent ledger, pseudonymised) per person table; every table listed, 0 when none. */
  tables: Record<string, number>;
}

/** Access and erasure of one person's data. */
export interface PrivacyStore {
  /** The person's export, or undefined when no row of any person table holds that id. */
  exportPerson(projectId: string, ref: PrivacySubjectRef): Promise<PersonExport | undefined>;
  /**
   * Removes every row holding one of the person's ids from every person table, in one
   * transaction; the journey index forgets them before the next question; the erased
   * values are overwritten in the database file (`secure_delete`) and the WAL is
   * checkpointed and truncated before it resolves. An unknown person answers zeros.
   */
  erasePerson(
    projectId: string,
    ref: PrivacySubjectRef,
    options?: { requestId?: string | undefined },
  ): Promise<ErasureReceipt>;
  /**
   * Erases one device (a consent withdrawal, issue 9 item 3): deletes the rows naming
   * this anonymous id in every person table that erasure deletes from (its events,
   * including those carrying its user's id, and its identity links), with the same
   * care for the file as `erasePerson`. Its user's other devices keep their rows, and
   * the consent ledger keeps its records (the proof of the consent and its withdrawal).
   * The receipt lists every person table (0 for the ledger). `categories` (a partial
   * withdrawal): only its events of those categories go (no category = `analytics`),
   * and its links no event of it supports any more. Default: every event.
   */
  eraseDevice(
    projectId: string,
    anonymousId: string,
    options?: { requestId?: string | undefined; categories?: readonly string[] | undefined },
  ): Promise<ErasureReceipt>;
}
