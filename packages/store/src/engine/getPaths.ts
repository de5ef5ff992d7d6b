import type { JourneyIndex } from './JourneyIndex.js';
import type { PathsQuery, PathsResult } from './types.js';
import { forEachPersonPath } from './forEachPersonPath.js';
import { LargeMap } from './LargeMap.js';

export { MAX_PATH_DEPTH } from './forEachPersonPath.js';

/**
 * The most common paths through touchpoint names, counted in persons (each person's
 * path as `forEachPersonPath` draws it), the links between consecutive names, and the
 * exits to the terminal "left" node: the persons who did nothing else after a path's
 * last name in the range; and each node's channels (persons by the channel of the
 * touchpoint that opened the position), for a Sankey coloured by channel.
 */
export function getPaths(index: JourneyIndex, query: PathsQuery): PathsResult {
  const counts = new LargeMap<string, { count: number; left: number }>();
  const channels = new LargeMap<string, number>();
  forEachPersonPath(index, query, ({ names, channels: cells, left }) => {
    const key = names.join(',');
    const tally = counts.get(key) ?? { count: 0, left: 0 };
    tally.count++;
    if (left) tally.left++;
    counts.set(key, tally);
    for (let d = 0; d < names.length; d++) {
      const node = `${d},${names[d]},${cells[d]}`;
      channels.set(node, (channels.get(node) ?? 0) + 1);
    }
  });

  const links = new LargeMap<string, number>();
  const exits = new LargeMap<string, number>();
  for (const [key, { count, left }] of counts) {
    const ids = key.split(',');
    for (let d = 0; d + 1 < ids.length; d++) {
      const link = `${d},${ids[d]},${ids[d + 1]}`;
      links.set(link, (links.get(link) ?? 0) + count);
    }
    const exit = `${ids.length - 1},${ids[ids.length - 1]}`;
    if (left > 0) exits.set(exit, (exits.get(exit) ?? 0) + left);
  }
  const nameOf = (id: string) => index.names.values[Number(id)]!;
  const paths = [...counts]
    .map(([key, { count, left }]) => ({ steps: key.split(',').map(nameOf), count, left }))
    .sort((a, b) => b.count - a.count || compareStrings(a.steps.join('\u0000'), b.steps.join('\u0000')))
    .slice(0, query.limit);
  return {
    paths,
    links: [...links]
      .map(([key, count]) => {
        const [d, from, to] = key.split(',');
        return { depth: Number(d), from: nameOf(from!), to: nameOf(to!), count };
      })
      .sort(
        (a, b) =>
          a.depth - b.depth ||
          b.count - a.count ||
          compareStrings(a.from, b.from) ||
          compareStrings(a.to, b.to),
      ),
    exits: [...exits]
      .map(([key, count]) => {
        const [d, from] = key.split(',');
        return { depth: Number(d), from: nameOf(from!), count };
      })
      .sort((a, b) => a.depth - b.depth || b.count - a.count || compareStrings(a.from, b.from)),
    channels: [...channels]
      .map(([key, persons]) => {
        const [d, name, cell] = key.split(',');
        const channel = cell === '0' ? null : index.channels.values[Number(cell) - 1]!;
        return { depth: Number(d), name: nameOf(name!), channel, persons };
      })
      .sort(
        (a, b) =>
          a.depth - b.depth ||
          compareStrings(a.name, b.name) ||
          compareStrings(a.channel ?? '', b.channel ?? ''),
      ),
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
