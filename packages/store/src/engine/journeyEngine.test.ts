import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getFunnel } from './getFunnel.js';
import { getFunnelDropoffs } from './getFunnelDropoffs.js';
import { getPaths } from './getPaths.js';
import {
  eventsArbitrary,
  everyQueryArbitrary,
  indexOf,
  NAMES,
  normalise,
  queryArbitrary,
} from '../testing/journeyArbitraries.js';
import {
  referenceFunnel,
  referencePaths,
  referencePersonFunnel,
  referencePersons,
} from './journeyReference.js';
import type { Event } from '@parcours/schema';
import type { FunnelQuery } from './types.js';
import { createTestIndex, layoutArbitrary } from '../testing/indexEvents.js';

describe('journey engine against brute-force references', () => {
  it('draws data sets that exercise deep funnels (or the comparisons below would prove little)', () => {
    const samples = fc.sample(fc.tuple(eventsArbitrary, queryArbitrary), { numRuns: 400, seed: 1 });
    const deep = samples.filter(([events, query]) => {
      const { steps } = referenceFunnel(events, query);
      return steps.length >= 3 && steps[2]!.count > 0;
    });
    expect(deep.length).toBeGreaterThan(40);
  });

  it('draws data sets where drop-offs are both in progress and abandoned, with and without `to`', () => {
    const samples = fc.sample(fc.tuple(eventsArbitrary, queryArbitrary), { numRuns: 400, seed: 2 });
    const tally = (withTo: boolean, field: 'inProgress' | 'abandoned') =>
      samples.filter(
        ([events, query]) =>
          (query.to !== undefined) === withTo &&
          referenceFunnel(events, query).steps.some((step) => step[field] > 0),
      ).length;
    for (const withTo of [true, false]) {
      expect(tally(withTo, 'inProgress'), `in progress, to ${withTo}`).toBeGreaterThan(20);
      expect(tally(withTo, 'abandoned'), `abandoned, to ${withTo}`).toBeGreaterThan(20);
    }
  });

  it('funnels: counts, conversion, drop-off (in progress and abandoned), medians and breakdowns match', () => {
    fc.assert(
      fc.property(eventsArbitrary, queryArbitrary, layoutArbitrary, (events, query, layout) => {
        const expected = referenceFunnel(events, query);
        expect(normalise(getFunnel(indexOf(events, layout), query))).toEqual(normalise(expected));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('funnels: the index gives the same answer whatever order the events arrived in', () => {
    fc.assert(
      fc.property(
        eventsArbitrary,
        queryArbitrary,
        fc.integer(),
        layoutArbitrary,
        (events, query, seed, layout) => {
          const shuffled = [...events].sort(
            (a, b) =>
              ((Number(a.id.slice(1)) * 7919 + seed) % 31) - ((Number(b.id.slice(1)) * 7919 + seed) % 31),
          );
          const plain = { ...query, breakdown: undefined };
          expect(getFunnel(indexOf(shuffled, layout), plain).steps.map((s) => s.count)).toEqual(
            referenceFunnel(shuffled, plain).steps.map((s) => s.count),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('drop-offs: exactly the persons who reached step k−1 and not k, paginated without loss or repeat', () => {
    fc.assert(
      fc.property(
        eventsArbitrary,
        everyQueryArbitrary,
        fc.integer({ min: 1, max: 3 }),
        layoutArbitrary,
        (events, query, limit, layout) => {
          fc.pre(query.steps.length >= 2);
          const index = indexOf(events, layout);
          for (let step = 2; step <= query.steps.length; step++) {
            const expected = referencePersons(events)
              .filter((p) => referencePersonFunnel(p, query).reached === step - 1)
              .map((p) => p.personId)
              .sort();
            const seen: string[] = [];
            let cursor: string | undefined;
            for (let page = 0; page < 50; page++) {
              const result = getFunnelDropoffs(index, { ...query, step, limit, ...(cursor && { cursor }) });
              expect(result.total).toBe(expected.length);
              expect(result.persons.length).toBeLessThanOrEqual(limit);
              seen.push(...result.persons.map((p) => p.personId));
              if (result.nextCursor === null) break;
              cursor = result.nextCursor;
            }
            expect(seen).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('breakdowns stay right when touchpoints arrive, and the index compacts, after their column was built', () => {
    fc.assert(
      fc.property(eventsArbitrary, queryArbitrary, fc.nat(), (events, query, cut) => {
        const withPlan: FunnelQuery = { ...query, breakdown: 'plan' };
        const index = createTestIndex(events, 'mixed');
        const first = cut % (events.length + 1);
        for (const event of events.slice(0, first)) index.append(event);
        // Builds the `plan` column now: `append` keeps it current from here on.
        expect(normalise(getFunnel(index, withPlan))).toEqual(
          normalise(referenceFunnel(events.slice(0, first), withPlan)),
        );
        for (const event of events.slice(first)) index.append(event);
        index.compact();
        expect(normalise(getFunnel(index, withPlan))).toEqual(normalise(referenceFunnel(events, withPlan)));
      }),
      { numRuns: 200 },
    );
  });

  it('paths: the same sequences with the same person counts', () => {
    const pathsQuery = fc.record(
      {
        start: fc.constantFrom(...NAMES),
        end: fc.constantFrom(...NAMES),
        depth: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: ['depth'] },
    );
    fc.assert(
      fc.property(eventsArbitrary, pathsQuery, layoutArbitrary, (events, query, layout) => {
        const result = getPaths(indexOf(events, layout), { ...query, limit: 1_000 });
        const actual = new Map(result.paths.map((p) => [JSON.stringify(p.steps), p.count]));
        expect(actual).toEqual(referencePaths(events, query));
        // Links are the transitions of those paths, counted in persons.
        const linkTotal = result.links.reduce((sum, l) => sum + l.count, 0);
        const expectedLinks = result.paths.reduce((sum, p) => sum + p.count * (p.steps.length - 1), 0);
        expect(linkTotal).toBe(expectedLinks);
      }),
      { numRuns: 400 },
    );
  });
});

describe('journey engine, by example', () => {
  const t0 = Date.UTC(2026, 0, 1);
  const ev = (
    id: string,
    anonymousId: string,
    name: string,
    minute: number,
    extra: Partial<Event> = {},
  ): Event => ({
    id,
    type: 'track',
    name,
    anonymousId,
    timestamp: t0 + minute * 60_000,
    ...extra,
  });
  const query: FunnelQuery = {
    steps: [{ name: 'Ad clicked' }, { name: 'Signed up' }, { name: 'Purchased' }],
    windowMs: 60 * 60_000,
  };

  it('counts a window of exactly windowMs, not a millisecond more', () => {
    const index = indexOf([
      ev('1', 'a', 'Ad clicked', 0),
      ev('2', 'a', 'Signed up', 60),
      ev('3', 'b', 'Ad clicked', 0),
      { ...ev('4', 'b', 'Signed up', 60), timestamp: t0 + 60 * 60_000 + 1 },
    ]);
    expect(getFunnel(index, query).steps.map((s) => s.count)).toEqual([2, 1, 0]);
  });

  it('merges two persons when a late identify links them, and the merged journey converts', () => {
    const events = [
      ev('1', 'laptop', 'Ad clicked', 0),
      ev('2', 'phone', 'Signed up', 10),
      ev('3', 'phone', 'Purchased', 20),
    ];
    const index = indexOf(events);
    expect(getFunnel(index, query).steps.map((s) => s.count)).toEqual([1, 0, 0]);
    index.append(ev('4', 'laptop', 'identify', 30, { type: 'identify', userId: 'u' }));
    index.append(ev('5', 'phone', 'identify', 31, { type: 'identify', userId: 'u' }));
    const result = getFunnel(index, query);
    expect(result.steps.map((s) => s.count)).toEqual([1, 1, 1]);
    expect(result.steps.map((s) => s.medianTimeToConvertMs)).toEqual([0, 10 * 60_000, 20 * 60_000]);
    expect(getPaths(index, { depth: 5, limit: 10 }).paths).toEqual([
      { steps: ['Ad clicked', 'Signed up', 'Purchased'], count: 1, left: 1 },
    ]);
  });

  it('does not chain touchpoints that share a timestamp', () => {
    const index = indexOf([ev('1', 'a', 'Ad clicked', 0), ev('2', 'a', 'Signed up', 0)]);
    expect(getFunnel(index, query).steps.map((s) => s.count)).toEqual([1, 0, 0]);
  });
});
