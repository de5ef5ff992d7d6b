import { computeRecordHash, computeSubjectDigest, type LedgerContent } from './ledgerHash.js';

/** A `consent_records` row, every column the chain covers. */
export interface LedgerRow {
  seq: number;
  record_id: string;
  timestamp: number;
  received_at: number;
  granted: string;
  denied: string;
  policy_version: string;
  config_hash: string | null;
  action: string;
  source: string;
  locale: string | null;
  origin: string | null;
  path: string | null;
  gpc: number;
  anonymous_id: string | null;
  user_id: string | null;
  subject_digest: string | null;
  prev_hash: string;
  hash: string;
}

export const LEDGER_COLUMNS =
  'seq, record_id, timestamp, received_at, granted, denied, policy_version, config_hash, action, ' +
  'source, locale, origin, path, gpc, anonymous_id, user_id, subject_digest, prev_hash, hash';

/** What the row's hash covers. The categories are hashed as the lists their stored JSON holds. */
export function toLedgerContent(row: Omit<LedgerRow, 'seq' | 'prev_hash' | 'hash'>): LedgerContent {
  return {
    recordId: row.record_id,
    timestamp: row.timestamp,
    receivedAt: row.received_at,
    granted: parseCategories(row.granted),
    denied: parseCategories(row.denied),
    policyVersion: row.policy_version,
    configHash: row.config_hash,
    action: row.action,
    source: row.source,
    locale: row.locale,
    origin: row.origin,
    path: row.path,
    gpc: row.gpc === 1,
    subjectDigest: row.subject_digest,
  };
}

/**
 * Why this row's link of the chain does not verify, or undefined when it does:
 * it must follow `expectedPrevHash` (the previous record's hash, or the genesis
 * hash), its ids (when still present: erasure may blank them) must give its digest
 * under the project's secret, and its hash must be that of its content.
 */
export function checkLedgerRow(
  row: LedgerRow,
  expectedPrevHash: string,
  secretHex: string,
): string | undefined {
  if (row.prev_hash !== expectedPrevHash) {
    return 'prev_hash is not the hash of the record before it: a record was deleted, inserted or rewritten before this one';
  }
  const ids = { anonymousId: row.anonymous_id, userId: row.user_id };
  if (ids.anonymousId !== null || ids.userId !== null) {
    if (computeSubjectDigest(secretHex, ids) !== row.subject_digest) {
      return 'the anonymous id or user id does not match the keyed digest the chain covers';
    }
  }
  let content: LedgerContent;
  try {
    content = toLedgerContent(row);
  } catch {
    return 'granted or denied is not a JSON list: the record was rewritten';
  }
  if (computeRecordHash(row.prev_hash, content) !== row.hash) {
    return 'the record does not match its hash: it was changed after it was written';
  }
  return undefined;
}

function parseCategories(text: string): string[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new TypeError('not a list of categories');
  }
  return value;
}
