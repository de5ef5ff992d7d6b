import { describe, expect, it } from 'vitest';
import { describeSegment } from './describeSegment.js';
import { createConditionDraft, createSegmentDraft, toSegmentDefinition } from './segmentDraft.js';

describe('the segment builder', () => {
  it('makes nothing of rows without a name, one condition of one row, a group of several', () => {
    expect(toSegmentDefinition(createSegmentDraft())).toBeUndefined();
    const did = { ...createConditionDraft(), name: ' Purchase ', channel: 'store', minCount: '2' };
    expect(toSegmentDefinition({ ...createSegmentDraft(), conditions: [did] })).toEqual({
      kind: 'did',
      name: 'Purchase',
      channel: 'store',
      minCount: 2,
    });
    const trait = { ...createConditionDraft('trait'), name: 'plan', value: 'pro' };
    const didNot = {
      ...createConditionDraft('didNot'),
      name: 'Refund',
      minCount: '5',
      property: 'reason',
      value: '42',
      fromDay: '2026-06-01',
      toDay: '2026-06-30',
    };
    expect(
      toSegmentDefinition({
        ...createSegmentDraft(),
        combinator: 'or',
        conditions: [trait, createConditionDraft(), didNot],
      }),
    ).toEqual({
      kind: 'or',
      conditions: [
        { kind: 'trait', name: 'plan', value: 'pro' },
        {
          kind: 'didNot',
          name: 'Refund',
          from: Date.UTC(2026, 5, 1),
          to: Date.UTC(2026, 5, 30, 23, 59, 59, 999),
          where: { name: 'reason', value: 42 },
        },
      ],
    });
  });

  it('says who a segment holds in words', () => {
    expect(
      describeSegment({
        kind: 'and',
        conditions: [
          {
            kind: 'did',
            name: 'Purchase',
            channel: 'store',
            minCount: 2,
            where: { name: 'value', value: 40 },
          },
          {
            kind: 'or',
            conditions: [
              { kind: 'trait', name: 'plan', value: 'pro' },
              { kind: 'didNot', name: 'Refund', from: Date.UTC(2026, 5, 1) },
            ],
          },
        ],
      }),
    ).toBe(
      'did Purchase on store with value = 40 at least 2 times and (has plan = "pro" or did not do Refund since 2026-06-01)',
    );
  });
});
