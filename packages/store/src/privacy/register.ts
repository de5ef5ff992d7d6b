/**
 * What the Art. 30 records of processing need from the store: the contacts the
 * privacy officer keeps (controller, DPO, recipients) and facts read from the live
 * database (person tables and their columns, property names seen, security pragmas).
 * The API composes them with the consent config and retention into the register.
 */

/** A person or body to contact; every field may be empty until the officer fills it. */
export interface RegisterContact {
  name: string;
  email: string;
  phone: string;
  /** Postal address, one string (lines separated by newlines). */
  address: string;
}

/** Someone the data is disclosed to (Art. 30(1)(d)), maybe outside the EEA (Art. 30(1)(e)). */
export interface RegisterRecipient {
  name: string;
  /** What they receive the data for, e.g. "hosting" or "e-mail delivery". */
  purpose: string;
  /** ISO 3166 country code or name; empty when not known. */
  country: string;
  /** For a transfer outside the EEA: the safeguard (adequacy decision, SCCs); empty otherwise. */
  safeguard: string;
}

/** The officer-edited part of the register. */
export interface RegisterContacts {
  controller: RegisterContact;
  dpo: RegisterContact;
  recipients: RegisterRecipient[];
}

/** The contacts as stored, with when they last changed (null: never set). */
export interface StoredRegisterContacts extends RegisterContacts {
  updatedAt: number | null;
}

/** One table holding data about persons, as the live schema has it. */
export interface PersonTableFacts {
  table: string;
  /** Every column of the table in the live database, in schema order. */
  columns: string[];
  /** The columns holding a person id (from the person-table registry). */
  personIdColumns: string[];
  /** Rows the project has in it now. */
  rows: number;
}

/** Most property names a register lists per kind (a site sending random keys must not flood it). */
export const MAX_REGISTER_PROPERTY_NAMES = 200;

/** Facts about what is stored and how, read from the running database. */
export interface StoredDataFacts {
  tables: PersonTableFacts[];
  /** Distinct keys of the project's event properties, sorted, at most `MAX_REGISTER_PROPERTY_NAMES`. */
  propertyNames: string[];
  /** Distinct keys of the project's event contexts (url, locale…), sorted, same cap. */
  contextNames: string[];
  /** True when either list was cut at the cap. */
  namesTruncated: boolean;
  /** `PRAGMA secure_delete` of the connection: erased values are overwritten in the file. */
  secureDelete: boolean;
  /** `PRAGMA journal_mode`, e.g. `wal`. */
  journalMode: string;
  /** Tables whose triggers refuse UPDATE and DELETE (or all but the erasure's update). */
  appendOnlyTables: string[];
}

/** The register's part of the Store. */
export interface RegisterStore {
  /** The project's register contacts; empty strings and no recipients until set. */
  getRegisterContacts(projectId: string): Promise<StoredRegisterContacts>;
  /** Replaces the project's register contacts whole; answers them as stored. */
  setRegisterContacts(projectId: string, contacts: RegisterContacts): Promise<StoredRegisterContacts>;
  /** What the live database holds for the project and how (see `StoredDataFacts`). */
  getStoredDataFacts(projectId: string): Promise<StoredDataFacts>;
}
