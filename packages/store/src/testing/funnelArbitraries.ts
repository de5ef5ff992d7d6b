// Random funnel questions in every mode, for the property tests of every engine (test
// code, exported by `@parcours/store/conformance`).
import fc from 'fast-check';
import type { FunnelDriversQuery, FunnelQuery } from '../engine/types.js';

/** The touchpoint names of the random worlds. */
export const FUNNEL_NAMES = ['A', 'B', 'C', 'D'];

/** The value of `arbitrary` in `percent`% of draws, null otherwise. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

/** A step: one of `FUNNEL_NAMES`; filters are rare enough that most funnels go several steps deep. */
export const stepArbitrary = fc
  .record({
    name: fc.constantFrom(...FUNNEL_NAMES),
    channel: maybe(fc.constantFrom('web', 'email'), 15),
    where: maybe(fc.constantFrom({ plan: 'pro' }, { plan: 'free' }), 15),
  })
  .map(({ name, channel, where }) => ({
    name,
    ...(channel === null ? {} : { channel }),
    ...(where === null ? {} : { where }),
  }));

/**
 * A funnel over worlds whose times are whole seconds from 0 to 15: up to four steps,
 * windows to 12 s, sometimes a range, a breakdown by channel or `plan`, and the time of
 * the question (without `to`, windows open then are in progress).
 */
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
    now: fc.integer({ min: 0, max: 24 }).map((s) => s * 1_000),
  })
  .map(({ from, to, breakdown, ...rest }): FunnelQuery => ({
    ...rest,
    ...(from === null ? {} : { from }),
    ...(to === null ? {} : { to }),
    ...(breakdown === null ? {} : { breakdown }),
  }));

/**
 * The question with one or two exclusions between its steps (it needs two steps or
 * more): touchpoints named from `names`, a quarter of them on one of `channels`.
 */
export function withExclusions(
  query: FunnelQuery,
  names: readonly string[],
  channels: readonly string[] = ['web', 'email'],
): fc.Arbitrary<FunnelQuery> {
  const exclusion = fc.record({
    name: fc.constantFrom(...names),
    channel: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      { arbitrary: fc.constantFrom(...channels), weight: 1 },
    ),
    afterStep: fc.integer({ min: 1, max: Math.max(1, query.steps.length - 1) }),
  });
  return fc.array(exclusion, { minLength: 1, maxLength: 2 }).map((exclusions) => ({
    ...query,
    exclusions: exclusions.map(({ channel, ...rest }) =>
      channel === undefined ? rest : { ...rest, channel },
    ),
  }));
}

/** The question in sequence, in any order, or (two steps or more) with exclusions. */
export function withFunnelModes(query: FunnelQuery, names: readonly string[]): fc.Arbitrary<FunnelQuery> {
  return fc.oneof(
    fc.constant(query),
    fc.constant<FunnelQuery>({ ...query, order: 'any' }),
    query.steps.length >= 2 ? withExclusions(query, names) : fc.constant(query),
  );
}

/** A drivers question on a funnel of two steps or more: a step with a next one, maybe `plan`, a floor of 1 or 2. */
export function withDriversQuestion(query: FunnelQuery): fc.Arbitrary<FunnelDriversQuery> {
  return fc
    .record({
      step: fc.integer({ min: 1, max: query.steps.length - 1 }),
      properties: fc.constantFrom<string[]>([], ['plan']),
      minPersons: fc.integer({ min: 1, max: 2 }),
    })
    .map((drivers) => ({ ...query, ...drivers }));
}

/** The question with every time multiplied by `factor` (seconds to days: 86,400), to match scaled events. */
export function scaleFunnelQuery<Q extends FunnelQuery>(query: Q, factor: number): Q {
  const scaled: Q = { ...query, windowMs: query.windowMs * factor };
  if (query.now !== undefined) scaled.now = query.now * factor;
  if (query.from !== undefined) scaled.from = query.from * factor;
  if (query.to !== undefined) scaled.to = query.to * factor;
  return scaled;
}
