import { DEFAULT_RANGE_DAYS, parseRangeDays, type RangeDays } from '../overview/getDayRange.js';
import { getLastDays, getPreviousRange, parseCompare, parseDayRange, type DayRange } from './dayRange.js';

/** The period a page shows, from its URL: a preset (`?days=`) or custom dates (`?from=&to=`). */
export interface PageRange {
  /** The preset chosen; undefined when the dates are custom. */
  days: RangeDays | undefined;
  /** The custom dates; undefined for a preset. */
  custom: DayRange | undefined;
  /** The days shown, whichever way they were chosen. */
  range: DayRange;
  /** The period of equal length before `range`, when `?period=previous` asks for it. */
  previous: DayRange | undefined;
}

/**
 * A page's period in the project's zone: custom dates win over a preset; without
 * either, the last `fallback` days (default 30). Same answer all day long.
 */
export function getPageRange(
  params: Record<string, string>,
  clock: { now: number; timeZone: string },
  fallback: RangeDays = DEFAULT_RANGE_DAYS,
): PageRange {
  const custom = parseDayRange(params);
  const days = custom === undefined ? parseRangeDays(params['days'], fallback) : undefined;
  const range = custom ?? getLastDays(days!, clock);
  return { days, custom, range, previous: parseCompare(params) ? getPreviousRange(range) : undefined };
}

/** The URL changes that show `range` as custom dates (the preset is dropped). */
export function toCustomRangeParams(range: DayRange): Record<string, string | undefined> {
  return { from: range.from, to: range.to, days: undefined };
}

/** The URL changes that show a preset (custom dates are dropped). */
export function toPresetParams(days: RangeDays | undefined): Record<string, string | undefined> {
  return { days: days === undefined ? undefined : String(days), from: undefined, to: undefined };
}
