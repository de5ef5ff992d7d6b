import { useProjectTimeZone } from '../api/useProjectTimeZone.js';
import type { RangeDays } from '../overview/getDayRange.js';
import { toRangeBounds } from './dayRange.js';
import { getPageRange, type PageRange } from './getPageRange.js';

/** A page's period and the API bounds of its days, in the project's zone. */
export interface PagePeriod {
  /** False until the project's zone is known: queries wait for it. */
  ready: boolean;
  /** The project's zone (UTC until it is known). */
  timeZone: string;
  period: PageRange;
  /** `period.range` as the API's inclusive epoch-ms bounds. */
  bounds: { from: number; to: number };
  /** `period.previous` as bounds, when the page compares. */
  previousBounds: { from: number; to: number } | undefined;
}

/** The period a page's URL asks for (see `getPageRange`), in days of the project's zone. */
export function usePagePeriod(
  projectId: string,
  params: Record<string, string>,
  fallback?: RangeDays,
): PagePeriod {
  const known = useProjectTimeZone(projectId);
  const timeZone = known ?? 'UTC';
  const period = getPageRange(params, { now: Date.now(), timeZone }, fallback);
  return {
    ready: known !== undefined,
    timeZone,
    period,
    bounds: toRangeBounds(period.range, timeZone),
    previousBounds: period.previous && toRangeBounds(period.previous, timeZone),
  };
}
