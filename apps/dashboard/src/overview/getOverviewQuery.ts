import { toSegmentInput } from '../segments/segmentParams.js';
import { toRangeBounds } from '../time/dayRange.js';
import { getPageRange } from '../time/getPageRange.js';
import { ATTRIBUTION_LABELS, type AttributionModel } from './AttributionTable.js';

/** The overview's question beside its period: `?conversion=`, `?attribution=` (last touch by default), `?segment=`. */
export interface OverviewView {
  conversion: string | undefined;
  attribution: AttributionModel;
  /** The saved segment the overview is narrowed to (`?segment=`), or everyone. */
  segment: { id: string } | undefined;
}

/** Reads the overview's URL parameters; anything unknown gives the default. */
export function parseOverviewView(params: Record<string, string>): OverviewView {
  const attribution = params['attribution'];
  return {
    conversion: params['conversion']?.trim() || undefined,
    attribution:
      attribution !== undefined && attribution in ATTRIBUTION_LABELS
        ? (attribution as AttributionModel)
        : 'last',
    segment: toSegmentInput(params).segment,
  };
}

/** The `journeys.overview` input of a view without its period and `projectId`. */
export function getOverviewQuestion(view: OverviewView) {
  return {
    ...(view.conversion === undefined ? {} : { conversion: { name: view.conversion } }),
    attribution: view.attribution,
    ...(view.segment === undefined ? {} : { segment: view.segment }),
  };
}

/**
 * The `journeys.overview` input of the overview's URL state, without `projectId`: its
 * period (a preset or custom dates, see `getPageRange`) in days of the project's zone.
 */
export function getOverviewQuery(params: Record<string, string>, clock: { now: number; timeZone: string }) {
  return {
    ...toRangeBounds(getPageRange(params, clock).range, clock.timeZone),
    ...getOverviewQuestion(parseOverviewView(params)),
  };
}
