import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { getFunnel } from './getFunnel.js';
import { getFunnelDropoffs } from './getFunnelDropoffs.js';
import { getPaths } from './getPaths.js';
import { JourneyIndex } from './JourneyIndex.js';
import {
  referenceFunnel,
  referencePaths,
  referencePersonFunnel,
  referencePersons,
} from './journeyReference.js';
import type { FunnelQuery } from './types.js';

const NAMES = ['A', 'B', 'C', 'D'];

/** The value of `arbitrary` in `percent`% of draws, null otherwise. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

/**
 * Small worlds: few devices and users, few distinct times (so ties happen). A device
 * mostly links to its owner (users 0 and 1 have two devices each, so persons span
 * devices and funnels go deep), sometimes to any user (a shared device, whose
 * touchpoints then follow its links).
 */
const eventsArbitrary = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: 3 }),
      user: maybe(
        fc.oneof(
          { arbitrary: fc.constant(-1), weight: 5 },
          { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 1 },
        ),
        40,
      ),
      identify: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      name: fc.constantFrom(...NAMES),
      t: fc.integer({ min: 0, max: 15 }),
      channel: maybe(fc.constantFrom('web', 'email'), 70),
      plan: maybe(fc.constantFrom('free', 'pro'), 60),
    }),
    { minLength: 20, maxLength: 60 },
  )
  .map((raw) =>
    raw.map((r, i): Event => {
      const e: Event = {
        id: `e${i}`,
        type: r.identify && r.user !== null ? 'identify' : 'track',
        name: r.identify && r.user !== null ? 'identify' : r.name,
        anonymousId: `d${r.device}`,
        timestamp: 1_000 * r.t,
      };
      if (r.user !== null) e.userId = `u${r.user === -1 ? Math.max(0, r.device - 2) : r.user}`;
      if (r.channel !== null) e.channel = r.channel;
      if (r.plan !== null) e.properties = { plan: r.plan };
      return e;
    }),
  );

/** Filters are rare enough that most funnels go several steps deep (checked below). */
const stepArbitrary = fc
  .record({
    name: fc.constantFrom(...NAMES),
    channel: maybe(fc.constantFrom('web', 'email'), 15),
    where: maybe(fc.constantFrom({ plan: 'pro' }, { plan: 'free' }), 15),
  })
  .map(({ name, channel, where }) => ({
    name,
    ...(channel === null ? {} : { channel }),
    ...(where === null ? {} : { where }),
  }));

const queryArbitrary = fc
  .record({
    steps: fc.array(stepArbitrary, { minLength: 1, maxLength: 4 }),
    windowMs: fc.integer({ min: 0, max: 12 }).map((s) => s * 1_000),
    from: maybe(
      fc.integer({ min: 0, max: 7 }).map((s) => s * 1_000),
      30,
    ),
    to: maybe(
      fc.integer({ min: 8, max: 15 }).map((s) => s * 1_000),
      30,
    ),
    breakdown: maybe(fc.constantFrom('channel', 'plan'), 50),
    // The time of the question: without `to`, windows open at `now` are in progress.
    now: fc.integer({ min: 0, max: 24 }).map((s) => s * 1_000),
  })
  .map(({ from, to, breakdown, ...rest }): FunnelQuery => ({
    ...rest,
    ...(from === null ? {} : { from }),
    ...(to === null ? {} : { to }),
    ...(breakdown === null ? {} : { breakdown }),
  }));

/** Exclusions between the query's steps: 1 or 2, after any step but the last. */
const withExclusions = (query: FunnelQuery) =>
  fc
    .array(
      fc.record({
        name: fc.constantFrom(...NAMES),
        channel: maybe(fc.constantFrom('web', 'email'), 25),
        afterStep: fc.integer({ min: 1, max: Math.max(1, query.steps.length - 1) }),
      }),
      { minLength: 1, maxLength: 2 },
    )
    .map((exclusions): FunnelQuery => ({
      ...query,
      exclusions: exclusions.map(({ channel, ...rest }) => (channel === null ? rest : { ...rest, channel })),
    }));

