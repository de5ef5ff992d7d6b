import { describe, expect, it } from 'vitest';
import { getWeekRange, parseRangeWeeks } from './getWeekRange.js';

describe('getWeekRange', () => {
  it('starts on the Monday weeks - 1 weeks before this one and ends with today', () => {
    // Wednesday 17 June 2026, 15:00 UTC.
    const { from, to } = getWeekRange(4, Date.UTC(2026, 5, 17, 15));
    expect(new Date(from).toISOString()).toBe('2026-05-25T00:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2026-06-17T23:59:59.999Z');
  });

  it('on a Monday, this week is today alone', () => {
    const { from, to } = getWeekRange(1, Date.UTC(2026, 5, 15, 8));
    expect(new Date(from).toISOString()).toBe('2026-06-15T00:00:00.000Z');
    expect(to - from).toBe(86_400_000 - 1);
  });

  it('reads only the offered spans from the URL', () => {
    expect(parseRangeWeeks('12')).toBe(12);
    expect(parseRangeWeeks('5')).toBe(8);
    expect(parseRangeWeeks(undefined)).toBe(8);
  });
});
