import type { ShareView } from '../api/types.js';
import { FUNNEL_WINDOW_LABELS, parseFunnelDefinition } from '../funnel/parseFunnelDefinition.js';
import { parseRangeDays } from '../overview/getDayRange.js';
import { parseDayRange } from '../time/dayRange.js';
import { describeRange } from '../time/describeRange.js';

/** The period a view was shared over: its custom dates, or the preset days up to that day. */
function describePeriod(params: Record<string, string>): string {
  const custom = parseDayRange(params);
  return custom === undefined
    ? `the ${parseRangeDays(params['days'])} days up to the day it was shared`
    : describeRange(custom);
}

/**
 * What a shared view counts, in one sentence, from the page parameters it was shared
 * with (the figures themselves come from the query the link keeps).
 */
export function describeSharedView(view: ShareView, params: Record<string, string>): string {
  switch (view) {
    case 'overview': {
      const conversion = params['conversion'] ? ` Conversions: “${params['conversion']}”.` : '';
      const period = describePeriod(params);
      return `${period[0]!.toUpperCase()}${period.slice(1)}.${conversion}`;
    }
    case 'funnel': {
      const funnel = parseFunnelDefinition(params);
      const started = funnel.range
        ? `, who started on ${describeRange(funnel.range)}`
        : funnel.days
          ? `, who started in the ${funnel.days} days up to the day it was shared`
          : '';
      return `Persons who went through these steps in order within ${FUNNEL_WINDOW_LABELS[funnel.window]}${started}.`;
    }
    case 'paths':
      return 'The most common sequences of touchpoints, and how persons flow between them.';
    case 'journeyMap':
      return params['days'] || parseDayRange(params)
        ? `The journey map over ${describePeriod(params)}.`
        : 'The journey map over all time.';
  }
}
