import { formatPercent } from './formatPercent.js';

/** CSAT as its share of satisfied answers (0–100, 4 or 5 out of 5), e.g. `75%`; `—` without responses. */
export function formatCsat(satisfied: number | null, locale?: string): string {
  if (satisfied === null) return '—';
  return formatPercent(satisfied / 100, 0, locale);
}
