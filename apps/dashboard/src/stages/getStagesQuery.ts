import { RANGE_DAYS } from '../overview/getDayRange.js';
import { toSegmentInput } from '../segments/segmentParams.js';
import { toRangeBounds } from '../time/dayRange.js';
import { getPageRange, type PageRange } from '../time/getPageRange.js';
import { MAP_PARAM } from './journeyMapParams.js';

/** The journey map covers all time unless its URL names custom dates or one of the offered `?days=`. */
export function isAllTime(params: Record<string, string>, period: PageRange): boolean {
  return period.custom === undefined && !(RANGE_DAYS as readonly number[]).includes(Number(params['days']));
}

/**
 * The `journeys.stages` input of the journey map's URL state (period in days of the
 * project's zone, or all time; segment; map), without `projectId`.
 */
export function getStagesQuery(params: Record<string, string>, clock: { now: number; timeZone: string }) {
  const period = getPageRange(params, clock);
  return {
    ...(isAllTime(params, period) ? {} : toRangeBounds(period.range, clock.timeZone)),
    ...toSegmentInput(params),
    ...(params[MAP_PARAM] ? { mapId: params[MAP_PARAM] } : {}),
  };
}
