import type { Touchpoint } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { PropertyList } from '../components/PropertyList.js';
import { formatDateTime, formatTime } from '../format/formatDateTime.js';
import { formatGap } from '../format/formatGap.js';

/** Gaps shorter than this are not worth a line: they read as one visit. */
const SHOWN_GAP_MS = 60_000;

export interface TouchpointRowProps {
  touchpoint: Touchpoint;
  /** Epoch ms of the touchpoint before, to show the time between them. */
  previousAt: number | undefined;
}

/** One touchpoint of a timeline: when, what, through which channel, with which properties. */
export function TouchpointRow({ touchpoint, previousAt }: TouchpointRowProps) {
  const { timestamp, name, type, channel, anonymousId, claimedUserId, properties, context } = touchpoint;
  const gap = previousAt === undefined ? 0 : timestamp - previousAt;
  const contextEntries = Object.keys(context ?? {}).length;
  return (
    <tr>
      <td class="when">
        <time dateTime={new Date(timestamp).toISOString()} title={formatDateTime(timestamp)}>
          {formatTime(timestamp)}
        </time>
        {gap >= SHOWN_GAP_MS && (
          <span class="gap" title="Since the previous touchpoint">
            +{formatGap(gap)}
          </span>
        )}
      </td>
      <td class="what">
        <span class="name">{name}</span> <span class={`type type-${type}`}>{type}</span>
        <span class="device" title="Anonymous id of the device">
          {anonymousId}
        </span>
        {claimedUserId !== undefined && (
          <span class="device" title="Sent without a valid signature: it links this device to nobody">
            unsigned user id {claimedUserId}
          </span>
        )}
      </td>
      <td class="channel">
        <ChannelBadge channel={channel} />
      </td>
      <td class="properties">
        <PropertyList properties={properties} />
        {contextEntries > 0 && (
          <details class="context">
            <summary>Context ({contextEntries})</summary>
            <PropertyList properties={context} />
          </details>
        )}
      </td>
    </tr>
  );
}
