import type { FunnelQuery, FunnelSettings } from './types.js';

/**
 * The rules a funnel answer was computed under (see `FunnelSettings`), for the answer
 * itself: `openUntil` is the end of the range the engine used for "in progress".
 */
export function createFunnelSettings(query: FunnelQuery, openUntil: number): FunnelSettings {
  const order = query.order ?? 'sequence';
  return {
    order,
    windowMs: query.windowMs,
    windowAnchor: order === 'any' ? 'firstTouchpoint' : 'step1',
    equalTimestamps: order === 'any' ? 'together' : 'strictlyLater',
    countingUnit: 'person',
    openUntil,
    exclusions: (query.exclusions ?? []).map(({ name, channel, afterStep }) =>
      channel === undefined ? { name, afterStep } : { name, channel, afterStep },
    ),
  };
}
