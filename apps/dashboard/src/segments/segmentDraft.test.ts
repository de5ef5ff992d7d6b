import { describe, expect, it } from 'vitest';
import { describeSegment } from './describeSegment.js';
import {
  countConditions,
  createConditionDraft,
  createGroupDraft,
  createSegmentDraft,
  editSegmentDraft,
  MAX_CONDITIONS,
  toSegmentDefinition,
  type GroupDraft,
} from './segmentDraft.js';

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

describe('groups in the segment builder', () => {
  const named = (name: string) => ({ ...createConditionDraft(), name });

  it('makes a nested group of a group of several rows, and the row itself of a group of one', () => {
    const draft = {
      ...createSegmentDraft(),
      combinator: 'and' as const,
      conditions: [
        named('Store visit'),
        { ...createGroupDraft(), conditions: [named('Email opened'), named('Ad clicked')] },
        {
          ...createGroupDraft(),
          combinator: 'and' as const,
          conditions: [named('Refund'), createConditionDraft()],
        },
      ],
    };
    expect(toSegmentDefinition(draft)).toEqual({
      kind: 'and',
      conditions: [
        { kind: 'did', name: 'Store visit' },
        {
          kind: 'or',
          conditions: [
            { kind: 'did', name: 'Email opened' },
            { kind: 'did', name: 'Ad clicked' },
          ],
        },
        { kind: 'did', name: 'Refund' },
      ],
    });
    expect(countConditions(draft)).toBe(5);
  });

  it('edits rows inside groups, adds and removes them, and never passes the limit', () => {
    let draft = editSegmentDraft(createSegmentDraft(), { type: 'addGroup' });
    expect(draft.conditions.map((item) => item.kind)).toEqual(['did', 'group']);
    draft = editSegmentDraft(draft, { type: 'setRow', path: [1, 1], patch: { name: 'Ad clicked' } });
    draft = editSegmentDraft(draft, { type: 'setRow', path: [1, 1], patch: { channel: 'ads' } });
    draft = editSegmentDraft(draft, { type: 'setGroup', index: 1, combinator: 'and' });
    draft = editSegmentDraft(draft, { type: 'addRow', group: 1 });
    const group = draft.conditions[1] as GroupDraft;
    expect([group.combinator, group.conditions.length, group.conditions[1]]).toEqual([
      'and',
      3,
      { ...createConditionDraft(), name: 'Ad clicked', channel: 'ads' },
    ]);
    // Two patches in a row both land: each applies to the draft the one before made.
    draft = editSegmentDraft(draft, { type: 'setRow', path: [0], patch: { name: 'Cart' } });
    draft = editSegmentDraft(draft, { type: 'setRow', path: [0], patch: { channel: 'web' } });
    expect(draft.conditions[0]).toMatchObject({ name: 'Cart', channel: 'web' });
    draft = editSegmentDraft(draft, { type: 'remove', path: [1, 0] });
    expect((draft.conditions[1] as GroupDraft).conditions).toHaveLength(2);
    // A group's last row takes the group with it; the segment's last item stays.
    draft = editSegmentDraft(draft, { type: 'remove', path: [1, 0] });
    draft = editSegmentDraft(draft, { type: 'remove', path: [1, 0] });
    expect(draft.conditions.map((item) => item.kind)).toEqual(['did']);
    expect(editSegmentDraft(draft, { type: 'remove', path: [0] })).toBe(draft);
    let full = createSegmentDraft();
    for (let i = 0; i < 30; i++) full = editSegmentDraft(full, { type: 'addRow' });
    expect(countConditions(full)).toBe(MAX_CONDITIONS);
    expect(editSegmentDraft(full, { type: 'addGroup' })).toBe(full);
    expect(editSegmentDraft(full, { type: 'addRow', group: 0 })).toBe(full);
  });
});
