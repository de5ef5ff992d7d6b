import { describe, expect, it } from 'vitest';
import { createHash, parseHash } from '../routing/parseHash.js';
import { countPersonsOnPaths, createPathsParams, parsePathsQuery } from './parsePathsQuery.js';

describe('parsePathsQuery', () => {
  it('reads start, end, depth and limit', () => {
    expect(parsePathsQuery({ start: ' / ', end: 'Signed up', depth: '8', limit: '50' })).toEqual({
      start: '/',
      end: 'Signed up',
      depth: 8,
      limit: 50,
    });
  });

  it('defaults to 5 steps and 20 paths, and ignores what the API would refuse', () => {
    expect(parsePathsQuery({})).toEqual({ depth: 5, limit: 20 });
    expect(parsePathsQuery({ depth: '21', limit: '7', start: '  ' })).toEqual({ depth: 5, limit: 20 });
    expect(parsePathsQuery({ depth: '0' }).depth).toBe(5);
    expect(parsePathsQuery({ depth: '2.5' }).depth).toBe(5);
  });

  it('round-trips through the URL', () => {
    const query = { start: 'a&b=c', end: '/', depth: 20, limit: 100 };
    expect(parsePathsQuery(parseHash(createHash('paths', createPathsParams(query))).params)).toEqual(query);
  });
});

describe('countPersonsOnPaths', () => {
  it('adds those who went on from the first touchpoint and those who stopped there', () => {
    const total = countPersonsOnPaths({
      paths: [
        { steps: ['a', 'b'], count: 5 },
        { steps: ['a'], count: 3 },
        { steps: ['c'], count: 1 },
      ],
      links: [
        { depth: 0, count: 5 },
        { depth: 0, count: 2 },
        { depth: 1, count: 4 },
      ],
    });
    expect(total).toBe(11);
  });
});
