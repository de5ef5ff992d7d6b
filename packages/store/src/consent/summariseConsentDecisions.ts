import { formatDay, getZoneCalendar } from '../time/ZoneCalendar.js';
import type { ConsentRates, ConsentStats } from './types.js';

/** One ledger record as consent analytics read it. */
export interface ConsentDecisionFacts {
  receivedAt: number;
  policyVersion: string;
  locale: string | null;
  action: string;
  gpc: boolean;
}

interface Tally {
  decisions: number;
  acceptAll: number;
  refuseAll: number;
  custom: number;
  gpc: number;
}

function newTally(): Tally {
  return { decisions: 0, acceptAll: 0, refuseAll: 0, custom: 0, gpc: 0 };
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (tally === undefined) map.set(key, (tally = newTally()));
  return tally;
}

/** Every record is a decision; withdrawals, re-consents and GPC defaults count in none of the three rates. */
function count(tally: Tally, action: string, gpc: boolean): void {
  tally.decisions++;
  if (action === 'accept_all') tally.acceptAll++;
  else if (action === 'refuse_all') tally.refuseAll++;
  else if (action === 'custom') tally.custom++;
  if (gpc) tally.gpc++;
}

function toRates({ gpc, ...counts }: Tally): ConsentRates {
  return { ...counts, gpcShare: counts.decisions === 0 ? 0 : gpc / counts.decisions };
}

/**
 * Consent analytics from ledger records (in ledger order): totals, per published
 * version and language in order of first appearance, per day of `timeZone` (default
 * UTC) in day order. The
 * language is the locale's primary subtag (`fr-FR` → `fr`), `unknown` without one.
 * Shared by every engine, so the rules live once.
 */
export function summariseConsentDecisions(
  rows: Iterable<ConsentDecisionFacts>,
  timeZone?: string,
): ConsentStats {
  const calendar = getZoneCalendar(timeZone);
  const totals = newTally();
  const byVersion = new Map<string, Tally>();
  const byLanguage = new Map<string, Tally>();
  const byDay = new Map<string, Tally>();
  for (const row of rows) {
    const language = row.locale?.split('-')[0]?.toLowerCase() || 'unknown';
    const day = formatDay(calendar.getDay(row.receivedAt));
    for (const tally of [
      totals,
      tallyOf(byVersion, row.policyVersion),
      tallyOf(byLanguage, language),
      tallyOf(byDay, day),
    ]) {
      count(tally, row.action, row.gpc);
    }
  }
  return {
    totals: toRates(totals),
    byVersion: [...byVersion].map(([policyVersion, t]) => ({ policyVersion, ...toRates(t) })),
    byLanguage: [...byLanguage].map(([language, t]) => ({ language, ...toRates(t) })),
    byDay: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, t]) => ({ day, ...toRates(t) })),
  };
}
