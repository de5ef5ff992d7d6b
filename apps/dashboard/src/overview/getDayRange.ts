const DAY = 86_400_000;

/** The ranges the overview offers, in days. */
export const RANGE_DAYS = [7, 30, 60, 90] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];

/** The range a page opens with when its URL names none. */
export const DEFAULT_RANGE_DAYS: RangeDays = 30;

/** A `days` URL parameter as one of {@link RANGE_DAYS}; anything else gives `fallback` (default 30). */
export function parseRangeDays(
  value: string | undefined,
  fallback: RangeDays = DEFAULT_RANGE_DAYS,
): RangeDays {
  const days = Number(value);
  return (RANGE_DAYS as readonly number[]).includes(days) ? (days as RangeDays) : fallback;
}

/**
 * The last `days` UTC days up to and including today, as inclusive epoch-ms bounds.
 * The API counts per UTC day; bounds on whole days also keep the query key the same
 * all day long, so react-query's cache works instead of refetching on every render.
 */
export function getDayRange(days: number, now: number): { from: number; to: number } {
  const today = Math.floor(now / DAY) * DAY;
  return { from: today - (days - 1) * DAY, to: today + DAY - 1 };
}
