import type { Stages } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { formatCsat } from '../format/formatCsat.js';
import { formatCount, formatNps, formatPercent } from '../format/formatPercent.js';
import { listMomentsOfTruth } from './listMomentsOfTruth.js';

/** The touchpoints marked as moments of truth, apart: each with its exit rate, NPS and CSAT. */
export function MomentsOfTruth({ stages }: { stages: Stages['stages'] }) {
  const moments = listMomentsOfTruth(stages);
  if (moments.length === 0) return null;
  return (
    <section class="card moments-of-truth" aria-labelledby="moments-heading">
      <h2 id="moments-heading">Moments of truth</h2>
      <p class="help">
        The touchpoints marked as decisive. Exit rate: the share of its persons who did nothing after it.
      </p>
      <ul class="moments">
        {moments.map(({ stage, touchpoint }, i) => (
          <li key={`${stage}|${touchpoint.name}|${touchpoint.channel ?? ''}|${i}`} class="moment">
            <p class="touchpoint-name">
              {touchpoint.name} {touchpoint.channel !== null && <ChannelBadge channel={touchpoint.channel} />}{' '}
              <span class="muted">in {stage}</span>
            </p>
            <dl class="touchpoint-stats">
              <div>
                <dt>Persons</dt>
                <dd>{formatCount(touchpoint.persons)}</dd>
              </div>
              <div>
                <dt>Exit rate</dt>
                <dd class="moment-exit">{formatPercent(touchpoint.exitRate)}</dd>
              </div>
              <div>
                <dt>NPS</dt>
                <dd class="moment-nps">
                  {formatNps(touchpoint.nps)}
                  {touchpoint.responses > 0 && (
                    <span class="muted"> ({formatCount(touchpoint.responses)})</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>CSAT satisfied</dt>
                <dd class="moment-csat">
                  {formatCsat(touchpoint.csat.satisfied)}
                  {touchpoint.csat.responses > 0 && (
                    <span class="muted"> ({formatCount(touchpoint.csat.responses)})</span>
                  )}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
