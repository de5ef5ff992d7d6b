import { toSegmentInput } from '../segments/segmentParams.js';
import { getDayRange, RANGE_DAYS, type RangeDays } from '../overview/getDayRange.js';

/** The journey map's `?days=`: one of the offered ranges, or undefined for all time. */
export function parseStagesDays(params: Record<string, string>): RangeDays | undefined {
  const days = Number(params['days']);
  return (RANGE_DAYS as readonly number[]).includes(days) ? (days as RangeDays) : undefined;
}

/** The `journeys.stages` input of the journey map's URL state (range and segment), without `projectId`. */
export function getStagesQuery(params: Record<string, string>, now: number) {
  const days = parseStagesDays(params);
  return { ...(days === undefined ? {} : getDayRange(days, now)), ...toSegmentInput(params) };
}
