import type { ConsentCategory, ConsentRecord } from '@parcours/schema';

/** A device that withdrew consent: all of it (`categories` undefined) or some categories. */
export interface Withdrawal {
  anonymousId: string;
  /** The categories withdrawn when others stay granted; undefined when nothing stays. */
  categories: ConsentCategory[] | undefined;
}

/**
 * The withdrawals in a batch of consent records: a record naming a device
 * (`anonymousId`) that grants less than the device's previous grant (the ledger's
 * latest, or an earlier record of the same batch), or that says `withdraw`. A first
 * decision, a wider grant or a refusal naming no one withdraws nothing.
 */
export async function findWithdrawals(
  records: ReadonlyArray<ConsentRecord>,
  getPreviousGrant: (anonymousId: string) => Promise<readonly ConsentCategory[] | undefined>,
): Promise<Withdrawal[]> {
  const latest = new Map<string, readonly ConsentCategory[] | undefined>();
  const found = new Map<string, Withdrawal>();
  for (const record of records) {
    const { anonymousId } = record;
    if (anonymousId === undefined) continue;
    const previous = latest.has(anonymousId) ? latest.get(anonymousId) : await getPreviousGrant(anonymousId);
    latest.set(anonymousId, record.granted);
    const withdrawn = (previous ?? []).filter((category) => !record.granted.includes(category));
    if (withdrawn.length === 0 && record.action !== 'withdraw') continue;
    const earlier = found.get(anonymousId);
    const categories =
      record.granted.length === 0 || (earlier !== undefined && earlier.categories === undefined)
        ? undefined
        : [...new Set([...(earlier?.categories ?? []), ...withdrawn])];
    found.set(anonymousId, { anonymousId, categories });
  }
  return [...found.values()];
}
