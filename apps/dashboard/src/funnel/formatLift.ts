/**
 * A lift (a difference of two conversion rates, −1 to 1) in percentage points, signed
 * so that gains and losses read apart: `+25 pts`, `−4.5 pts`, `0 pts`.
 */
export function formatLift(lift: number, locale?: string): string {
  const points = Math.round(lift * 1000) / 10;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(points));
  return `${points > 0 ? '+' : points < 0 ? '−' : ''}${text} pts`;
}
