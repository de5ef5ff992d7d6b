import { describe, expect, it } from 'vitest';
import { toRangeBounds } from '../time/dayRange.js';
import { getWeekRange, parseRangeWeeks } from './getWeekRange.js';

const inUtc = (weeks: number, now: number) =>
  toRangeBounds(getWeekRange(weeks, { now, timeZone: 'UTC' }), 'UTC');

describe('getWeekRange', () => {
  it('starts on the Monday weeks - 1 weeks before this one and ends with today', () => {
    // Wednesday 17 June 2026, 15:00 UTC.
    const { from, to } = inUtc(4, Date.UTC(2026, 5, 17, 15));
    expect(new Date(from).toISOString()).toBe('2026-05-25T00:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2026-06-17T23:59:59.999Z');
  });

  it('on a Monday, this week is today alone', () => {
    const { from, to } = inUtc(1, Date.UTC(2026, 5, 15, 8));
    expect(new Date(from).toISOString()).toBe('2026-06-15T00:00:00.000Z');
    expect(to - from).toBe(86_400_000 - 1);
  });

  it('follows the project zone: Monday 00:30 in Paris is still Sunday in UTC', () => {
    const now = Date.UTC(2026, 9, 25, 23, 30);
    expect(getWeekRange(2, { now, timeZone: 'Europe/Paris' })).toEqual({
      from: '2026-10-19',
      to: '2026-10-26',
    });
    expect(getWeekRange(2, { now, timeZone: 'UTC' })).toEqual({ from: '2026-10-12', to: '2026-10-25' });
  });

  it('reads only the offered spans from the URL', () => {
    expect(parseRangeWeeks('12')).toBe(12);
    expect(parseRangeWeeks('5')).toBe(8);
    expect(parseRangeWeeks(undefined)).toBe(8);
  });
});
