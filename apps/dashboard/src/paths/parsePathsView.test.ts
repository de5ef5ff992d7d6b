import { describe, expect, it } from 'vitest';
import { createHash, parseHash } from '../routing/parseHash.js';
import { parsePathsQuery } from './parsePathsQuery.js';
import {
  createPathsViewParams,
  createSelectionParams,
  getPathsSides,
  parsePathSelection,
  type PathSelection,
} from './parsePathsView.js';

const june = (day: number, end = false) =>
  Date.parse(`2026-06-0${day}T${end ? '23:59:59.999' : '00:00:00.000'}Z`);

describe('the paths page URL', () => {
  it('reads a date range as whole UTC days, and drops a reversed one', () => {
    expect(parsePathsQuery({ from: '2026-06-01', to: '2026-06-03' })).toMatchObject({
      from: june(1),
      to: june(3, true),
    });
    expect(parsePathsQuery({ from: '2026-06-03', to: '2026-06-01' })).toEqual({ depth: 5, limit: 20 });
    expect(parsePathsQuery({ from: '1 June' })).toEqual({ depth: 5, limit: 20 });
  });

  it('draws one flow, or two when a compared range is given, the same question over each range', () => {
    expect(getPathsSides({ from: '2026-06-01' })).toEqual([
      { label: 'From 2026-06-01', query: { depth: 5, limit: 20, from: june(1) } },
    ]);
    const sides = getPathsSides({
      start: 'Home',
      from: '2026-06-01',
      to: '2026-06-02',
      vsFrom: '2026-06-05',
    });
    expect(sides.map((side) => side.label)).toEqual(['2026-06-01 to 2026-06-02', 'From 2026-06-05']);
    expect(sides[1]!.query).toEqual({ start: 'Home', depth: 5, limit: 20, from: june(5) });
  });

  it('round-trips the question, the compared range and a selection through the hash', () => {
    const query = { start: 'a&b', depth: 3, limit: 50, from: june(1), to: june(2, true) };
    const compared = { from: june(4), to: june(6, true) };
    const selections: PathSelection[] = [
      { side: 1, at: 2, name: 'Pricing' },
      { side: 0, at: 0, name: 'Home', next: 'Pricing & plans' },
      { side: 0, at: 1, name: 'Pricing', next: null },
    ];
    for (const selection of selections) {
      const params = parseHash(
        createHash('paths', {
          ...createPathsViewParams(query, compared),
          ...createSelectionParams(selection),
        }),
      ).params;
      expect(getPathsSides(params).map((side) => side.query)).toEqual([query, { ...query, ...compared }]);
      expect(parsePathSelection(params, 2)).toEqual(selection);
    }
  });

  it('ignores a selection on a flow that is not drawn, or without a node', () => {
    expect(parsePathSelection({ side: '1', at: '0', node: 'Home' }, 1)).toBeUndefined();
    expect(parsePathSelection({ at: '0' }, 1)).toBeUndefined();
    expect(parsePathSelection({ at: '-1', node: 'Home' }, 1)).toBeUndefined();
  });
});
