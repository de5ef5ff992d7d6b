// Brute-force reference for paths (test code): each person's path, written from the
// definitions in types.ts as plainly as possible, with no shared code with the engine.
import type { Event } from '@parcours/schema';
import { referencePersons } from './journeyReference.js';
import type { PathsQuery } from './types.js';

export interface ReferencePath {
  personId: string;
  steps: string[];
  /** The channel of the touchpoint opening each step (the first of its repeats); null for none. */
  channels: Array<string | null>;
  /** No touchpoint of another name after the path's last one, in the range. */
  left: boolean;
}

/** Every person's path under `query` (persons without one are left out). */
export function referencePersonPaths(events: Event[], query: Omit<PathsQuery, 'limit'>): ReferencePath[] {
  const out: ReferencePath[] = [];
  for (const person of referencePersons(events)) {
    const inRange = person.touchpoints.filter(
      (e) =>
        (query.from === undefined || e.timestamp >= query.from) &&
        (query.to === undefined || e.timestamp <= query.to),
    );
    let touchpoints = inRange;
    if (query.start !== undefined) {
      const at = touchpoints.findIndex((e) => e.name === query.start);
      if (at === -1) continue;
      touchpoints = touchpoints.slice(at);
    }
    if (touchpoints.length === 0) continue;
    const opening = touchpoints.filter((e, i) => i === 0 || touchpoints[i - 1]!.name !== e.name);
    const collapsed = opening.map((e) => e.name);
    const channels = opening.map((e) => e.channel ?? null);
    const { personId } = person;
    if (query.end !== undefined) {
      const at = collapsed.indexOf(query.end);
      if (at === -1) continue;
      const from = Math.max(0, at + 1 - query.depth);
      const [steps, stepChannels] = [collapsed.slice(from, at + 1), channels.slice(from, at + 1)];
      out.push({ personId, steps, channels: stepChannels, left: at === collapsed.length - 1 });
    } else {
      const [steps, stepChannels] = [collapsed.slice(0, query.depth), channels.slice(0, query.depth)];
      out.push({ personId, steps, channels: stepChannels, left: collapsed.length <= query.depth });
    }
  }
  return out;
}

/** Persons per path, and of them those who left after it, keyed by the JSON of the steps. */
export function referencePathCounts(events: Event[], query: Omit<PathsQuery, 'limit'>) {
  const counts = new Map<string, { count: number; left: number }>();
  for (const { steps, left } of referencePersonPaths(events, query)) {
    const key = JSON.stringify(steps);
    const tally = counts.get(key) ?? { count: 0, left: 0 };
    counts.set(key, { count: tally.count + 1, left: tally.left + (left ? 1 : 0) });
  }
  return counts;
}

/** Exits to "left": persons who left after `from` at position `depth`, keyed `depth,from`. */
export function referenceExits(events: Event[], query: Omit<PathsQuery, 'limit'>) {
  const exits = new Map<string, number>();
  for (const { steps, left } of referencePersonPaths(events, query)) {
    if (!left) continue;
    const key = `${steps.length - 1},${steps[steps.length - 1]}`;
    exits.set(key, (exits.get(key) ?? 0) + 1);
  }
  return exits;
}

/** Persons per node and channel of the touchpoint opening it, keyed `depth,name,channel`. */
export function referenceNodeChannels(events: Event[], query: Omit<PathsQuery, 'limit'>) {
  const tally = new Map<string, number>();
  for (const { steps, channels } of referencePersonPaths(events, query)) {
    steps.forEach((name, depth) => {
      const key = `${depth},${name},${channels[depth] ?? 'none'}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    });
  }
  return tally;
}
