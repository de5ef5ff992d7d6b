import type { Stages } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { formatCsat } from '../format/formatCsat.js';
import { formatCount, formatNps, formatPercent } from '../format/formatPercent.js';
import { PAIN_LABELS } from './painLabels.js';

type TouchpointStats = Stages['stages'][number]['touchpoints'][number];

export interface TouchpointCardProps {
  touchpoint: TouchpointStats;
  /** Why this touchpoint is a pain point, if it is one. */
  pain: Stages['painPoints'][number]['reason'] | undefined;
}

/** A touchpoint of a stage: its channels, volume, exit rate, NPS and CSAT; pain points stand out. */
export function TouchpointCard({ touchpoint, pain }: TouchpointCardProps) {
  const channels =
    touchpoint.channel === null ? touchpoint.byChannel.map((c) => c.channel) : [touchpoint.channel];
  return (
    <li class={pain ? 'touchpoint-card is-pain' : 'touchpoint-card'}>
      {pain && <span class="pain-tag">{PAIN_LABELS[pain]}</span>}
      {touchpoint.goal && <span class="mark-tag">Goal</span>}
      {touchpoint.momentOfTruth && <span class="mark-tag">Moment of truth</span>}
      <p class="touchpoint-name">{touchpoint.name}</p>
      <ul class="badges" aria-label="Channels">
        {channels.map((channel) => (
          <li key={channel ?? ''}>
            <ChannelBadge channel={channel ?? undefined} />
          </li>
        ))}
      </ul>
      <dl class="touchpoint-stats">
        <div>
          <dt>Persons</dt>
          <dd>{formatCount(touchpoint.persons)}</dd>
        </div>
        <div>
          <dt>Touchpoints</dt>
          <dd>{formatCount(touchpoint.events)}</dd>
        </div>
        <div>
          <dt>Exit rate</dt>
          <dd>{formatPercent(touchpoint.exitRate)}</dd>
        </div>
        <div>
          <dt>NPS</dt>
          <dd title={`${formatCount(touchpoint.responses)} responses`}>
            {formatNps(touchpoint.nps)}
            {touchpoint.responses > 0 && <span class="muted"> ({formatCount(touchpoint.responses)})</span>}
          </dd>
        </div>
        <div>
          <dt>CSAT satisfied</dt>
          <dd class="touchpoint-csat" title={`${formatCount(touchpoint.csat.responses)} responses`}>
            {formatCsat(touchpoint.csat.satisfied)}
            {touchpoint.csat.responses > 0 && (
              <span class="muted"> ({formatCount(touchpoint.csat.responses)})</span>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}
