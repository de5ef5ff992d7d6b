import { ATTRIBUTION_LABELS, type AttributionModel } from './AttributionTable.js';
import { toSegmentInput } from '../segments/segmentParams.js';
import { getDayRange, parseRangeDays, type RangeDays } from './getDayRange.js';

/** The overview's URL state: `?days=`, `?conversion=`, `?attribution=` (last touch by default), `?segment=`. */
export interface OverviewView {
  days: RangeDays;
  conversion: string | undefined;
  attribution: AttributionModel;
  /** The saved segment the overview is narrowed to (`?segment=`), or everyone. */
  segment: { id: string } | undefined;
}

/** Reads the overview's URL parameters; anything unknown gives the default. */
export function parseOverviewView(params: Record<string, string>): OverviewView {
  const attribution = params['attribution'];
  return {
    days: parseRangeDays(params['days']),
    conversion: params['conversion']?.trim() || undefined,
    attribution:
      attribution !== undefined && attribution in ATTRIBUTION_LABELS
        ? (attribution as AttributionModel)
        : 'last',
    segment: toSegmentInput(params).segment,
  };
}

/** The `journeys.overview` input of a view, without `projectId`: the last `days` days up to `now`. */
export function getOverviewQuery(view: OverviewView, now: number) {
  return {
    ...getDayRange(view.days, now),
    ...(view.conversion === undefined ? {} : { conversion: { name: view.conversion } }),
    attribution: view.attribution,
    ...(view.segment === undefined ? {} : { segment: view.segment }),
  };
}
