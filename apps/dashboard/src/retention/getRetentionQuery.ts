import { parseDayRange, toRangeBounds } from '../time/dayRange.js';
import { getWeekRange, parseRangeWeeks } from './getWeekRange.js';

/**
 * The retention page's URL state (`?weeks=` or `?from=&to=`, `?returning=`) as its
 * `journeys.retention` input, without `projectId`: days and weeks of the project's zone.
 */
export function getRetentionQuery(params: Record<string, string>, clock: { now: number; timeZone: string }) {
  const returning = params['returning']?.trim() || undefined;
  const range = parseDayRange(params) ?? getWeekRange(parseRangeWeeks(params['weeks']), clock);
  return {
    ...toRangeBounds(range, clock.timeZone),
    ...(returning === undefined ? {} : { returning: { name: returning } }),
  };
}
