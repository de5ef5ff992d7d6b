import { describe, expect, it } from 'vitest';
import { editJourneyMap, findJourneyMapProblem, MAX_STAGES } from './editJourneyMap.js';

const map = [
  { name: 'awareness', touchpoints: [{ name: 'Ad clicked' }] },
  {
    name: 'decision',
    touchpoints: [{ name: 'Signed up' }, { name: 'Purchase completed', channel: 'store' }],
  },
];

describe('editJourneyMap', () => {
  it('adds, renames, moves and removes stages', () => {
    let next = editJourneyMap(map, { type: 'addStage', name: 'retention' });
    expect(next.map((s) => s.name)).toEqual(['awareness', 'decision', 'retention']);
    next = editJourneyMap(next, { type: 'renameStage', stage: 0, name: 'discovery' });
    next = editJourneyMap(next, { type: 'moveStage', stage: 2, by: -1 });
    expect(next.map((s) => s.name)).toEqual(['discovery', 'retention', 'decision']);
    next = editJourneyMap(next, { type: 'removeStage', stage: 1 });
    expect(next.map((s) => s.name)).toEqual(['discovery', 'decision']);
    expect(next[1]!.touchpoints).toHaveLength(2);
  });

  it('marks a touchpoint as a goal or a moment of truth, and unmarks it, without touching the others', () => {
    let next = editJourneyMap(map, {
      type: 'markTouchpoint',
      stage: 1,
      touchpoint: 1,
      mark: 'goal',
      on: true,
    });
    next = editJourneyMap(next, {
      type: 'markTouchpoint',
      stage: 1,
      touchpoint: 1,
      mark: 'momentOfTruth',
      on: true,
    });
    expect(next[1]!.touchpoints).toEqual([
      { name: 'Signed up' },
      { name: 'Purchase completed', channel: 'store', goal: true, momentOfTruth: true },
    ]);
    next = editJourneyMap(next, { type: 'markTouchpoint', stage: 1, touchpoint: 1, mark: 'goal', on: false });
    expect(next[1]!.touchpoints[1]).toEqual({
      name: 'Purchase completed',
      channel: 'store',
      momentOfTruth: true,
    });
    // Out of range: nothing changes; the input map is never changed.
    expect(
      editJourneyMap(map, { type: 'markTouchpoint', stage: 0, touchpoint: 5, mark: 'goal', on: true }),
    ).toEqual(map);
    expect(map[1]!.touchpoints[1]).toEqual({ name: 'Purchase completed', channel: 'store' });
  });

  it('adds touchpoints trimmed, with a channel when one is given, once', () => {
    let next = editJourneyMap(map, { type: 'addTouchpoint', stage: 0, name: ' Email opened ', channel: '' });
    next = editJourneyMap(next, { type: 'addTouchpoint', stage: 0, name: 'Ad clicked', channel: 'social' });
    next = editJourneyMap(next, { type: 'addTouchpoint', stage: 0, name: 'Ad clicked' });
    next = editJourneyMap(next, { type: 'addTouchpoint', stage: 0, name: '   ' });
    expect(next[0]!.touchpoints).toEqual([
      { name: 'Ad clicked' },
      { name: 'Email opened' },
      { name: 'Ad clicked', channel: 'social' },
    ]);
  });

  it('removes a touchpoint', () => {
    expect(
      editJourneyMap(map, { type: 'removeTouchpoint', stage: 1, touchpoint: 0 })[1]!.touchpoints,
    ).toEqual([{ name: 'Purchase completed', channel: 'store' }]);
  });

  it('never changes the map it was given', () => {
    const copy = structuredClone(map);
    editJourneyMap(map, { type: 'addTouchpoint', stage: 0, name: 'x' });
    editJourneyMap(map, { type: 'renameStage', stage: 0, name: 'y' });
    editJourneyMap(map, { type: 'moveStage', stage: 0, by: 1 });
    expect(map).toEqual(copy);
  });

  it('ignores edits that make no sense', () => {
    expect(editJourneyMap(map, { type: 'moveStage', stage: 0, by: -1 })).toEqual(map);
    expect(editJourneyMap(map, { type: 'moveStage', stage: 1, by: 1 })).toEqual(map);
    expect(editJourneyMap(map, { type: 'renameStage', stage: 5, name: 'x' })).toEqual(map);
    expect(editJourneyMap(map, { type: 'addTouchpoint', stage: 5, name: 'x' })).toEqual(map);
    const full = Array.from({ length: MAX_STAGES }, (_, i) => ({ name: `s${i}`, touchpoints: [] }));
    expect(editJourneyMap(full, { type: 'addStage', name: 'one more' })).toHaveLength(MAX_STAGES);
  });
});

describe('findJourneyMapProblem', () => {
  it('accepts a map of uniquely named stages', () => {
    expect(findJourneyMapProblem(map)).toBeUndefined();
  });

  it('names what the API would refuse', () => {
    expect(findJourneyMapProblem([])).toMatch(/at least one stage/);
    expect(findJourneyMapProblem([{ name: ' ', touchpoints: [] }])).toMatch(/needs a name/);
    expect(findJourneyMapProblem([...map, { name: 'decision ', touchpoints: [] }])).toMatch(
      /“decision”.*unique/,
    );
  });
});
