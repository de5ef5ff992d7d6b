import { toRangeBounds } from '../time/dayRange.js';
import { getPageRange } from '../time/getPageRange.js';

/**
 * The friction page's URL state (`?days=` or `?from=&to=`, `?support=`) as its
 * `journeys.friction` input, without `projectId`: days of the project's zone.
 */
export function getFrictionQuery(params: Record<string, string>, clock: { now: number; timeZone: string }) {
  const support = params['support']?.trim() || undefined;
  return {
    ...toRangeBounds(getPageRange(params, clock).range, clock.timeZone),
    ...(support === undefined ? {} : { support: [{ name: support }] }),
  };
}
