// Random paths questions for the property tests of both engines (test code).
import fc from 'fast-check';
import type { PathPersonsQuery, PathsQuery } from '../engine/types.js';
import { FUNNEL_NAMES } from './funnelArbitraries.js';

/** The value of `arbitrary` in `percent`% of draws, undefined otherwise. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary, weight: percent });

/**
 * A paths question over worlds whose times are 0–15 s: start, end and range each
 * drawn or not, depth 1–5, so that paths are cut at depth, end early (left) or at `end`.
 */
export const pathsQueryArbitrary: fc.Arbitrary<PathsQuery> = fc
  .record({
    start: maybe(fc.constantFrom(...FUNNEL_NAMES), 40),
    end: maybe(fc.constantFrom(...FUNNEL_NAMES), 40),
    depth: fc.integer({ min: 1, max: 5 }),
    limit: fc.integer({ min: 1, max: 8 }),
    from: maybe(
      fc.integer({ min: 0, max: 8 }).map((s) => s * 1_000),
      50,
    ),
    span: maybe(
      fc.integer({ min: 0, max: 15 }).map((s) => s * 1_000),
      50,
    ),
  })
  .map(({ start, end, from, span, ...rest }): PathsQuery => ({
    ...rest,
    ...(start === undefined ? {} : { start }),
    ...(end === undefined ? {} : { end }),
    ...(from === undefined ? {} : { from }),
    ...(span === undefined ? {} : { to: (from ?? 0) + span }),
  }));

/**
 * A node or link of a paths question: a position within its depth, a name, and a link's
 * other end (a name, null for "left", or none for the node alone). Names are drawn
 * from the world's, so many draws hit persons and some hit nobody.
 */
export function withPathPosition(query: PathsQuery, limit: fc.Arbitrary<number>) {
  return fc
    .record({
      at: fc.integer({ min: 0, max: query.depth - 1 }),
      name: fc.constantFrom(...FUNNEL_NAMES),
      next: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constantFrom(...FUNNEL_NAMES)),
      limit,
    })
    .filter(({ at, next }) => typeof next !== 'string' || at + 1 < query.depth)
    .map(({ next, ...position }): PathPersonsQuery => {
      const { limit: _, ...paths } = query;
      return { ...paths, ...position, ...(next === undefined ? {} : { next }) };
    });
}
