import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { getFunnel } from './getFunnel.js';
import { getFunnelDrivers } from './getFunnelDrivers.js';
import {
  anyOrderQueryArbitrary,
  eventsArbitrary,
  everyQueryArbitrary,
  exclusionQueryArbitrary,
  indexOf,
  normalise,
  worldArbitrary,
} from '../testing/journeyArbitraries.js';
import { referenceFunnel, referenceFunnelDrivers } from './journeyReference.js';
import { withDriversQuestion } from '../testing/funnelArbitraries.js';
import type { FunnelQuery } from './types.js';

/** A drivers question on any funnel of two steps or more. */
const driversQueryArbitrary = everyQueryArbitrary
  .filter((query) => query.steps.length >= 2)
  .chain(withDriversQuestion);

describe('funnel modes against the brute-force reference', () => {
  it('draws data sets where exclusions end chains, and any order reaches further than the sequence', () => {
    const samples = fc.sample(fc.tuple(eventsArbitrary, exclusionQueryArbitrary), { numRuns: 300, seed: 3 });
    const counts = (events: Event[], query: FunnelQuery) =>
      referenceFunnel(events, query).steps.map((step) => step.count);
    const cut = samples.filter(
      ([events, query]) =>
        JSON.stringify(counts(events, query)) !==
        JSON.stringify(counts(events, { ...query, exclusions: [] })),
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
        expect(normalise(getFunnel(indexOf(events), query))).toEqual(
          normalise(referenceFunnel(events, query)),
        );
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('funnels in any order: every step within the window of the chain’s first touchpoint', () => {
    fc.assert(
      fc.property(worldArbitrary(anyOrderQueryArbitrary), ([events, query]) => {
        expect(normalise(getFunnel(indexOf(events), query))).toEqual(
          normalise(referenceFunnel(events, query)),
        );
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

  it('draws drivers questions with drivers of both signs', () => {
    const samples = fc.sample(fc.tuple(eventsArbitrary, driversQueryArbitrary), { numRuns: 300, seed: 7 });
    const lifts = samples.flatMap(([events, query]) =>
      referenceFunnelDrivers(events, query).drivers.map((d) => d.lift),
    );
    expect(lifts.filter((lift) => lift > 0).length).toBeGreaterThan(50);
    expect(lifts.filter((lift) => lift < 0).length).toBeGreaterThan(50);
  });

  it('drivers: persons, conversion and lift of each touchpoint, channel and property value, ranked', () => {
    fc.assert(
      fc.property(eventsArbitrary, driversQueryArbitrary, (events, query) => {
        expect(getFunnelDrivers(indexOf(events), query)).toEqual(referenceFunnelDrivers(events, query));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('funnel modes, by example', () => {
  const at = (second: number) => second * 1_000;
  const ev = (id: string, anonymousId: string, name: string, second: number, channel?: string): Event => ({
    id,
    type: 'track',
    name,
    anonymousId,
    timestamp: at(second),
    ...(channel === undefined ? {} : { channel }),
  });
  const steps = [{ name: 'Viewed' }, { name: 'Carted' }, { name: 'Paid' }];

  it('lets a chain take a later step-2 touchpoint when an exclusion follows the first one', () => {
    // a: viewed, carted, left the cart (excluded after step 2), carted again, paid.
    // b: the same without carting again: the exclusion ends the chain.
    const index = indexOf([
      ev('1', 'a', 'Viewed', 0),
      ev('2', 'a', 'Carted', 1),
      ev('3', 'a', 'Cart emptied', 2),
      ev('4', 'a', 'Carted', 3),
      ev('5', 'a', 'Paid', 4),
      ev('6', 'b', 'Viewed', 0),
      ev('7', 'b', 'Carted', 1),
      ev('8', 'b', 'Cart emptied', 2),
      ev('9', 'b', 'Paid', 4),
    ]);
    const query: FunnelQuery = { steps, windowMs: at(60), now: at(10_000) };
    expect(getFunnel(index, query).steps.map((s) => s.count)).toEqual([2, 2, 2]);
    const excluded = getFunnel(index, { ...query, exclusions: [{ name: 'Cart emptied', afterStep: 2 }] });
    expect(excluded.steps.map((s) => s.count)).toEqual([2, 2, 1]);
    // a's chain reached step 3 through the second cart, 4 s after the view.
    expect(excluded.steps[2]!.medianTimeToConvertMs).toBe(at(4));
    expect(excluded.settings.exclusions).toEqual([{ name: 'Cart emptied', afterStep: 2 }]);
    // An exclusion on another channel, or after another step, ends nothing here.
    const elsewhere = getFunnel(index, {
      ...query,
      exclusions: [
        { name: 'Cart emptied', channel: 'email', afterStep: 2 },
        { name: 'Cart emptied', afterStep: 1 },
      ],
    });
    expect(elsewhere.steps.map((s) => s.count)).toEqual([2, 2, 2]);
  });

  it('counts steps done in any order within the window of the first of them', () => {
    // c pays, then views and carts: in sequence only step 1; in any order all three.
    const index = indexOf([ev('1', 'c', 'Paid', 0), ev('2', 'c', 'Viewed', 5), ev('3', 'c', 'Carted', 5)]);
    const query: FunnelQuery = { steps, windowMs: at(5), now: at(10_000) };
    expect(getFunnel(index, query).steps.map((s) => s.count)).toEqual([1, 0, 0]);
    const any = getFunnel(index, { ...query, order: 'any' });
    expect(any.steps.map((s) => s.count)).toEqual([1, 1, 1]);
    expect(any.settings).toMatchObject({
      order: 'any',
      windowAnchor: 'firstTouchpoint',
      equalTimestamps: 'together',
    });
    // A window one millisecond shorter leaves the view out of the payment's window.
    expect(
      getFunnel(index, { ...query, order: 'any', windowMs: at(5) - 1 }).steps.map((s) => s.count),
    ).toEqual([1, 1, 0]);
  });

  it('refuses exclusions after the last step, or with the any order', () => {
    const index = indexOf([ev('1', 'a', 'Viewed', 0)]);
    const query: FunnelQuery = { steps, windowMs: at(60) };
    expect(() => getFunnel(index, { ...query, exclusions: [{ name: 'X', afterStep: 3 }] })).toThrow(
      /afterStep is 1 to 2/,
    );
    expect(() =>
      getFunnel(index, { ...query, order: 'any', exclusions: [{ name: 'X', afterStep: 1 }] }),
    ).toThrow(/sequence order/);
  });
});
