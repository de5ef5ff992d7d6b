import {
  DEFAULT_STAGE_NAMES,
  type JourneyStage,
  type OverviewQuery,
  type TouchpointRef,
} from './engine/types.js';

/** The default timeline cap: a person with more events is almost always a bot. */
export const DEFAULT_TIMELINE_LIMIT = 10_000;

/** The stage whose touchpoints count as conversions when a question names none. */
export const CONVERSION_STAGE = 'decision';

/** The map a project has until one is saved: the five default stages, no touchpoints yet. */
export function createDefaultJourneyMap(): JourneyStage[] {
  return DEFAULT_STAGE_NAMES.map((name) => ({ name, touchpoints: [] }));
}

/**
 * What counts as a conversion for an overview: the query's touchpoint, else every
 * touchpoint of the map's `decision` stage (none when the map has no such stage).
 */
export function getConversionTouchpoints(
  stages: ReadonlyArray<JourneyStage>,
  query: Pick<OverviewQuery, 'conversion'>,
): TouchpointRef[] {
  if (query.conversion !== undefined) return [query.conversion];
  return stages.find((stage) => stage.name === CONVERSION_STAGE)?.touchpoints ?? [];
}
