/**
 * A rate (0–1) as a percentage with at most one decimal, e.g. `42.5 %` in en, `42,5 %` in fr.
 * `digits` defaults to 1; non-finite rates read `—`.
 */
export function formatPercent(rate: number, digits = 1, locale?: string): string {
  if (!Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(rate);
}

/** A Net Promoter Score (−100 to 100), signed so that `+12` and `−12` read apart; `—` without responses. */
export function formatNps(nps: number | null): string {
  if (nps === null || !Number.isFinite(nps)) return '—';
  const rounded = Math.round(nps);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** A count with the locale's digit grouping, e.g. `12,345`. */
export function formatCount(count: number, locale?: string): string {
  return count.toLocaleString(locale);
}