/** Two or three steps and long windows, so chains go deep enough for exclusions to end them. */
const exclusionQueryArbitrary = queryArbitrary
  .chain((query) =>
    fc
      .record({
        steps: fc.array(stepArbitrary, { minLength: 2, maxLength: 3 }),
        windowMs: fc.integer({ min: 5, max: 15 }).map((s) => s * 1_000),
      })
      .map((deep) => ({ ...query, ...deep })),
  )
  .chain(withExclusions);

const anyOrderQueryArbitrary = queryArbitrary.map((query): FunnelQuery => ({ ...query, order: 'any' }));

/** Every kind of funnel: in sequence, with exclusions, in any order. */
const everyQueryArbitrary = fc.oneof(queryArbitrary, exclusionQueryArbitrary, anyOrderQueryArbitrary);

/**
 * The same world and question with times in days instead of seconds (`factor` 86,400),
 * so chains span several weeks and every time-to-convert bucket.
 */
function scaleWorld(events: Event[], query: FunnelQuery, factor: number): [Event[], FunnelQuery] {
  const scale = (t: number | undefined) => (t === undefined ? undefined : t * factor);
  const scaled: FunnelQuery = { ...query, windowMs: query.windowMs * factor, now: scale(query.now)! };
  if (query.from !== undefined) scaled.from = scale(query.from)!;
  if (query.to !== undefined) scaled.to = scale(query.to)!;
  return [events.map((e) => ({ ...e, timestamp: e.timestamp * factor })), scaled];
}

const worldArbitrary = (query: fc.Arbitrary<FunnelQuery>) =>
  fc
    .tuple(eventsArbitrary, query, fc.constantFrom(1, 86_400))
    .map(([events, q, factor]) => scaleWorld(events, q, factor));

function indexOf(events: Event[]): JourneyIndex {
  const touchpoints = events.filter((e) => e.type !== 'identify');
  const index = new JourneyIndex((property) =>
    touchpoints.map((e) => {
      const value = e.properties?.[property];
      return value === undefined ? undefined : JSON.stringify(value);
    }),
  );
  for (const e of events) index.append(e);
  return index;
}

