import type { Touchpoint } from '../api/types.js';
import { getChannelBadge } from '../format/getChannelBadge.js';

/** A journey at a glance: its span and the channels it went through. */
export interface JourneySummary {
  count: number;
  /** Epoch ms of the first and last touchpoints; absent for an empty journey. */
  firstAt?: number;
  lastAt?: number;
  /**
   * Channels in order of first appearance, each once; `unknown` for touchpoints without
   * one. An `identify` without a channel is a login, not a touchpoint of a channel: skipped.
   */
  channels: string[];
}

/** Summarises a timeline in time order, as `journeys.person` returns it. */
export function summariseJourney(touchpoints: readonly Touchpoint[]): JourneySummary {
  const channels = new Set<string>();
  for (const touchpoint of touchpoints) {
    if (touchpoint.type === 'identify' && touchpoint.channel === undefined) continue;
    channels.add(getChannelBadge(touchpoint.channel).channel);
  }
  const first = touchpoints[0];
  const last = touchpoints.at(-1);
  return {
    count: touchpoints.length,
    ...(first && last ? { firstAt: first.timestamp, lastAt: last.timestamp } : {}),
    channels: [...channels],
  };
}
