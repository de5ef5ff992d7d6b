/**
 * What each known column of a person table holds, in words. A column the live schema
 * has and this list does not is still listed (as "other"), so a new column shows in
 * the register the day it is added, before anyone describes it.
 */
const COLUMN_HOLDS: Readonly<Record<string, string>> = {
  seq: 'arrival order (technical)',
  id: 'the event id the device made (technical; ClickHouse engine)',
  arrival: 'arrival order and time (technical; ClickHouse engine)',
  keep_priority: 'which copy of a replayed event is kept (technical; ClickHouse engine)',
  chain: "the consent ledger's chain, one per server process (technical; ClickHouse engine)",
  position: 'position in its chain (technical; ClickHouse engine)',
  project_id: 'the project (technical)',
  event_id: 'the event id the device made (technical)',
  record_id: 'the record id the device made (technical)',
  type: 'event type (page, track, identify)',
  name: 'touchpoint name',
  anonymous_id: 'device identifier (random, made by the SDK; expires 13 months after it was made)',
  user_id: "user identifier given by the site's backend",
  claimed_user_id: 'user identifier claimed without a valid signature (links nobody)',
  timestamp: 'time of the touchpoint or decision',
  received_at: 'time the server received it',
  channel: 'channel (web, app, call centre, CRM…)',
  category: 'consent category the event needs',
  properties: 'event properties (names below)',
  context: 'page context (names below): URL, referrer, locale, screen',
  policy_version: 'consent config version collected under',
  granted: 'consent categories granted',
  denied: 'consent categories refused',
  action: 'consent action (accept all, refuse all, custom, withdraw)',
  source: 'where the decision was made (banner, API)',
  locale: 'language of the banner',
  origin: 'origin of the page',
  path: 'path of the page',
  gpc: 'Global Privacy Control signal',
  config_hash: 'hash of the consent texts shown',
  subject_digest: 'keyed digest of the ids (kept after erasure, for the proof)',
  prev_hash: 'hash chain link (tamper evidence)',
  hash: 'hash chain link (tamper evidence)',
  created_at: 'time created',
  updated_at: 'time last changed',
};

/** The live columns of a table, each with what it holds. */
export function describeColumns(columns: readonly string[]): Array<{ column: string; holds: string }> {
  return columns.map((column) => ({ column, holds: COLUMN_HOLDS[column] ?? 'other (not yet described)' }));
}

/** What each person table is, in words; an unknown table is named as is. */
export const TABLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  events: 'Touchpoints: pages viewed and actions taken, per device and user',
  identity_links: 'Identity links: which devices a user signed in on',
  consent_records: 'Consent ledger: each consent decision, kept as proof (Art. 7(1))',
  privacy_requests: 'Data-subject requests: requester, ids given, handling and outcome',
};
