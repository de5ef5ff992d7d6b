/** A calendar day, `YYYY-MM-DD` (UTC). */
export type CalendarDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar day written `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (match === null) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= getDaysInMonth(year, month);
}

/** Days in a month (1–12) of a proleptic Gregorian year. */
export function getDaysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The day `months` calendar months after `day`: the same day of the month, or the
 * month's last day when it has no such day (31 January + 1 → 28 or 29 February). This
 * is how EU law counts a period "expressed in months" (Regulation 1182/71, Art. 3(2)(c)),
 * which is what GDPR Art. 12(3)'s "within one month" means.
 */
export function addCalendarMonths(day: CalendarDay, months: number): CalendarDay {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = (index % 12) + 1;
  const toDate = Math.min(date, getDaysInMonth(toYear, toMonth));
  return formatCalendarDay(Date.UTC(toYear, toMonth - 1, toDate));
}

/** The UTC calendar day of an instant (epoch ms). */
export function formatCalendarDay(at: number): CalendarDay {
  return new Date(at).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function countDaysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
