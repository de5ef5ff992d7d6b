import type { ShareView } from '../api/types.js';
import { FUNNEL_WINDOW_LABELS, parseFunnelDefinition } from '../funnel/parseFunnelDefinition.js';
import { parseRangeDays } from '../overview/getDayRange.js';

/**
 * What a shared view counts, in one sentence, from the page parameters it was shared
 * with (the figures themselves come from the query the link keeps).
 */
export function describeSharedView(view: ShareView, params: Record<string, string>): string {
  switch (view) {
    case 'overview': {
      const conversion = params['conversion'] ? ` Conversions: “${params['conversion']}”.` : '';
      return `The ${parseRangeDays(params['days'])} days up to the day it was shared.${conversion}`;
    }
    case 'funnel': {
      const funnel = parseFunnelDefinition(params);
      const started = funnel.days
        ? `, who started in the ${funnel.days} days up to the day it was shared`
        : '';
      return `Persons who went through these steps in order within ${FUNNEL_WINDOW_LABELS[funnel.window]}${started}.`;
    }
    case 'paths':
      return 'The most common sequences of touchpoints, and how persons flow between them.';
    case 'journeyMap':
      return params['days']
        ? `The journey map over the ${parseRangeDays(params['days'])} days up to the day it was shared.`
        : 'The journey map over all time.';
  }
}
