import type { DayRange } from '../time/dayRange.js';
import { addDays, getZoneDay } from '../time/zoneDays.js';

/** The spans the retention page offers, in weeks. */
export const RANGE_WEEKS = [4, 8, 12, 26] as const;
export type RangeWeeks = (typeof RANGE_WEEKS)[number];

/** A `weeks` URL parameter as one of {@link RANGE_WEEKS}; anything else gives 8. */
export function parseRangeWeeks(value: string | undefined): RangeWeeks {
  const weeks = Number(value);
  return (RANGE_WEEKS as readonly number[]).includes(weeks) ? (weeks as RangeWeeks) : 8;
}

/**
 * The last `weeks` weeks (Monday first) of the project's zone, this one included, up
 * to today: whole days, so that the query key, and react-query's cache, hold all day
 * (`toRangeBounds` gives the API's bounds).
 */
export function getWeekRange(weeks: number, clock: { now: number; timeZone: string }): DayRange {
  const today = getZoneDay(clock.now, clock.timeZone);
  // getUTCDay: 0 is Sunday; days since Monday are (day + 6) % 7.
  const sinceMonday = (new Date(`${today}T00:00:00.000Z`).getUTCDay() + 6) % 7;
  return { from: addDays(today, -sinceMonday - 7 * (weeks - 1)), to: today };
}
