const DAY = 86_400_000;

/** The spans the retention page offers, in weeks. */
export const RANGE_WEEKS = [4, 8, 12, 26] as const;
export type RangeWeeks = (typeof RANGE_WEEKS)[number];

/** A `weeks` URL parameter as one of {@link RANGE_WEEKS}; anything else gives 8. */
export function parseRangeWeeks(value: string | undefined): RangeWeeks {
  const weeks = Number(value);
  return (RANGE_WEEKS as readonly number[]).includes(weeks) ? (weeks as RangeWeeks) : 8;
}

/**
 * The last `weeks` UTC weeks (Monday first), this one included, up to the end of
 * today: whole days, so that the query key, and react-query's cache, hold all day.
 */
export function getWeekRange(weeks: number, now: number): { from: number; to: number } {
  const today = Math.floor(now / DAY);
  // Day 0 (1 January 1970) was a Thursday: (day + 3) % 7 days since Monday.
  const monday = today - ((today + 3) % 7);
  return { from: (monday - 7 * (weeks - 1)) * DAY, to: (today + 1) * DAY - 1 };
}
