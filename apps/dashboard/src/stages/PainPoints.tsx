import type { Stages } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { formatCsat } from '../format/formatCsat.js';
import { formatNps, formatPercent } from '../format/formatPercent.js';
import { PAIN_LABELS } from './painLabels.js';

/** The touchpoints most followed by exits, then those with the lowest NPS and CSAT: where to look first. */
export function PainPoints({ painPoints }: { painPoints: Stages['painPoints'] }) {
  if (painPoints.length === 0) return null;
  return (
    <section class="card pain-points" aria-labelledby="pain-heading">
      <h2 id="pain-heading">Pain points</h2>
      <ol>
        {painPoints.map((pain) => (
          <li key={`${pain.stage}|${pain.touchpoint}|${pain.channel ?? ''}|${pain.reason}`}>
            <span class="pain-tag">{PAIN_LABELS[pain.reason]}</span> <strong>{pain.touchpoint}</strong>{' '}
            {pain.channel && <ChannelBadge channel={pain.channel} />}{' '}
            <span class="muted">in {pain.stage}</span> ·{' '}
            {pain.reason === 'drop-off'
              ? `${formatPercent(pain.exitRate)} did nothing after it`
              : pain.reason === 'low score'
                ? `NPS ${formatNps(pain.nps)}`
                : `CSAT ${formatCsat(pain.csat)} satisfied`}
          </li>
        ))}
      </ol>
    </section>
  );
}
