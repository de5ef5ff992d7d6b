/** A project's retention settings (issue 9): how long data is kept before the purge removes it. */
export interface RetentionSettings {
  /** Events older than this many calendar months are deleted. Default 25 (the CNIL's audience-measurement maximum). */
  eventsMonths: number;
  /** Consent-ledger records are kept this many years after the consent they prove ended. Default 5. */
  ledgerProofYears: number;
  /** A consent withdrawal erases the device's events and identity links. Default true. */
  withdrawalErases: boolean;
}

/** The defaults every project starts with (and every project made before issue 9 gets). */
export const DEFAULT_RETENTION: Readonly<RetentionSettings> = {
  eventsMonths: 25,
  ledgerProofYears: 5,
  withdrawalErases: true,
};

/** Bounds of the settings, checked by the store and the API alike. */
export const RETENTION_LIMITS = {
  eventsMonths: { min: 1, max: 25 },
  ledgerProofYears: { min: 1, max: 10 },
} as const;

/**
 * How long a consent lasts when nothing later replaces it: 13 months, the CNIL's
 * maximum for a consent choice and the SDK's anonymous-id lifetime (issue 9, item 6).
 */
export const CONSENT_LIFETIME_MONTHS = 13;

/** What one purge run did: the receipt the audit log keeps. */
export interface PurgeReceipt {
  /** `prg_…`. */
  purgeId: string;
  /** Epoch ms: the `now` the run measured ages from. */
  purgedAt: number;
  /** Events with a timestamp before this (epoch ms) were deleted. */
  eventsBefore: number;
  /** Ledger records whose consent ended before this (epoch ms) could be purged. */
  ledgerEndedBefore: number;
  /** Rows removed per table (`events`, `identity_links`, `consent_records`), 0 when none. */
  tables: Record<string, number>;
}

/** Retention settings and the purge that applies them. */
export interface RetentionStore {
  /** The project's retention settings (the defaults until changed). */
  getRetention(projectId: string): Promise<RetentionSettings>;
  /**
   * Changes some of the settings and answers all of them. Throws a RangeError naming
   * the setting when a value is outside `RETENTION_LIMITS` or not an integer.
   */
  setRetention(projectId: string, change: Partial<RetentionSettings>): Promise<RetentionSettings>;
}
