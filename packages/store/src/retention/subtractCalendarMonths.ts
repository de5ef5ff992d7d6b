/**
 * The instant `months` calendar months before `time` (epoch ms), in UTC, at the same
 * time of day; a day the target month lacks becomes its last day (31 March minus one
 * month is 28 or 29 February), as in Art. 12(3)'s "one month" and the CNIL's "25 months".
 */
export function subtractCalendarMonths(time: number, months: number): number {
  const date = new Date(time);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() - months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = new Date(time);
  target.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return target.getTime();
}
