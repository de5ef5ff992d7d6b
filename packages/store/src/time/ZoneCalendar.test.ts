import { describe, expect, it } from 'vitest';
import { formatDay, getZoneCalendar, isTimeZone, parseDay, ZoneCalendar } from './ZoneCalendar.js';

const HOUR = 3_600_000;
const paris = new ZoneCalendar('Europe/Paris');
const dayOf = (text: string) => parseDay(text)!;
const lengthOf = (calendar: ZoneCalendar, day: string) =>
  (calendar.getDayStart(dayOf(day) + 1) - calendar.getDayStart(dayOf(day))) / HOUR;

describe('ZoneCalendar', () => {
  it('starts Paris days at Paris midnight: 23:00 UTC in winter, 22:00 UTC in summer', () => {
    expect(new Date(paris.getDayStart(dayOf('2026-03-28'))).toISOString()).toBe('2026-03-27T23:00:00.000Z');
    expect(new Date(paris.getDayStart(dayOf('2026-03-29'))).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(paris.getDayStart(dayOf('2026-03-30'))).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(paris.getDayStart(dayOf('2026-10-25'))).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(new Date(paris.getDayStart(dayOf('2026-10-26'))).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('gives the days of the changes 23 and 25 hours, their neighbours 24', () => {
    expect(lengthOf(paris, '2026-03-28')).toBe(24);
    expect(lengthOf(paris, '2026-03-29')).toBe(23);
    expect(lengthOf(paris, '2026-03-30')).toBe(24);
    expect(lengthOf(paris, '2026-10-24')).toBe(24);
    expect(lengthOf(paris, '2026-10-25')).toBe(25);
    expect(lengthOf(paris, '2026-10-26')).toBe(24);
  });

  it('places instants on either side of the changes in their Paris day', () => {
    // 01:59:59 then 03:00 local on 29 March; 02:59:59 +02:00 then 02:00 +01:00 on 25 October.
    expect(paris.getOffset(Date.UTC(2026, 2, 29, 0, 59, 59))).toBe(HOUR);
    expect(paris.getOffset(Date.UTC(2026, 2, 29, 1))).toBe(2 * HOUR);
    expect(paris.getOffset(Date.UTC(2026, 9, 25, 0, 59, 59))).toBe(2 * HOUR);
    expect(paris.getOffset(Date.UTC(2026, 9, 25, 1))).toBe(HOUR);
    expect(formatDay(paris.getDay(Date.UTC(2026, 2, 28, 22, 59, 59, 999)))).toBe('2026-03-28');
    expect(formatDay(paris.getDay(Date.UTC(2026, 2, 28, 23)))).toBe('2026-03-29');
    expect(formatDay(paris.getDay(Date.UTC(2026, 2, 29, 21, 59, 59, 999)))).toBe('2026-03-29');
    expect(formatDay(paris.getDay(Date.UTC(2026, 2, 29, 22)))).toBe('2026-03-30');
    expect(formatDay(paris.getDay(Date.UTC(2026, 9, 25, 22, 59, 59, 999)))).toBe('2026-10-25');
    expect(formatDay(paris.getDay(Date.UTC(2026, 9, 25, 23)))).toBe('2026-10-26');
  });

  it('agrees with Intl on every hour of 2026 in Paris', () => {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += HOUR / 2) {
      expect(formatDay(paris.getDay(t))).toBe(date.format(t));
    }
  });

  it('starts weeks on the local Monday, also the week holding the October change', () => {
    const week = paris.getWeek(Date.UTC(2026, 9, 25, 12));
    expect(new Date(paris.getWeekStart(week)).toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(new Date(paris.getWeekStart(week + 1)).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    // Sunday 23:30 in Paris is still the week before; UTC would already say Monday.
    expect(paris.getWeek(Date.UTC(2026, 9, 25, 22, 30))).toBe(week);
  });

  it('finds the start of a day whose midnight is skipped (Santiago, clocks 00:00 → 01:00)', () => {
    const santiago = new ZoneCalendar('America/Santiago');
    const start = santiago.getDayStart(dayOf('2026-09-06'));
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(formatDay(santiago.getDay(start - 1))).toBe('2026-09-05');
  });

  it('is UTC with no offset by default', () => {
    const utc = getZoneCalendar();
    expect(utc.timeZone).toBe('UTC');
    expect(utc.getDayStart(dayOf('2026-03-29'))).toBe(Date.UTC(2026, 2, 29));
    expect(utc.getDaySpan({ from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 31, 23) })).toEqual({
      firstDay: dayOf('2026-03-01'),
      dayCount: 31,
    });
  });

  it('knows IANA names and refuses offsets and garbage, naming the zone', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('+01:00')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(() => new ZoneCalendar('Europe/Atlantis')).toThrow(/Europe\/Atlantis/);
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseDay('2026-10-25')).toBe(Date.UTC(2026, 9, 25) / 86_400_000);
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('25/10/2026')).toBeUndefined();
  });
});
