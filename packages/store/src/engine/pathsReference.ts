// Brute-force reference for paths (test code): each person's path, written from the
// definitions in types.ts as plainly as possible, with no shared code with the engine.
import type { Event } from '@parcours/schema';
import { referencePersons } from './journeyReference.js';
import type { PathsQuery } from './types.js';

export interface ReferencePath {
  personId: string;
  steps: string[];
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
    let names = inRange.map((e) => e.name);
    if (query.start !== undefined) {
      const at = names.indexOf(query.start);
      if (at === -1) continue;
      names = names.slice(at);
    }
    if (names.length === 0) continue;
    const collapsed = names.filter((n, i) => i === 0 || names[i - 1] !== n);
    if (query.end !== undefined) {
      const at = collapsed.indexOf(query.end);
      if (at === -1) continue;
      const steps = collapsed.slice(0, at + 1).slice(-query.depth);
      out.push({ personId: person.personId, steps, left: at === collapsed.length - 1 });
    } else {
      const steps = collapsed.slice(0, query.depth);
      out.push({ personId: person.personId, steps, left: collapsed.length <= query.depth });
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
