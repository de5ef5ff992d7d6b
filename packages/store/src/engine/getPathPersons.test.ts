import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsArbitrary, indexOf } from '../testing/journeyArbitraries.js';
import { layoutArbitrary } from '../testing/indexEvents.js';
import { pathsQueryArbitrary, withPathPosition } from '../testing/pathsArbitraries.js';
import { InvalidCursorError } from '../InvalidCursorError.js';
import { encodeDropoffCursor } from './dropoffCursor.js';
import { getPathPersons } from './getPathPersons.js';
import { getPaths } from './getPaths.js';
import {
  referenceExits,
  referenceNodeChannels,
  referencePathCounts,
  referencePersonPaths,
} from './pathsReference.js';
import type { PathPersonsQuery } from './types.js';
import type { Event } from '@parcours/schema';

/** Persons on the node or link, by the reference's paths. */
function referenceOnPath(events: Event[], query: PathPersonsQuery) {
  return referencePersonPaths(events, query)
    .filter(({ steps, left }) => {
      if (steps[query.at] !== query.name) return false;
      if (query.next === undefined) return true;
      if (query.next === null) return left && steps.length === query.at + 1;
      return steps[query.at + 1] === query.next;
    })
    .sort((a, b) => (a.personId < b.personId ? -1 : 1));
}

/**
 * A world, a paths question and a node, band or exit of it: half the time one that some
 * person's path goes through (the position of one of their steps, and the next step,
 * "left" or nothing), else any (`withPathPosition`), which may hit nobody.
 */
const worldArbitrary = fc
  .tuple(eventsArbitrary, pathsQueryArbitrary, layoutArbitrary)
  .chain(([events, query, layout]) => {
    const limit = fc.integer({ min: 1, max: 3 });
    const paths = referencePersonPaths(events, query);
    const anywhere = withPathPosition(query, limit);
    const onAPath = fc
      .tuple(fc.constantFrom(...(paths.length > 0 ? paths : [undefined])), fc.nat(), fc.nat(2), limit)
      .map(([path, pick, kind, pageSize]): PathPersonsQuery | undefined => {
        if (path === undefined) return undefined;
        const at = pick % path.steps.length;
        const { limit: _, ...question } = query;
        const next = kind === 0 ? undefined : kind === 1 ? null : path.steps[at + 1];
        return {
          ...question,
          at,
          name: path.steps[at]!,
          limit: pageSize,
          ...(next !== undefined && { next }),
        };
      });
    return fc
      .oneof(onAPath, anywhere)
      .map((position) => [events, position ?? { ...query, at: 0, name: 'A', limit: 1 }, layout] as const);
  });

