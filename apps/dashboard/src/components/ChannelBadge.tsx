import { getChannelBadge } from '../format/getChannelBadge.js';

/** A touchpoint's channel as a coloured label; the text carries the meaning, colour only helps. */
export function ChannelBadge({ channel }: { channel: string | undefined }) {
  const badge = getChannelBadge(channel);
  return (
    <span
      class={badge.isUnknown ? 'badge badge-unknown' : 'badge'}
      style={{ background: badge.background, color: badge.foreground }}
      title={badge.isUnknown ? 'The touchpoint did not say which channel it came from' : undefined}
    >
      {badge.label}
    </span>
  );
}
