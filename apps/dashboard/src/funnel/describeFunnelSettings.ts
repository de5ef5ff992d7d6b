import type { Funnel } from '../api/types.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { formatGap } from '../format/formatGap.js';

type FunnelSettings = Funnel['settings'];

/**
 * The rules a funnel answer was counted under, as (term, description) pairs to show
 * beside it: the order, the window and where it starts, the equal-timestamp rule, what
 * is counted, the end of the range for "still in their window", and the exclusions.
 */
export function describeFunnelSettings(settings: FunnelSettings, options: { timeZone?: string } = {}) {
  const exclusions = settings.exclusions.map(
    ({ name, channel, afterStep }) =>
      `“${name}”${channel ? ` on ${channel}` : ''} between step ${afterStep} and ${afterStep + 1}`,
  );
  return [
    ['Order', settings.order === 'any' ? 'Every step, in any order' : 'Steps in the order given'],
    [
      'Window',
      settings.windowAnchor === 'step1'
        ? `${formatGap(settings.windowMs)} from each person’s step-1 touchpoint`
        : `${formatGap(settings.windowMs)} from the first touchpoint of the chain, whatever its step`,
    ],
    [
      'Same millisecond',
      settings.equalTimestamps === 'strictlyLater'
        ? 'Touchpoints at the same millisecond never follow each other: each step is strictly later'
        : 'Touchpoints at the same millisecond count together',
    ],
    ['Counted', 'Persons (devices and logins merged), once each, at the furthest step of any of their tries'],
    [
      'Still in their window',
      settings.openUntil === null
        ? 'Those whose window was still open when these figures were counted'
        : `Those whose window is open at ${formatDateTime(settings.openUntil, options)}`,
    ],
    ['Exclusions', exclusions.length === 0 ? 'None' : exclusions.join('; ')],
  ] as const;
}