describe('paths with a range and the terminal "left" node, against a brute-force reference', () => {
  it('draws questions where persons both leave and go on past the depth (or the comparison proves little)', () => {
    const samples = fc.sample(fc.tuple(eventsArbitrary, pathsQueryArbitrary), { numRuns: 300, seed: 3 });
    const tally = (wanted: boolean) =>
      samples.filter(([events, query]) => referencePersonPaths(events, query).some((p) => p.left === wanted))
        .length;
    expect(tally(true)).toBeGreaterThan(100);
    expect(tally(false)).toBeGreaterThan(50);
    expect(samples.filter(([, query]) => query.to !== undefined).length).toBeGreaterThan(50);
    // Nodes, bands and exits drawn for the persons test hit somebody often, and often two or more (pages of 1 to 3).
    const hits = fc
      .sample(worldArbitrary, { numRuns: 300, seed: 4 })
      .map(([events, query]) => referenceOnPath(events, query).length);
    expect(hits.filter((n) => n > 0).length).toBeGreaterThan(100);
    expect(hits.filter((n) => n >= 2).length).toBeGreaterThan(40);
  });

  it('paths, their persons who left, and the exits match, whatever the range and index layout', () => {
    fc.assert(
      fc.property(eventsArbitrary, pathsQueryArbitrary, layoutArbitrary, (events, query, layout) => {
        const result = getPaths(indexOf(events, layout), { ...query, limit: 1_000 });
        const actual = new Map(
          result.paths.map((p) => [JSON.stringify(p.steps), { count: p.count, left: p.left }]),
        );
        expect(actual).toEqual(referencePathCounts(events, query));
        const exits = new Map(result.exits.map((e) => [`${e.depth},${e.from}`, e.count]));
        expect(exits).toEqual(referenceExits(events, query));
        const channels = new Map(
          result.channels.map((c) => [`${c.depth},${c.name},${c.channel ?? 'none'}`, c.persons]),
        );
        expect(channels).toEqual(referenceNodeChannels(events, query));
        // Every person is on one path, and leaves once at most.
        const persons = result.paths.reduce((sum, p) => sum + p.count, 0);
        expect(result.exits.reduce((sum, e) => sum + e.count, 0)).toBeLessThanOrEqual(persons);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('persons on a node, a link or an exit: the same persons, paths and total, page after page', () => {
    fc.assert(
      fc.property(worldArbitrary, ([events, query, layout]) => {
        const index = indexOf(events, layout);
        const expected = referenceOnPath(events, query);
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 100; page++) {
          const result = getPathPersons(index, { ...query, ...(cursor === undefined ? {} : { cursor }) });
          expect(result.total).toBe(expected.length);
          expect(result.persons.length).toBeLessThanOrEqual(query.limit);
          for (const person of result.persons) {
            const reference = expected.find((p) => p.personId === person.personId);
            expect(reference, `${person.personId} is not on it`).toBeDefined();
            expect({ steps: person.steps, left: person.left }).toEqual({
              steps: reference!.steps,
              left: reference!.left,
            });
            seen.push(person.personId);
          }
          if (result.nextCursor === null) break;
          cursor = result.nextCursor;
        }
        expect(seen).toEqual(expected.map((p) => p.personId));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('paths by example', () => {
  const at = (s: number) => Date.UTC(2026, 0, 1) + s * 1_000;
  const events: Event[] = [
    { id: '1', type: 'page', name: 'Home', anonymousId: 'a', timestamp: at(1) },
    { id: '2', type: 'page', name: 'Pricing', anonymousId: 'a', timestamp: at(2) },
    { id: '3', type: 'page', name: 'Home', anonymousId: 'b', timestamp: at(1) },
    { id: '4', type: 'page', name: 'Home', anonymousId: 'b', timestamp: at(5) },
    { id: '5', type: 'page', name: 'Signup', anonymousId: 'b', timestamp: at(9) },
  ];

  it('a path cut at depth is no exit; a repeat of the last name after it still is', () => {
    const result = getPaths(indexOf(events), { depth: 1, limit: 10 });
    // a went on to Pricing, b to Signup: both cut at depth 1, nobody left at Home.
    expect(result.paths).toEqual([{ steps: ['Home'], count: 2, left: 0 }]);
    expect(result.exits).toEqual([]);
    const deeper = getPaths(indexOf(events), { depth: 2, limit: 10, to: at(5) });
    // Up to 5 s b only had Home, Home: collapsed to Home, then nothing: left after Home.
    expect(deeper.exits).toEqual([
      { depth: 0, from: 'Home', count: 1 },
      { depth: 1, from: 'Pricing', count: 1 },
    ]);
  });

  it('refuses a position outside the depth, a reversed range and a cursor naming nobody', () => {
    const index = indexOf(events);
    expect(() => getPathPersons(index, { depth: 2, at: 2, name: 'Home', limit: 5 })).toThrow(
      /at must be between 0 and 1/,
    );
    expect(() => getPathPersons(index, { depth: 2, at: 1, name: 'Home', next: 'B', limit: 5 })).toThrow(
      /at must be between 0 and 0/,
    );
    expect(() => getPaths(index, { depth: 2, limit: 5, from: at(3), to: at(2) })).toThrow(
      /from must not be after to/,
    );
    const nobody = encodeDropoffCursor('zz');
    expect(() => getPathPersons(index, { depth: 2, at: 0, name: 'Home', limit: 5, cursor: nobody })).toThrow(
      InvalidCursorError,
    );
  });
});
