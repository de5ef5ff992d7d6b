import { describe, expect, it } from 'vitest';
import { getLastDays, getPreviousRange, parseDayRange, toRangeBounds } from './dayRange.js';
import { getPageRange } from './getPageRange.js';

const HOUR = 3_600_000;
const iso = (time: number) => new Date(time).toISOString();

describe('toRangeBounds', () => {
  it('spans Paris days: 23 hours on 29 March 2026, 25 hours on 25 October', () => {
    const march = toRangeBounds({ from: '2026-03-29', to: '2026-03-29' }, 'Europe/Paris');
    expect(iso(march.from)).toBe('2026-03-28T23:00:00.000Z');
    expect(march.to + 1 - march.from).toBe(23 * HOUR);
    const october = toRangeBounds({ from: '2026-10-25', to: '2026-10-25' }, 'Europe/Paris');
    expect(iso(october.from)).toBe('2026-10-24T22:00:00.000Z');
    expect(october.to + 1 - october.from).toBe(25 * HOUR);
  });

  it('is whole UTC days for UTC', () => {
    expect(toRangeBounds({ from: '2026-03-01', to: '2026-03-31' }, 'UTC')).toEqual({
      from: Date.UTC(2026, 2, 1),
      to: Date.UTC(2026, 3, 1) - 1,
    });
  });
});

describe('getLastDays', () => {
  it('ends on the project zone’s today: 23:30 UTC is already tomorrow in Paris', () => {
    const clock = { now: Date.UTC(2026, 5, 30, 23, 30), timeZone: 'Europe/Paris' };
    expect(getLastDays(7, clock)).toEqual({ from: '2026-06-25', to: '2026-07-01' });
    expect(getLastDays(7, { ...clock, timeZone: 'UTC' })).toEqual({ from: '2026-06-24', to: '2026-06-30' });
  });
});

describe('parseDayRange and the previous period', () => {
  it('accepts real dates in order, at most 366 days', () => {
    expect(parseDayRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(parseDayRange({ from: '2026-03-31', to: '2026-03-01' })).toBeUndefined();
    expect(parseDayRange({ from: '2026-02-30', to: '2026-03-01' })).toBeUndefined();
    expect(parseDayRange({ from: '2025-01-01', to: '2026-01-02' })).toBeUndefined();
    expect(parseDayRange({ from: '2026-03-01' })).toBeUndefined();
  });

  it('gives the period of as many days just before', () => {
    expect(getPreviousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
    expect(getPreviousRange({ from: '2026-03-29', to: '2026-03-29' })).toEqual({
      from: '2026-03-28',
      to: '2026-03-28',
    });
  });

  it('prefers custom dates to a preset in the URL, and compares when asked', () => {
    const clock = { now: Date.UTC(2026, 5, 30, 12), timeZone: 'Europe/Paris' };
    const custom = getPageRange(
      { days: '7', from: '2026-03-23', to: '2026-03-29', period: 'previous' },
      clock,
    );
    expect(custom).toEqual({
      days: undefined,
      custom: { from: '2026-03-23', to: '2026-03-29' },
      range: { from: '2026-03-23', to: '2026-03-29' },
      previous: { from: '2026-03-16', to: '2026-03-22' },
    });
    expect(getPageRange({ days: '7' }, clock)).toMatchObject({
      days: 7,
      custom: undefined,
      previous: undefined,
    });
  });
});
