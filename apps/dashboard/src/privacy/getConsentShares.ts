import type { ConsentRates } from './privacyApi.js';

/** A group's decisions, and the share (0–1) of each kind; shares are `NaN` with no decision. */
export interface ConsentShares {
  decisions: number;
  acceptAll: number;
  refuseAll: number;
  custom: number;
  /** Withdrawals, re-consents and GPC defaults: decisions that are none of the three choices. */
  other: number;
  /** Decisions made with Global Privacy Control on, as the API computed it. */
  gpc: number;
}

/**
 * The rates the consent analytics show for one group of `privacy.consentStats`: each
 * kind of choice over all decisions. Counts come from the ledger; nothing is estimated.
 */
export function getConsentShares(rates: ConsentRates): ConsentShares {
  const { decisions } = rates;
  const share = (count: number) => (decisions > 0 ? count / decisions : Number.NaN);
  const other = Math.max(0, decisions - rates.acceptAll - rates.refuseAll - rates.custom);
  return {
    decisions,
    acceptAll: share(rates.acceptAll),
    refuseAll: share(rates.refuseAll),
    custom: share(rates.custom),
    other: share(other),
    gpc: decisions > 0 ? rates.gpcShare : Number.NaN,
  };
}

const LANGUAGE_WORDS: Record<string, string> = { fr: 'French', en: 'English' };

/** A language tag as the analytics show it: `fr` → `French (fr)`; none → `Unknown`. */
export function describeLanguage(language: string | null | undefined): string {
  if (!language) return 'Unknown';
  const base = language.toLowerCase().split('-')[0] ?? '';
  const word = LANGUAGE_WORDS[base];
  return word ? `${word} (${language})` : language;
}

/** A policy version as the analytics show it: `3` → `Version 3`; none → `No version`. */
export function describePolicyVersion(policyVersion: string | number | null | undefined): string {
  return policyVersion === null || policyVersion === undefined || policyVersion === ''
    ? 'No version'
    : `Version ${policyVersion}`;
}