/** Breakdown groups compared as a set: the engine orders them by size, ties by first seen. */
function normalise(result: { steps: unknown; breakdown?: unknown; overTime: unknown; timeToConvert: unknown }) {
  const breakdown = result.breakdown as Array<{ value: unknown }> | undefined;
  return {
    steps: result.steps,
    overTime: result.overTime,
    timeToConvert: result.timeToConvert,
    breakdown:
      breakdown &&
      [...breakdown].sort((a, b) => JSON.stringify(a.value).localeCompare(JSON.stringify(b.value))),
  };
}

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
      fc.property(eventsArbitrary, queryArbitrary, (events, query) => {
        const expected = referenceFunnel(events, query);
        expect(normalise(getFunnel(indexOf(events), query))).toEqual(normalise(expected));
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('draws data sets where exclusions end chains, and any order reaches further than the sequence', () => {
    const samples = fc.sample(fc.tuple(eventsArbitrary, exclusionQueryArbitrary), { numRuns: 300, seed: 3 });
    const counts = (events: Event[], query: FunnelQuery) =>
      referenceFunnel(events, query).steps.map((step) => step.count);
    const cut = samples.filter(
      ([events, query]) =>
        JSON.stringify(counts(events, query)) !== JSON.stringify(counts(events, { ...query, exclusions: [] })),
    );
    expect(cut.length, 'exclusions that change the answer').toBeGreaterThan(30);
    const unordered = fc
      .sample(fc.tuple(eventsArbitrary, anyOrderQueryArbitrary), { numRuns: 300, seed: 4 })
      .filter(([events, query]) => {
        const any = referenceFunnel(events, query).steps;
        const sequence = referenceFunnel(events, { ...query, order: 'sequence' }).steps;
        return any.some((step, k) => step.count > sequence[k]!.count);
      });
    expect(unordered.length, 'any-order funnels reaching further').toBeGreaterThan(30);
    const inProgress = fc
      .sample(fc.tuple(eventsArbitrary, anyOrderQueryArbitrary), { numRuns: 300, seed: 5 })
      .filter(([events, query]) => referenceFunnel(events, query).steps.some((step) => step.inProgress > 0));
    expect(inProgress.length, 'any-order funnels with drop-offs in progress').toBeGreaterThan(20);
  });

  it('draws worlds spanning several weeks and time-to-convert buckets', () => {
    const samples = fc.sample(worldArbitrary(everyQueryArbitrary), { numRuns: 300, seed: 6 });
    const results = samples.map(([events, query]) => referenceFunnel(events, query));
    const multiWeek = results.filter((r) => (r.overTime as unknown[]).length >= 2);
    expect(multiWeek.length).toBeGreaterThan(20);
    const buckets = new Set(
      results.flatMap((r) =>
        (r.timeToConvert as Array<{ fromMs: number; persons: number }>)
          .filter((b) => b.persons > 0)
          .map((b) => b.fromMs),
      ),
    );
    expect(buckets.size).toBeGreaterThanOrEqual(4);
  });

  it('funnels with exclusions: chains end at an excluded touchpoint between two steps', () => {
    fc.assert(
      fc.property(worldArbitrary(exclusionQueryArbitrary), ([events, query]) => {
        expect(normalise(getFunnel(indexOf(events), query))).toEqual(normalise(referenceFunnel(events, query)));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('funnels in any order: every step within the window of the chain’s first touchpoint', () => {
    fc.assert(
      fc.property(worldArbitrary(anyOrderQueryArbitrary), ([events, query]) => {
        expect(normalise(getFunnel(indexOf(events), query))).toEqual(normalise(referenceFunnel(events, query)));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('funnels: conversion by week and time to convert match, in every mode', () => {
    fc.assert(
      fc.property(worldArbitrary(everyQueryArbitrary), ([events, query]) => {
        const result = getFunnel(indexOf(events), query);
        expect(normalise(result)).toEqual(normalise(referenceFunnel(events, query)));
        expect(result.settings.openUntil).toBe(query.to ?? query.now);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('funnels: the index gives the same answer whatever order the events arrived in', () => {
    fc.assert(
      fc.property(eventsArbitrary, queryArbitrary, fc.integer(), (events, query, seed) => {
        const shuffled = [...events].sort(
          (a, b) =>
            ((Number(a.id.slice(1)) * 7919 + seed) % 31) - ((Number(b.id.slice(1)) * 7919 + seed) % 31),
        );
        const plain = { ...query, breakdown: undefined };
        expect(getFunnel(indexOf(shuffled), plain).steps.map((s) => s.count)).toEqual(
          referenceFunnel(shuffled, plain).steps.map((s) => s.count),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('drop-offs: exactly the persons who reached step k−1 and not k, paginated without loss or repeat', () => {
    fc.assert(
      fc.property(eventsArbitrary, everyQueryArbitrary, fc.integer({ min: 1, max: 3 }), (events, query, limit) => {
        fc.pre(query.steps.length >= 2);
        const index = indexOf(events);
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
      fc.property(eventsArbitrary, pathsQuery, (events, query) => {
        const result = getPaths(indexOf(events), { ...query, limit: 1_000 });
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
      { steps: ['Ad clicked', 'Signed up', 'Purchased'], count: 1 },
    ]);
  });

  it('does not chain touchpoints that share a timestamp', () => {
    const index = indexOf([ev('1', 'a', 'Ad clicked', 0), ev('2', 'a', 'Signed up', 0)]);
    expect(getFunnel(index, query).steps.map((s) => s.count)).toEqual([1, 0, 0]);
  });
});
