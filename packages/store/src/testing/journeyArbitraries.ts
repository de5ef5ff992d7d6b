// Random worlds and funnel questions for the engine's property tests (test code).
import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import type { JourneyIndex } from '../engine/JourneyIndex.js';
import { indexEvents, type IndexLayout } from './indexEvents.js';
import {
  FUNNEL_NAMES,
  queryArbitrary,
  scaleFunnelQuery,
  stepArbitrary,
  withExclusions,
} from './funnelArbitraries.js';
import type { FunnelQuery } from '../engine/types.js';

export { queryArbitrary };

export const NAMES = FUNNEL_NAMES;

/** The value of `arbitrary` in `percent`% of draws, null otherwise. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

/**
 * Small worlds: few devices and users, few distinct times (so ties happen). A device
 * mostly links to its owner (users 0 and 1 have two devices each, so persons span
 * devices and funnels go deep), sometimes to any user (a shared device, whose
 * touchpoints then follow its links).
 */
export const eventsArbitrary = fc
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

/** Two or three steps and long windows, so chains go deep enough for exclusions to end them. */
export const exclusionQueryArbitrary = queryArbitrary
  .chain((query) =>
    fc
      .record({
        steps: fc.array(stepArbitrary, { minLength: 2, maxLength: 3 }),
        windowMs: fc.integer({ min: 5, max: 15 }).map((s) => s * 1_000),
      })
      .map((deep) => ({ ...query, ...deep })),
  )
  .chain((query) => withExclusions(query, NAMES));

export const anyOrderQueryArbitrary = queryArbitrary.map((query): FunnelQuery => ({
  ...query,
  order: 'any',
}));

/** Every kind of funnel: in sequence, with exclusions, in any order. */
export const everyQueryArbitrary = fc.oneof(queryArbitrary, exclusionQueryArbitrary, anyOrderQueryArbitrary);

/**
 * The same world and question with times in days instead of seconds (`factor` 86,400),
 * so chains span several weeks and every time-to-convert bucket.
 */
export function scaleWorld(events: Event[], query: FunnelQuery, factor: number): [Event[], FunnelQuery] {
  return [events.map((e) => ({ ...e, timestamp: e.timestamp * factor })), scaleFunnelQuery(query, factor)];
}

export const worldArbitrary = (query: fc.Arbitrary<FunnelQuery>) =>
  fc
    .tuple(eventsArbitrary, query, fc.constantFrom(1, 86_400))
    .map(([events, q, factor]) => scaleWorld(events, q, factor));

export function indexOf(events: Event[], layout: IndexLayout = 'appended'): JourneyIndex {
  return indexEvents(events, layout);
}

/** Breakdown groups compared as a set: the engine orders them by size, ties by first seen. */
export function normalise(result: {
  steps: unknown;
  breakdown?: unknown;
  overTime: unknown;
  timeToConvert: unknown;
}) {
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
