import { addDays, countDays, getZoneDay, getZoneDayStart, isDay } from './zoneDays.js';

/** Days a custom range may span: the API's limit for daily series. */
export const MAX_RANGE_DAYS = 366;

/** Local days `from` to `to` (`YYYY-MM-DD`, both included) in the project's zone. */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * A custom range from a page's `?from=&to=` parameters: real dates, in order, at most
 * {@link MAX_RANGE_DAYS} days; anything else is no custom range (the preset applies).
 */
export function parseDayRange(params: Record<string, string>): DayRange | undefined {
  const from = params['from'];
  const to = params['to'];
  if (!isDay(from) || !isDay(to) || from > to || countDays(from, to) > MAX_RANGE_DAYS) return undefined;
  return { from, to };
}

/** The last `days` days of `timeZone` up to and including today. */
export function getLastDays(days: number, clock: { now: number; timeZone: string }): DayRange {
  const today = getZoneDay(clock.now, clock.timeZone);
  return { from: addDays(today, 1 - days), to: today };
}

/** The period of as many days just before `range`: what "compare with the previous period" shows. */
export function getPreviousRange(range: DayRange): DayRange {
  const days = countDays(range.from, range.to);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/**
 * A range of local days as the API's inclusive epoch-ms bounds: from the first day's
 * start to the instant before the day after the last starts (23 or 25 hours for a
 * day of a daylight-saving change). Whole days keep a query's key stable all day.
 */
export function toRangeBounds(range: DayRange, timeZone: string): { from: number; to: number } {
  return {
    from: getZoneDayStart(range.from, timeZone),
    to: getZoneDayStart(addDays(range.to, 1), timeZone) - 1,
  };
}

/** Whether a page asks to compare with the previous period (`?period=previous`). */
export function parseCompare(params: Record<string, string>): boolean {
  return params['period'] === 'previous';
}
