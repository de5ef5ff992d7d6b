import fc from 'fast-check';
import type { SegmentDefinition } from '@parcours/schema';
import { maybe } from './personsWorld.js';

/** What a random segment may name: the world's touchpoint names and channels, and its `plan` values. */
export interface SegmentVocabulary {
  names: readonly string[];
  channels: readonly string[];
  /** Epoch ms of the world's first and last times: a condition's range falls in it (or past it). */
  from: number;
  to: number;
}

const plan = fc.constantFrom('free', 'pro', 'team');

/**
 * Random segment definitions over a world's vocabulary, trees up to two groups deep,
 * as the builder makes them: did (channel, at least 1 to 3 times, a date range, a
 * `plan` property), did not (the same filters) and the `plan` trait.
 */
export function segmentArbitrary(vocabulary: SegmentVocabulary): fc.Arbitrary<SegmentDefinition> {
  const span = vocabulary.to - vocabulary.from;
  const fields = fc.record({
    name: fc.constantFrom(...vocabulary.names, 'Nothing'),
    channel: maybe(fc.constantFrom(...vocabulary.channels, 'fax'), 40),
    range: maybe(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), 30),
    where: maybe(plan, 30),
  });
  const bounds = (range: [number, number] | null) =>
    range === null
      ? {}
      : {
          from: vocabulary.from + (span * range[0]) / 12,
          to: vocabulary.from + (span * (range[0] + range[1])) / 12,
        };
  const leaf: fc.Arbitrary<SegmentDefinition> = fc.oneof(
    fc.tuple(fields, fc.integer({ min: 1, max: 3 })).map(([f, minCount]) => ({
      kind: 'did' as const,
      name: f.name,
      ...(f.channel !== null && { channel: f.channel }),
      ...(minCount > 1 && { minCount }),
      ...bounds(f.range),
      ...(f.where !== null && { where: { name: 'plan', value: f.where } }),
    })),
    fields.map((f) => ({
      kind: 'didNot' as const,
      name: f.name,
      ...(f.channel !== null && { channel: f.channel }),
      ...(f.range !== null && { from: bounds(f.range).from }),
      ...(f.where !== null && { where: { name: 'plan', value: f.where } }),
    })),
    plan.map((value) => ({ kind: 'trait' as const, name: 'plan', value })),
  );
  return fc.letrec<{ node: SegmentDefinition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        conditions: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
      }),
    ),
  })).node;
}
