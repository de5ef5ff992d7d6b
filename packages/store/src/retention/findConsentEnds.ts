import { subtractCalendarMonths } from './subtractCalendarMonths.js';
import { CONSENT_LIFETIME_MONTHS } from './types.js';

/** What deciding when a consent record's consent ended needs of it. */
export interface ConsentRecordAge {
  /** Epoch ms. */
  receivedAt: number;
  /** The granted categories as the ledger stores them (JSON text): `[]` grants nothing. */
  granted: string;
  /** The keyed digest of the person's ids; null for a record naming nobody. */
  subjectDigest: string | null;
}

/**
 * When the consent each record proves ended (epoch ms), for records in the ledger's
 * order, every engine alike: at the next record of the same person (same subject
 * digest: it replaces it), else `CONSENT_LIFETIME_MONTHS` after it was received (the
 * SDK then asks again under a new id); a record granting nothing (a refusal, a full
 * withdrawal) ends at once. Only successors within `records` count: one outside only
 * keeps a record longer.
 */
export function findConsentEnds(records: ReadonlyArray<ConsentRecordAge>): number[] {
  const ends = records.map(({ receivedAt, granted }) =>
    granted === '[]' ? receivedAt : subtractCalendarMonths(receivedAt, -CONSENT_LIFETIME_MONTHS),
  );
  // Walking back, each record's successor of the same person is the last one seen.
  const nextReceivedAt = new Map<string, number>();
  for (let i = records.length - 1; i >= 0; i--) {
    const { receivedAt, subjectDigest } = records[i]!;
    if (subjectDigest === null) continue;
    const next = nextReceivedAt.get(subjectDigest);
    if (next !== undefined) ends[i] = Math.min(ends[i]!, next);
    nextReceivedAt.set(subjectDigest, receivedAt);
  }
  return ends;
}
