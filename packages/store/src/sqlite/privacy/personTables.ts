/**
 * The one registry of where persons are stored: every table of the schema is either
 * a person table (its person-id columns declared) or excluded with the reason.
 * Export, erasure (and, later, retention) walk `PERSON_TABLES`; `personTables.test.ts`
 * holds both lists against the live schema of a freshly migrated database, so a new
 * table, or a new column that looks like a person id, fails until it is classified here.
 */

/** What a person-id column holds: a device's anonymous id or a user id. */
export type PersonIdKind = 'anonymousId' | 'userId';

/** What erasure does to a person table's rows of the person. */
export type ErasureMode =
  /** Deletes them. */
  | 'delete'
  /** Blanks their person-id columns and keeps the rest (the consent ledger's proof). */
  | 'pseudonymise';

export interface PersonTable {
  table: string;
  /** The column naming the project (its row id); every person table is per project. */
  projectColumn: 'project_id';
  /** The person-id columns and what each holds. A row is the person's when one of them holds one of the person's ids. */
  columns: Readonly<Record<string, PersonIdKind>>;
  /** Columns holding a JSON array of ids of one kind (a request's anonymous ids); the row is the person's when one of them is. Default none. */
  idListColumns?: Readonly<Record<string, PersonIdKind>>;
  /** Columns pseudonymisation also blanks: personal data that is not an id (a requester's name and e-mail). Default none. */
  blankColumns?: readonly string[];
  /** Columns kept as JSON text, exported parsed. */
  jsonColumns: readonly string[];
  /** The export's row order (a column list, constant). */
  orderBy: string;
  erasure: ErasureMode;
}

/**
 * Tables holding data about data subjects (site visitors and users). The consent
 * ledger (`consent_records`) is pseudonymised, not deleted: its trigger allows exactly
 * that UPDATE, and its hash chain covers a keyed digest of the ids, so it still verifies.
 */
export const PERSON_TABLES: readonly PersonTable[] = [
  {
    table: 'events',
    projectColumn: 'project_id',
    columns: { anonymous_id: 'anonymousId', user_id: 'userId', claimed_user_id: 'userId' },
    jsonColumns: ['properties', 'context'],
    orderBy: 'timestamp, seq',
    erasure: 'delete',
  },
  {
    table: 'identity_links',
    projectColumn: 'project_id',
    columns: { anonymous_id: 'anonymousId', user_id: 'userId' },
    jsonColumns: [],
    orderBy: 'anonymous_id, user_id',
    erasure: 'delete',
  },
  {
    table: 'consent_records',
    projectColumn: 'project_id',
    columns: { anonymous_id: 'anonymousId', user_id: 'userId' },
    jsonColumns: ['granted', 'denied'],
    orderBy: 'seq',
    erasure: 'pseudonymise',
  },
  {
    // A data-subject request is the controller's proof that it answered: an erasure
    // keeps the request (kind, dates, status, the receipt's counts) and blanks who
    // asked and the ids they gave.
    table: 'privacy_requests',
    projectColumn: 'project_id',
    columns: { subject_user_id: 'userId' },
    idListColumns: { subject_anonymous_ids: 'anonymousId' },
    blankColumns: ['requester_name', 'requester_email'],
    jsonColumns: ['subject_anonymous_ids', 'outcome'],
    orderBy: 'received_on, id',
    erasure: 'pseudonymise',
  },
];

/** A table that holds no data about data subjects. */
export interface ExcludedTable {
  reason: string;
  /**
   * Its columns that look like person ids but hold dashboard account ids (the
   * controller's staff, not the persons tracked), declared so that the schema test
   * tells them from a forgotten person id.
   */
  accountIdColumns?: readonly string[];
}

/** Every table that is not a person table, and why. */
export const EXCLUDED_TABLES: Readonly<Record<string, ExcludedTable>> = {
  projects: { reason: 'projects and their keys; no person' },
  secret_keys: { reason: 'API keys of a project; no person' },
  named_journey_maps: {
    reason: "a project's maps (stage and touchpoint names); who saved one is staff, no data subject",
  },
  consent_configs: { reason: 'published banner settings and texts; no person' },
  consent_ledger_anchors: { reason: "where the ledger's purged prefix ended (a seq and a hash); no person" },
  users: { reason: 'dashboard accounts (staff), not data subjects' },
  sessions: { reason: 'dashboard sign-in sessions', accountIdColumns: ['user_id'] },
  memberships: { reason: 'dashboard roles per project', accountIdColumns: ['user_id'] },
  invitations: { reason: 'dashboard invitations (staff e-mail addresses)' },
  privacy_register: {
    reason:
      "the Art. 30 register's contacts: the controller's and DPO's (staff), recipients; no data subject",
  },
  share_links: { reason: 'read-only links to aggregate views; no person' },
  segments: { reason: 'saved segment definitions (touchpoint names, trait values to match); no person' },
  insights: { reason: "saved views' URL state (the API drops a persons search); no person" },
  dashboards: { reason: 'named grids of saved insights; no person' },
  dashboard_tiles: { reason: "a dashboard's insights in order; no person" },
  annotations: { reason: 'notes on dates of a project (a touchpoint name at most); no person' },
  webhook_destinations: { reason: "a project's webhook URLs and signing secrets; no person" },
  webhook_deliveries: {
    reason:
      'the webhook queue: a body (person ids, picked properties) only until delivered or given up, then blanked; an erasure takes the person out of bodies not sent yet',
  },
  report_brands: { reason: "a project's report title, colours and logo; no person" },
  report_schedules: { reason: "dashboards' reports by email: the team's addresses (staff), no data subject" },
  webhook_attempts: { reason: "a delivery's tries: time, HTTP status, error; no person" },
  audit_log: {
    reason:
      'what dashboard accounts did; privacy entries never name the person (a receipt carries its request id and counts)',
  },
};

/**
 * The rule for "looks like a person id": a column named `anonymous_id`, `user_id`,
 * `person_id`, `subject_id` or `device_id` (or the plural, `_ids`: a list of them), or
 * ending in `_` + one of those (`claimed_user_id`, `subject_anonymous_ids`…), or
 * starting with `claimed_`.
 */
export function looksLikePersonIdColumn(column: string): boolean {
  return /(^|_)(anonymous|user|person|subject|device)_ids?$/.test(column) || column.startsWith('claimed_');
}

/** Every person-id column of a person table: single ids and id lists. */
export function getPersonIdColumns(spec: PersonTable): string[] {
  return [...Object.keys(spec.columns), ...Object.keys(spec.idListColumns ?? {})];
}
