import { getZoneCalendar, type ReportFrequency } from '@parcours/store';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Reports leave at 08:00 of the project's zone: read at the start of the working day. */
const SEND_HOUR = 8;

/** A day number's date parts (day numbers count days from 1970-01-01). */
const dateOf = (day: number) => new Date(day * DAY);
/** Day 0 (1970-01-01) was a Thursday: Monday is the day with (day + 3) % 7 = 0. */
const isMonday = (day: number) => (day + 3) % 7 === 0;
const isFirstOfMonth = (day: number) => dateOf(day).getUTCDate() === 1;
/** The day number of the 1st of the month `months` after the month of `day`. */
const firstOfMonth = (day: number, months: number) =>
  Date.UTC(dateOf(day).getUTCFullYear(), dateOf(day).getUTCMonth() + months, 1) / DAY;

/**
 * When a schedule is next due after `after`: the next Monday (weekly) or the next 1st of
 * a month (monthly), at 08:00 in the project's zone (UTC without one).
 */
export function getNextReportRun(frequency: ReportFrequency, after: number, timeZone?: string): number {
  const calendar = getZoneCalendar(timeZone);
  const at = (day: number) => calendar.getDayStart(day) + SEND_HOUR * HOUR;
  const isRunDay = frequency === 'weekly' ? isMonday : isFirstOfMonth;
  const today = calendar.getDay(after);
  if (isRunDay(today) && at(today) > after) return at(today);
  if (frequency === 'monthly') return at(firstOfMonth(today, 1));
  let day = today + 1;
  while (!isMonday(day)) day++;
  return at(day);
}

/**
 * The days a report sent at `runAt` covers, as inclusive epoch ms in the project's
 * zone: the 7 days before a weekly run's day, the calendar month before a monthly one.
 */
export function getReportPeriod(
  frequency: ReportFrequency,
  runAt: number,
  timeZone?: string,
): { from: number; to: number } {
  const calendar = getZoneCalendar(timeZone);
  const runDay = calendar.getDay(runAt);
  const first = frequency === 'weekly' ? runDay - 7 : firstOfMonth(runDay, -1);
  return { from: calendar.getDayStart(first), to: calendar.getDayStart(runDay) - 1 };
}
