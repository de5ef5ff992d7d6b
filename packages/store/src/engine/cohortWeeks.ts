import { formatDay, getZoneCalendar } from '../time/ZoneCalendar.js';
import type { CohortRetentionQuery } from './retentionTypes.js';

/** Cohort weeks a retention question may span: a year and a week. */
export const MAX_RETENTION_WEEKS = 53;

/**
 * The week (Monday to Sunday) holding `time` in a zone (default UTC), numbered from
 * the week of 1 January 1970 (a Thursday: day 0 is the fourth day of week 0).
 */
export function getWeekNumber(time: number, timeZone?: string): number {
  return getZoneCalendar(timeZone).getWeek(time);
}

/** The Monday (`YYYY-MM-DD`, local date) a week number starts on. */
export function getWeekStart(week: number): string {
  return formatDay(week * 7 - 3);
}

/**
 * The cohort weeks of a retention question: the first (`getWeekNumber(from)`) and how
 * many there are up to the week of `to`. Every engine checks the range here, alike.
 */
export function getCohortWeeks(query: Pick<CohortRetentionQuery, 'from' | 'to' | 'timeZone'>): {
  firstWeek: number;
  weekCount: number;
} {
  const firstWeek = getWeekNumber(query.from, query.timeZone);
  const weekCount = getWeekNumber(query.to, query.timeZone) - firstWeek + 1;
  if (!(query.from <= query.to) || weekCount > MAX_RETENTION_WEEKS) {
    throw new RangeError(`the range must start before it ends and span at most ${MAX_RETENTION_WEEKS} weeks`);
  }
  return { firstWeek, weekCount };
}
