import { formatDay, getZoneCalendar } from '../time/ZoneCalendar.js';
import type { FunnelWeek } from './types.js';

/**
 * The week (Monday to Sunday) of an epoch-ms time in a zone (default UTC), as a
 * number: 1970-01-01 was a Thursday, so local day d belongs to week ⌊(d + 3) / 7⌋,
 * whose Monday is day 7w − 3 (see `ZoneCalendar.getWeek`).
 */
export function getWeekIndex(ms: number, timeZone?: string): number {
  return getZoneCalendar(timeZone).getWeek(ms);
}

/** The Monday of a week (see {@link getWeekIndex}) as `YYYY-MM-DD`. */
export function formatWeek(week: number): string {
  return formatDay(week * 7 - 3);
}

/** Conversion over time from per-week step counts: oldest week first. */
export function toFunnelWeeks(weeks: Iterable<[week: number, counts: ArrayLike<number>]>): FunnelWeek[] {
  return [...weeks]
    .sort(([a], [b]) => a - b)
    .map(([week, counts]) => {
      const steps = Array.from(counts);
      const first = steps[0] ?? 0;
      return {
        week: formatWeek(week),
        counts: steps,
        conversionRate: first === 0 ? 0 : steps[steps.length - 1]! / first,
      };
    });
}
