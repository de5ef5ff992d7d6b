import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  countDaysBetween,
  formatCalendarDay,
  getDaysInMonth,
  isCalendarDay,
} from './addCalendarMonths.js';
import { getDueState, getRequestDueDates } from './getRequestDueDates.js';

describe('the due date of a data-subject request (Art. 12(3))', () => {
  it.each([
    ['2026-01-15', '2026-02-15', '2026-04-15'],
    ['2026-01-31', '2026-02-28', '2026-04-28'],
    ['2028-01-31', '2028-02-29', '2028-04-29'], // leap year
    ['2028-01-29', '2028-02-29', '2028-04-29'],
    ['2026-01-29', '2026-02-28', '2026-04-28'],
    ['2028-02-29', '2028-03-29', '2028-05-29'],
    ['2026-03-31', '2026-04-30', '2026-06-30'],
    ['2026-05-31', '2026-06-30', '2026-08-30'],
    ['2026-08-31', '2026-09-30', '2026-11-30'],
    ['2026-11-30', '2026-12-30', '2027-02-28'], // the extension crosses the year and February
    ['2026-12-31', '2027-01-31', '2027-03-31'],
    ['2100-01-31', '2100-02-28', '2100-04-28'], // 2100 is not a leap year
    ['2000-01-31', '2000-02-29', '2000-04-29'], // 2000 is
  ])('received %s: due %s, extended %s', (receivedOn, dueOn, extendedDueOn) => {
    expect(getRequestDueDates(receivedOn)).toEqual({ dueOn, extendedDueOn });
  });

  it('refuses what is not a calendar day', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-05', '05/01/2026', '2026-04-31']) {
      expect(isCalendarDay(bad), bad).toBe(false);
      expect(() => addCalendarMonths(bad, 1)).toThrow(RangeError);
    }
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });

  const day = fc
    .date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
    .map((date) => formatCalendarDay(date.getTime()));

  it('keeps its invariants on any day (fast-check)', () => {
    fc.assert(
      fc.property(day, (receivedOn) => {
        const { dueOn, extendedDueOn } = getRequestDueDates(receivedOn);
        const [y, m, d] = receivedOn.split('-').map(Number) as [number, number, number];
        const [dy, dm, dd] = dueOn.split('-').map(Number) as [number, number, number];
        // The next month, the same day or that month's last one.
        expect(dy * 12 + dm).toBe(y * 12 + m + 1);
        expect(dd).toBe(Math.min(d, getDaysInMonth(dy, dm)));
        expect(countDaysBetween(receivedOn, dueOn)).toBeGreaterThanOrEqual(28);
        expect(countDaysBetween(receivedOn, dueOn)).toBeLessThanOrEqual(31);
        // Two further months: 59 to 62 days after the first due date, never past receipt + 3 months.
        expect(countDaysBetween(dueOn, extendedDueOn)).toBeGreaterThanOrEqual(59);
        expect(countDaysBetween(dueOn, extendedDueOn)).toBeLessThanOrEqual(62);
        expect(extendedDueOn <= addCalendarMonths(receivedOn, 3)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never gives a later receipt an earlier due date (fast-check)', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(getRequestDueDates(early).dueOn <= getRequestDueDates(late).dueOn).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('getDueState', () => {
  it('overdue after the due day, due this week within 7 days, closed requests neither', () => {
    expect(getDueState('2026-03-10', '2026-03-11', false)).toBe('overdue');
    expect(getDueState('2026-03-10', '2026-03-10', false)).toBe('dueThisWeek');
    expect(getDueState('2026-03-10', '2026-03-04', false)).toBe('dueThisWeek');
    expect(getDueState('2026-03-10', '2026-03-03', false)).toBe('onTime');
    expect(getDueState('2026-03-10', '2026-04-01', true)).toBe('closed');
    // Across a month end.
    expect(getDueState('2026-03-02', '2026-02-27', false)).toBe('dueThisWeek');
    expect(getDueState('2026-03-01', '2026-02-28', false)).toBe('dueThisWeek');
  });
});
