import type {
  CollectResult,
  ConsentAction,
  ConsentCategory,
  ConsentConfigInput,
  ConsentRecord,
  PublishedConsentConfig,
} from '@parcours/schema';

/** Who published a consent config version: a member, a secret key (its label), or nobody (version 1). */
export type ConsentPublisher = { userId: string; name: string } | { key: string } | null;

/** One line of a project's published versions, newest first. */
export interface ConsentConfigVersionSummary {
  policyVersion: number;
  configHash: string;
  publishedAt: number;
  publishedBy: ConsentPublisher;
}

/** What the collector holds a batch to: the current version and the minimum accepted. */
export interface ConsentPolicy {
  policyVersion: number;
  minimumPolicyVersion: number | null;
}

/** What the server knows of the request behind consent records (not sent by the page). */
export interface ConsentRequestFacts {
  /** The request's `Origin` header: the page's origin. */
  origin?: string | undefined;
  /** True when the request carried `Sec-GPC: 1`. */
  gpc?: boolean | undefined;
}

/** One ledger record as the privacy officer reads it. */
export interface LedgerEntry {
  /** The record's place in the store (increasing; the chain follows it per project). */
  seq: number;
  recordId: string;
  timestamp: number;
  receivedAt: number;
  action: ConsentAction;
  source: string;
  granted: ConsentCategory[];
  denied: ConsentCategory[];
  policyVersion: string;
  configHash: string | null;
  locale: string | null;
  origin: string | null;
  path: string | null;
  gpc: boolean;
  anonymousId: string | null;
  userId: string | null;
  /** This record's link checks: its hash matches its content and the previous record's hash. */
  verified: boolean;
}

/** What `verifyLedger` answers. */
export interface LedgerVerification {
  ok: boolean;
  /** Records walked. */
  records: number;
  /** The first record that does not verify, and why. */
  firstBroken?: { seq: number; recordId: string; reason: string };
}

/** Filters of the consent log; `from`/`to` bound the receipt time (epoch ms, `to` excluded). */
export interface ConsentLogFilter {
  /** An anonymous id or a user id, matched exactly. */
  search?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  action?: ConsentAction | undefined;
  /** A published version number (records store it as a decimal string). */
  policyVersion?: number | undefined;
}

/** Counts of decisions; `gpcShare` is the share (0–1) made with GPC on, 0 when none. */
export interface ConsentRates {
  decisions: number;
  acceptAll: number;
  refuseAll: number;
  custom: number;
  gpcShare: number;
}

/** Consent analytics, from the ledger alone, over records received in `[from, to)`. */
export interface ConsentStats {
  totals: ConsentRates;
  byVersion: Array<{ policyVersion: string } & ConsentRates>;
  /** The locale's primary language (`fr-FR` → `fr`), `unknown` without a locale. */
  byLanguage: Array<{ language: string } & ConsentRates>;
  /** UTC days. */
  byDay: Array<{ day: string } & ConsentRates>;
}

/** The device's latest ledger record: what the collector's GPC rule looks at. */
export interface LatestConsent {
  action: ConsentAction;
  granted: ConsentCategory[];
  gpc: boolean;
}

/**
 * Consent settings in published versions, and the ledger of decisions: an
 * append-only hash chain per project (see the store README).
 */
export interface ConsentStore {
  /**
   * Appends consent decisions to the project's hash chain, with the server's receipt
   * time and the request's facts; a repeated record id is a duplicate. Committed on return.
   */
  insertConsentRecords(
    projectId: string,
    records: ReadonlyArray<ConsentRecord>,
    facts?: ConsentRequestFacts,
  ): Promise<CollectResult>;
  /**
   * The consent records, newest first, a page at a time. `cursor`: the opaque
   * `nextCursor` of one of this project's pages; another value throws `InvalidCursorError`.
   */
  getConsentRecords(
    projectId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ records: Array<ConsentRecord & { receivedAt: number }>; nextCursor: string | null }>;
  /** The current published config (every project has version 1 from its creation). */
  getConsentConfig(projectId: string): Promise<PublishedConsentConfig>;
  /** One published version, or undefined. */
  getConsentConfigVersion(
    projectId: string,
    policyVersion: number,
  ): Promise<PublishedConsentConfig | undefined>;
  /** Every published version, newest first. */
  getConsentConfigVersions(projectId: string): Promise<ConsentConfigVersionSummary[]>;
  /** Publishes `config` (already validated) as the next version, even if unchanged. */
  publishConsentConfig(
    projectId: string,
    config: ConsentConfigInput,
    publishedBy: ConsentPublisher,
  ): Promise<{ policyVersion: number; configHash: string; publishedAt: number }>;
  /** The current version and minimum, cheaply: read on every collect. */
  getConsentPolicy(projectId: string): Promise<ConsentPolicy>;
  /** The latest ledger record naming this anonymous id, or undefined. */
  getLatestConsent(projectId: string, anonymousId: string): Promise<LatestConsent | undefined>;
  /**
   * Walks the project's chain from the first record (which follows the genesis hash, or
   * after a retention purge the latest anchor's) and names the first that does not verify.
   */
  verifyLedger(projectId: string): Promise<LedgerVerification>;
  /**
   * Ledger records, newest first, filtered, a page at a time (`cursor`: a `nextCursor`;
   * another value throws `InvalidCursorError`).
   */
  getConsentLog(
    projectId: string,
    query: ConsentLogFilter & { limit: number; cursor?: string | undefined },
  ): Promise<{ records: LedgerEntry[]; nextCursor: string | null }>;
  /**
   * Decisions per version, language and day over `[from, to)`, from the ledger alone;
   * days of `timeZone` (default: the project's zone).
   */
  getConsentStats(
    projectId: string,
    range: { from: number; to: number; timeZone?: string },
  ): Promise<ConsentStats>;
}
