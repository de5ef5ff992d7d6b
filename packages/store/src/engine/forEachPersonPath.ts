import type { JourneyIndex } from './JourneyIndex.js';
import type { PathsQuery } from './types.js';

export const MAX_PATH_DEPTH = 20;

/** One person's path, as `forEachPersonPath` draws it. */
export interface PersonPath {
  /** Name ids (the index's `names` dictionary), one per position. */
  names: ReadonlyArray<number>;
  /** Channel cells (0: none, else the `channels` dictionary id + 1) of the touchpoint that opened each position. */
  channels: ReadonlyArray<number>;
  /** No touchpoint of another name follows the last one in the range. */
  left: boolean;
}

export type PersonPathVisitor = (path: PersonPath, person: number) => void;

/** Throws a RangeError naming what is wrong with a paths query's depth or range. */
export function checkPathsQuery(query: Omit<PathsQuery, 'limit'>): void {
  const { depth, from, to } = query;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_PATH_DEPTH) {
    throw new RangeError(`depth must be between 1 and ${MAX_PATH_DEPTH}`);
  }
  if (from !== undefined && to !== undefined && from > to) throw new RangeError('from must not be after to');
}

/**
 * Calls `visit` with each person's path. Per person: their touchpoints in the range
 * (`from`/`to`, inclusive) in time order from their first `start` touchpoint (their
 * first touchpoint when `start` is absent; persons without one are left out),
 * consecutive repeats collapsed, at most `depth` names. With `end`: only persons
 * reaching `end` at or after the start, the path ending at their first `end`, keeping
 * the last `depth` names (those that lead to it). A person left after the path when no
 * touchpoint of another name follows its last one in the range. Each position keeps
 * the channel of the touchpoint that opened it (the first of the repeats collapsed).
 */
export function forEachPersonPath(
  index: JourneyIndex,
  query: Omit<PathsQuery, 'limit'>,
  visit: PersonPathVisitor,
): void {
  checkPathsQuery(query);
  const { depth } = query;
  const startId = query.start === undefined ? -2 : index.names.find(query.start);
  const endId = query.end === undefined ? -2 : index.names.find(query.end);
  if (startId === -1 || endId === -1) return;
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const names = index.name.data;
  const channelOf = index.channel.data;
  const time = index.time.data;
  const sequence: number[] = [];
  const channels: number[] = [];
  index.forEachPerson((events, person) => {
    let i = 0;
    while (i < events.length && time[events[i]!]! < from) i++;
    let last = i;
    while (last < events.length && time[events[last]!]! <= to) last++;
    if (startId >= 0) {
      while (i < last && names[events[i]!] !== startId) i++;
    }
    if (i === last) return;
    sequence.length = 0;
    channels.length = 0;
    let reachedEnd = false;
    for (; i < last; i++) {
      const name = names[events[i]!]!;
      if (sequence[sequence.length - 1] !== name) {
        sequence.push(name);
        channels.push(channelOf[events[i]!]!);
      }
      if (name === endId) {
        reachedEnd = true;
        break;
      }
      if (endId === -2 && sequence.length === depth) break;
    }
    if (endId >= 0 && !reachedEnd) return;
    const final = sequence[sequence.length - 1];
    let left = true;
    for (let j = i + 1; j < last && left; j++) left = names[events[j]!] === final;
    const cut = Math.max(0, sequence.length - depth);
    visit({ names: sequence.slice(cut), channels: channels.slice(cut), left }, person);
  });
}
