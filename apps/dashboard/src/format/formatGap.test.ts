import { describe, expect, it } from 'vitest';
import { formatGap } from './formatGap.js';

const s = 1000;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;

describe('formatGap', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [45 * s, '45 s'],
    [min, '1 min'],
    [59 * min + 59 * s, '59 min'],
    [h, '1 h'],
    [2 * h + 5 * min + 30 * s, '2 h 5 min'],
    [d, '1 d'],
    [3 * d + 4 * h + 59 * min, '3 d 4 h'],
    [400 * d, '400 d'],
  ])('formats %i ms as %j', (ms, text) => {
    expect(formatGap(ms)).toBe(text);
  });

  it('never shows a negative gap when device clocks disagree', () => {
    expect(formatGap(-5 * min)).toBe('0 s');
    expect(formatGap(Number.NaN)).toBe('0 s');
  });
});
