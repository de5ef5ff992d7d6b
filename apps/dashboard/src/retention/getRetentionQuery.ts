import { getWeekRange, parseRangeWeeks } from './getWeekRange.js';

/** The retention page's URL state (`?weeks=`, `?returning=`) as its `journeys.retention` input, without `projectId`. */
export function getRetentionQuery(params: Record<string, string>, now: number) {
  const returning = params['returning']?.trim() || undefined;
  return {
    ...getWeekRange(parseRangeWeeks(params['weeks']), now),
    ...(returning === undefined ? {} : { returning: { name: returning } }),
  };
}
