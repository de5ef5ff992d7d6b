import { describe, expect, it } from 'vitest';
import { formatPath } from './issues.js';
import { SEGMENT_LIMITS, segmentDefinitionSchema } from './segmentSchema.js';

/** The paths and messages of what the schema refuses. */
function refusals(value: unknown): string[] {
  const parsed = segmentDefinitionSchema.safeParse(value);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

describe('segmentDefinitionSchema', () => {
  it('takes conditions on touchpoints and traits in and/or groups', () => {
    const definition = {
      kind: 'and',
      conditions: [
        {
          kind: 'did',
          name: 'Purchase',
          channel: 'web',
          minCount: 2,
          from: 0,
          to: 10,
          where: { name: 'plan', value: 'pro' },
        },
        {
          kind: 'or',
          conditions: [
            { kind: 'didNot', name: 'Refund' },
            { kind: 'trait', name: 'country', value: 'FR' },
          ],
        },
      ],
    };
    expect(segmentDefinitionSchema.parse(definition)).toEqual(definition);
  });

  it('names the bad field', () => {
    expect(refusals({ kind: 'and', conditions: [{ kind: 'did', name: 'A', minCount: 0 }] })).toEqual([
      expect.stringMatching(/^conditions\[0\]\.minCount: /),
    ]);
    expect(refusals({ kind: 'did', name: '' })).toEqual([expect.stringMatching(/^name: /)]);
    expect(refusals({ kind: 'did', name: 'A', from: 5, to: 1 })).toEqual(['from: from must not be after to']);
    expect(refusals({ kind: 'trait', name: 'plan', value: { nested: true } })).toEqual([
      expect.stringMatching(/^value: /),
    ]);
    expect(refusals({ kind: 'maybe', name: 'A' })).toEqual([expect.stringMatching(/^kind: /)]);
    expect(refusals({ kind: 'or', conditions: [] })).toEqual([expect.stringMatching(/^conditions: /)]);
  });

  it('bounds the tree: conditions in all, depth of groups', () => {
    const leaf = { kind: 'did', name: 'A' };
    const wide = { kind: 'or', conditions: Array.from({ length: SEGMENT_LIMITS.maxConditions }, () => leaf) };
    expect(refusals(wide)).toEqual([]);
    expect(refusals({ kind: 'and', conditions: [wide, leaf] })).toEqual([
      `: a segment has at most ${SEGMENT_LIMITS.maxConditions} conditions (this one has 21)`,
    ]);
    let deep: unknown = leaf;
    for (let depth = 0; depth < SEGMENT_LIMITS.maxDepth + 1; depth++)
      deep = { kind: 'and', conditions: [deep] };
    expect(refusals(deep)).toEqual([
      `: and/or groups nest at most ${SEGMENT_LIMITS.maxDepth} deep (this one is 4)`,
    ]);
  });
});
