import type { FunnelWeek } from './types.js';

const DAY = 86_400_000;

/**
 * The UTC week (Monday to Sunday) of an epoch-ms time, as a number: 1970-01-01 was a
 * Thursday, so day d belongs to week ⌊(d + 3) / 7⌋, whose Monday is day 7w − 3. Plain
 * integer arithmetic, so every engine places a time in the same week.
 */
export function getWeekIndex(ms: number): number {
  return Math.floor((Math.floor(ms / DAY) + 3) / 7);
}

/** The Monday of a week (see {@link getWeekIndex}) as `YYYY-MM-DD`. */
export function formatWeek(week: number): string {
  return new Date((week * 7 - 3) * DAY).toISOString().slice(0, 10);
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
