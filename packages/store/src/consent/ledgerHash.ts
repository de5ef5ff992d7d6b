import { hmacSha256Hex, sha256Hex, toCanonicalJson } from './canonicalJson.js';

/** The `prev_hash` of a project's first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a ledger record's hash covers: everything it proves, the person only as a digest. */
export interface LedgerContent {
  recordId: string;
  timestamp: number;
  receivedAt: number;
  granted: readonly string[];
  denied: readonly string[];
  policyVersion: string;
  configHash: string | null;
  action: string;
  source: string;
  locale: string | null;
  origin: string | null;
  path: string | null;
  gpc: boolean;
  /** `computeSubjectDigest` of the ids; null when the record names nobody. */
  subjectDigest: string | null;
}

/**
 * The keyed digest of a record's person: HMAC-SHA256, under the project's ledger
 * secret, of the canonical JSON `{"anonymousId":…,"userId":…}`. The chain hashes this,
 * not the ids, so that erasure (issue 9) can blank the ids and the chain still
 * verifies; the key keeps the digest from being matched against guessed ids by whoever
 * holds a copy of the ledger but not the project's secret. Null when both ids are absent.
 */
export function computeSubjectDigest(
  secretHex: string,
  ids: { anonymousId: string | null; userId: string | null },
): string | null {
  if (ids.anonymousId === null && ids.userId === null) return null;
  return hmacSha256Hex(secretHex, toCanonicalJson({ anonymousId: ids.anonymousId, userId: ids.userId }));
}

/** A record's hash: SHA-256 of the previous record's hash followed by the canonical JSON of its content. */
export function computeRecordHash(prevHash: string, content: LedgerContent): string {
  return sha256Hex(prevHash + toCanonicalJson(content));
}

/** The action a record without one states by its categories. */
export function inferConsentAction(granted: readonly unknown[], denied: readonly unknown[]) {
  if (granted.length === 0) return 'refuse_all' as const;
  return denied.length === 0 ? ('accept_all' as const) : ('custom' as const);
}

/** The page's path without its query string or fragment (never stored: they carry personal data). */
export function stripQuery(path: string): string {
  const cut = path.search(/[?#]/);
  return cut === -1 ? path : path.slice(0, cut);
}
