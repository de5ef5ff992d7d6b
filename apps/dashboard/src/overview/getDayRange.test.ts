import { describe, expect, it } from 'vitest';
import { getDayRange, parseRangeDays } from './getDayRange.js';

describe('parseRangeDays', () => {
  it('accepts the offered ranges only', () => {
    expect(parseRangeDays('7')).toBe(7);
    expect(parseRangeDays('90')).toBe(90);
    for (const value of [undefined, '', '8', 'abc', '-7', '1e3']) expect(parseRangeDays(value)).toBe(30);
    expect(parseRangeDays('x', 90)).toBe(90);
  });
});

describe('getDayRange', () => {
  const now = Date.UTC(2025, 10, 3, 14, 3, 7);

  it('covers whole UTC days, today included', () => {
    const { from, to } = getDayRange(7, now);
    expect(new Date(from).toISOString()).toBe('2025-10-28T00:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2025-11-03T23:59:59.999Z');
  });

  it('is the same all day, so the query key is stable', () => {
    expect(getDayRange(30, now)).toEqual(getDayRange(30, Date.UTC(2025, 10, 3, 0, 0, 0)));
    expect(getDayRange(30, now)).toEqual(getDayRange(30, Date.UTC(2025, 10, 3, 23, 59, 59, 999)));
  });
});
