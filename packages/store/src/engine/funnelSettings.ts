import type { FunnelQuery, FunnelSettings } from './types.js';

/** The rules a funnel answer was computed under (see `FunnelSettings`), for the answer itself. */
export function createFunnelSettings(query: FunnelQuery): FunnelSettings {
  const order = query.order ?? 'sequence';
  return {
    order,
    windowMs: query.windowMs,
    windowAnchor: order === 'any' ? 'firstTouchpoint' : 'step1',
    equalTimestamps: order === 'any' ? 'together' : 'strictlyLater',
    countingUnit: 'person',
    openUntil: query.to ?? query.now ?? null,
    exclusions: (query.exclusions ?? []).map(({ name, channel, afterStep }) =>
      channel === undefined ? { name, afterStep } : { name, channel, afterStep },
    ),
  };
}
