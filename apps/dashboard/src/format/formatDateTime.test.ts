import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatTime, getDayKey } from './formatDateTime.js';

// 2025-11-03T23:30:05Z: a Monday evening in London, already Tuesday in Paris.
const lateMonday = Date.UTC(2025, 10, 3, 23, 30, 5);

describe('date and time formatting', () => {
  it('shows the time of day with seconds in the viewer’s time zone', () => {
    expect(formatTime(lateMonday, { locale: 'en-GB', timeZone: 'Europe/London' })).toBe('23:30:05');
    expect(formatTime(lateMonday, { locale: 'en-GB', timeZone: 'Europe/Paris' })).toBe('00:30:05');
  });

  it('follows the locale’s clock', () => {
    expect(formatTime(lateMonday, { locale: 'en-US', timeZone: 'UTC' })).toMatch(/^11:30:05\sPM$/);
  });

  it('names the whole day for headings', () => {
    // ICU versions differ on the comma after the weekday.
    expect(formatDay(lateMonday, { locale: 'en-GB', timeZone: 'UTC' })).toMatch(/^Monday,? 3 November 2025$/);
    expect(formatDay(lateMonday, { locale: 'fr-FR', timeZone: 'Europe/Paris' })).toBe(
      'mardi 4 novembre 2025',
    );
  });

  it('gives a short date and time for summaries', () => {
    expect(formatDateTime(lateMonday, { locale: 'en-GB', timeZone: 'UTC' })).toMatch(/^3 Nov 2025,? 23:30$/);
  });

  it('keys days by the calendar of the time zone', () => {
    expect(getDayKey(lateMonday, { timeZone: 'UTC' })).toBe('2025-11-03');
    expect(getDayKey(lateMonday, { timeZone: 'Europe/Paris' })).toBe('2025-11-04');
    expect(getDayKey(lateMonday, { timeZone: 'America/New_York', locale: 'ar-EG' })).toBe('2025-11-03');
  });
});
