import { describe, expect, it } from 'vitest';
import { getNiceMax, scaleBars } from './scaleBars.js';

describe('getNiceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 10, 11, 437, 500, 501, 1999].map(getNiceMax)).toEqual([
      1, 1, 5, 10, 20, 500, 500, 1000, 2000,
    ]);
  });

  it('gives a scale to an empty or broken series', () => {
    expect(getNiceMax(Number.NaN)).toBe(1);
    expect(getNiceMax(-5)).toBe(1);
  });
});

describe('scaleBars', () => {
  it('divides the width into one slot a value, with gaps', () => {
    const { bars } = scaleBars([1, 2], { width: 100, height: 50, gap: 0.2 });
    expect(bars.map((bar) => [bar.x, bar.width])).toEqual([
      [5, 40],
      [55, 40],
    ]);
  });

  it('draws heights proportional to the value, from the bottom', () => {
    const { max, bars } = scaleBars([0, 250, 437], { width: 30, height: 100 });
    expect(max).toBe(500);
    expect(bars.map((bar) => bar.height)).toEqual([0, 50, 87.4]);
    expect(bars.map((bar) => bar.y + bar.height)).toEqual([100, 100, 100]);
  });

  it('keeps a given max, so two series share a scale, and clips above it', () => {
    const { bars } = scaleBars([5, 20], { width: 20, height: 10, max: 10 });
    expect(bars.map((bar) => bar.height)).toEqual([5, 10]);
  });

  it('draws nothing for missing values and nothing at all for no values', () => {
    expect(scaleBars([Number.NaN, -1], { width: 20, height: 10 }).bars.map((bar) => bar.height)).toEqual([
      0, 0,
    ]);
    expect(scaleBars([], { width: 20, height: 10 }).bars).toEqual([]);
  });
});
