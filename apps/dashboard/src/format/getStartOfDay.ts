const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Midnight starting a `YYYY-MM-DD` day in the viewer's time zone, `offset` days later
 * (default 0); `undefined` for anything that is not a calendar day.
 */
export function getStartOfDay(day: string | undefined, offset = 0): number | undefined {
  const match = day === undefined ? null : DAY_PATTERN.exec(day);
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
  // `new Date` rolls 30 February over to March: such a day is not a day.
  const asked = new Date(year, month - 1, date);
  if (asked.getMonth() !== month - 1 || asked.getDate() !== date) return undefined;
  return new Date(year, month - 1, date + offset).getTime();
}
