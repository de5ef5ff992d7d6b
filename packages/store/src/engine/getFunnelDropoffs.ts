import { InvalidCursorError } from '../InvalidCursorError.js';
import { analysePersonFunnel, compileFunnel, FunnelScratch } from './analyseFunnel.js';
import { decodeDropoffCursor, encodeDropoffCursor } from './dropoffCursor.js';
import type { JourneyIndex } from './JourneyIndex.js';
import type { DroppedPerson, FunnelDropoffQuery, FunnelDropoffResult } from './types.js';

/**
 * The persons who reached step `step − 1` of a funnel but not step `step`, by
 * person id, a page at a time: the dashboard opens each one's timeline from here.
 * The cursor holds the last person id of the previous page, so pages stay stable while
 * new events land (a person may move out of the list, never twice into a page). A
 * cursor that is not one (garbage) or names no person of the project (unknown) throws
 * {@link InvalidCursorError}: an empty page would read as "nobody else dropped off".
 */
export function getFunnelDropoffs(index: JourneyIndex, query: FunnelDropoffQuery): FunnelDropoffResult {
  if (!Number.isInteger(query.step) || query.step < 2 || query.step > query.steps.length) {
    throw new RangeError(`step must be between 2 and ${query.steps.length}`);
  }
  const cursor = query.cursor === undefined ? undefined : decodeDropoffCursor(query.cursor);
  if (query.cursor !== undefined && (cursor === undefined || !index.hasPerson(cursor))) {
    throw new InvalidCursorError('not a drop-off cursor of this funnel: start again without one');
  }
  const funnel = compileFunnel(index, query);
  const time = index.time.data;
  const scratch = new FunnelScratch(funnel.stepCount);
  const dropped: Array<{ personId: string; root: number; reachedAt: number; last: number }> = [];
  index.forEachPerson((events, root) => {
    const { reached, startTime, times } = analysePersonFunnel(events, time, funnel, scratch);
    if (reached !== query.step - 1) return;
    const { personId } = index.describePerson(root);
    const reachedAt = startTime + times[reached - 1]!;
    dropped.push({ personId, root, reachedAt, last: events[events.length - 1]! });
  });
  dropped.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const first = cursor === undefined ? 0 : dropped.findIndex((d) => d.personId > cursor);
  const rest = first === -1 ? [] : dropped.slice(first);
  const page = rest.slice(0, query.limit);
  const persons: DroppedPerson[] = page.map(({ root, reachedAt, last }) => {
    const channel = index.channel.data[last]!;
    return {
      ...index.describePerson(root),
      reachedAt,
      lastTouchpoint: {
        name: index.names.values[index.name.data[last]!]!,
        channel: channel === 0 ? null : index.channels.values[channel - 1]!,
        timestamp: time[last]!,
      },
    };
  });
  return {
    persons,
    nextCursor: rest.length > query.limit ? encodeDropoffCursor(page[page.length - 1]!.personId) : null,
    total: dropped.length,
  };
}
