import type { JourneyIndex } from './JourneyIndex.js';
import type { PathsQuery, PathsResult } from './types.js';
import { LargeMap } from './LargeMap.js';

export const MAX_PATH_DEPTH = 20;

/**
 * The most common paths through touchpoint names, counted in persons. Per person:
 * names in time order from their first `start` touchpoint (their first touchpoint
 * when `start` is absent; persons without one are left out), consecutive repeats
 * collapsed, at most `depth` names. With `end`: only persons reaching `end` at or
 * after the start, the path ending at their first `end`, keeping the last `depth`
 * names (those that lead to it).
 */
export function getPaths(index: JourneyIndex, query: PathsQuery): PathsResult {
  const { depth, limit } = query;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_PATH_DEPTH) {
    throw new RangeError(`depth must be between 1 and ${MAX_PATH_DEPTH}`);
  }
  const startId = query.start === undefined ? -2 : index.names.find(query.start);
  const endId = query.end === undefined ? -2 : index.names.find(query.end);
  if (startId === -1 || endId === -1) return { paths: [], links: [] };
  const names = index.name.data;
  const counts = new LargeMap<string, number>();
  const sequence: number[] = [];
  index.forEachPerson((events) => {
    let i = 0;
    if (startId >= 0) {
      while (i < events.length && names[events[i]!] !== startId) i++;
      if (i === events.length) return;
    }
    sequence.length = 0;
    let reachedEnd = false;
    for (; i < events.length; i++) {
      const name = names[events[i]!]!;
      if (sequence[sequence.length - 1] !== name) sequence.push(name);
      if (name === endId) {
        reachedEnd = true;
        break;
      }
      if (endId === -2 && sequence.length === depth) break;
    }
    if (endId >= 0 && !reachedEnd) return;
    const kept = sequence.length > depth ? sequence.slice(sequence.length - depth) : sequence;
    const key = kept.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });

  const links = new LargeMap<string, number>();
  for (const [key, count] of counts) {
    const ids = key.split(',');
    for (let d = 0; d + 1 < ids.length; d++) {
      const link = `${d},${ids[d]},${ids[d + 1]}`;
      links.set(link, (links.get(link) ?? 0) + count);
    }
  }
  const nameOf = (id: string) => index.names.values[Number(id)]!;
  const paths = [...counts]
    .map(([key, count]) => ({ steps: key.split(',').map(nameOf), count }))
    .sort((a, b) => b.count - a.count || compareStrings(a.steps.join('\u0000'), b.steps.join('\u0000')))
    .slice(0, limit);
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
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
