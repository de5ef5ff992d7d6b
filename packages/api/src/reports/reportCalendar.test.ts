import { describe, expect, it } from 'vitest';
import { getNextReportRun, getReportPeriod } from './reportCalendar.js';

const iso = (time: number) => new Date(time).toISOString();

describe('getNextReportRun', () => {
  it('is the next Monday at 08:00 (weekly), the same Monday before 08:00', () => {
    // 3 December 2026 is a Thursday.
    expect(iso(getNextReportRun('weekly', Date.UTC(2026, 11, 3, 12)))).toBe('2026-12-07T08:00:00.000Z');
    expect(iso(getNextReportRun('weekly', Date.UTC(2026, 11, 7, 7, 59)))).toBe('2026-12-07T08:00:00.000Z');
    expect(iso(getNextReportRun('weekly', Date.UTC(2026, 11, 7, 8)))).toBe('2026-12-14T08:00:00.000Z');
  });

  it('is the next 1st of a month at 08:00 (monthly), across a year', () => {
    expect(iso(getNextReportRun('monthly', Date.UTC(2026, 11, 3)))).toBe('2027-01-01T08:00:00.000Z');
    expect(iso(getNextReportRun('monthly', Date.UTC(2026, 11, 1, 7)))).toBe('2026-12-01T08:00:00.000Z');
  });

  it("follows the project's zone: 08:00 in Paris is 07:00 UTC in winter, 06:00 in summer", () => {
    expect(iso(getNextReportRun('weekly', Date.UTC(2026, 11, 3), 'Europe/Paris'))).toBe(
      '2026-12-07T07:00:00.000Z',
    );
    // The Monday after the March change (29 March 2026).
    expect(iso(getNextReportRun('weekly', Date.UTC(2026, 2, 27), 'Europe/Paris'))).toBe(
      '2026-03-30T06:00:00.000Z',
    );
  });
});

describe('getReportPeriod', () => {
  it('covers the 7 days before a weekly run, and the calendar month before a monthly one', () => {
    const weekly = getReportPeriod('weekly', Date.UTC(2026, 11, 7, 8));
    expect([iso(weekly.from), iso(weekly.to)]).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-12-06T23:59:59.999Z',
    ]);
    const monthly = getReportPeriod('monthly', Date.UTC(2027, 0, 1, 8));
    expect([iso(monthly.from), iso(monthly.to)]).toEqual([
      '2026-12-01T00:00:00.000Z',
      '2026-12-31T23:59:59.999Z',
    ]);
    // Paris: the week holding the March change is one hour short of 7 days.
    const paris = getReportPeriod('weekly', Date.UTC(2026, 2, 30, 6), 'Europe/Paris');
    expect(paris.to - paris.from + 1).toBe(7 * 86_400_000 - 3_600_000);
  });
});
