import { getDayRange, parseRangeDays } from '../overview/getDayRange.js';

/** The friction page's URL state (`?days=`, `?support=`) as its `journeys.friction` input, without `projectId`. */
export function getFrictionQuery(params: Record<string, string>, now: number) {
  const support = params['support']?.trim() || undefined;
  return {
    ...getDayRange(parseRangeDays(params['days']), now),
    ...(support === undefined ? {} : { support: [{ name: support }] }),
  };
}
