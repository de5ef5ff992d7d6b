import type { CohortRetentionQuery } from './retentionTypes.js';

const DAY = 86_400_000;
/** Cohort weeks a retention question may span: a year and a week. */
export const MAX_RETENTION_WEEKS = 53;

/**
 * The UTC week (Monday to Sunday) holding `time`, numbered from the week of
 * 1 January 1970 (a Thursday: day 0 is the fourth day of week 0).
 */
export function getWeekNumber(time: number): number {
  return Math.floor((Math.floor(time / DAY) + 3) / 7);
}

/** The Monday (`YYYY-MM-DD`, UTC) a week number starts on. */
export function getWeekStart(week: number): string {
  return new Date((week * 7 - 3) * DAY).toISOString().slice(0, 10);
}

/**
 * The cohort weeks of a retention question: the first (`getWeekNumber(from)`) and how
 * many there are up to the week of `to`. Every engine checks the range here, alike.
 */
export function getCohortWeeks(query: Pick<CohortRetentionQuery, 'from' | 'to'>): {
  firstWeek: number;
  weekCount: number;
} {
  const firstWeek = getWeekNumber(query.from);
  const weekCount = getWeekNumber(query.to) - firstWeek + 1;
  if (!(query.from <= query.to) || weekCount > MAX_RETENTION_WEEKS) {
    throw new RangeError(`the range must start before it ends and span at most ${MAX_RETENTION_WEEKS} weeks`);
  }
  return { firstWeek, weekCount };
}
