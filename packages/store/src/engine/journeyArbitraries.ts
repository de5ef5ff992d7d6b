// Random worlds and funnel questions for the engine's property tests (test code).
import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { JourneyIndex } from './JourneyIndex.js';
import type { FunnelQuery } from './types.js';

export const NAMES = ['A', 'B', 'C', 'D'];

/** The value of `arbitrary` in `percent`% of draws, null otherwise. */
export const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
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

/** Filters are rare enough that most funnels go several steps deep (checked below). */
export const stepArbitrary = fc
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

export const queryArbitrary = fc
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
export const exclusionQueryArbitrary = queryArbitrary
  .chain((query) =>
    fc
      .record({
        steps: fc.array(stepArbitrary, { minLength: 2, maxLength: 3 }),
        windowMs: fc.integer({ min: 5, max: 15 }).map((s) => s * 1_000),
      })
      .map((deep) => ({ ...query, ...deep })),
  )
  .chain(withExclusions);

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
  const scale = (t: number | undefined) => (t === undefined ? undefined : t * factor);
  const scaled: FunnelQuery = { ...query, windowMs: query.windowMs * factor, now: scale(query.now)! };
  if (query.from !== undefined) scaled.from = scale(query.from)!;
  if (query.to !== undefined) scaled.to = scale(query.to)!;
  return [events.map((e) => ({ ...e, timestamp: e.timestamp * factor })), scaled];
}

export const worldArbitrary = (query: fc.Arbitrary<FunnelQuery>) =>
  fc
    .tuple(eventsArbitrary, query, fc.constantFrom(1, 86_400))
    .map(([events, q, factor]) => scaleWorld(events, q, factor));

export function indexOf(events: Event[]): JourneyIndex {
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
