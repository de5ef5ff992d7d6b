import type { ChannelFeedback } from './types.js';

/**
 * The per-channel feedback in the order every engine gives it: most persons first,
 * then by channel name (touchpoints without a channel first). Sorts in place.
 */
export function orderChannelFeedback(channels: ChannelFeedback[]): ChannelFeedback[] {
  const key = (channel: string | null) => (channel === null ? '' : `_${channel}`);
  return channels.sort((a, b) => {
    if (a.persons !== b.persons) return b.persons - a.persons;
    const x = key(a.channel);
    const y = key(b.channel);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
