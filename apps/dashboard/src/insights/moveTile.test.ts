import { describe, expect, it } from 'vitest';
import { moveTile } from './moveTile.js';

describe('moveTile', () => {
  it('moves a tile earlier or later, and no further than the ends', () => {
    expect(moveTile(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveTile(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveTile(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveTile(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
