import type { Paths } from '../api/types.js';
import { nodeKey } from './layoutSankey.js';

/** A node's channels: the one most of its persons came through, and the whole mix. */
export interface NodeChannels {
  /** Null when most came through no channel (ties: the one listed first, no channel first). */
  main: string | null;
  /** Most persons first. */
  mix: Array<{ channel: string | null; persons: number }>;
}

/** Per node of a paths answer (by `nodeKey`), its channels, to colour the Sankey by channel. */
export function getNodeChannels(channels: Paths['channels']): Map<string, NodeChannels> {
  const nodes = new Map<string, NodeChannels>();
  for (const { depth, name, channel, persons } of channels) {
    const key = nodeKey(depth, name);
    const node = nodes.get(key) ?? { main: null, mix: [] };
    node.mix.push({ channel, persons });
    nodes.set(key, node);
  }
  for (const node of nodes.values()) {
    // A stable sort keeps the answer's order (no channel first, then by name) among ties.
    node.mix.sort((a, b) => b.persons - a.persons);
    node.main = node.mix[0]!.channel;
  }
  return nodes;
}

/** The channels of a paths answer that are some node's main one, in first-seen order, for the legend. */
export function getMainChannels(nodes: ReadonlyMap<string, NodeChannels>): Array<string | null> {
  return [...new Set([...nodes.values()].map((node) => node.main))];
}
