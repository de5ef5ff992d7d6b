import { describe, expect, it } from 'vitest';
import { getAnnotationPeriods } from './compareAnnotation.js';

const iso = (time: number) => new Date(time).toISOString();

describe('getAnnotationPeriods', () => {
  it('takes UTC days by default: the days before the first annotated day, and after the last', () => {
    const { before, after } = getAnnotationPeriods({ fromDay: '2026-06-10', toDay: '2026-06-11' }, 7);
    expect([iso(before.from), iso(before.to)]).toEqual([
      '2026-06-03T00:00:00.000Z',
      '2026-06-09T23:59:59.999Z',
    ]);
    expect([iso(after.from), iso(after.to)]).toEqual([
      '2026-06-12T00:00:00.000Z',
      '2026-06-18T23:59:59.999Z',
    ]);
  });

  it("follows the project's zone across a daylight-saving change (Europe/Paris, 29 March 2026)", () => {
    const { before, after } = getAnnotationPeriods(
      { fromDay: '2026-03-30', toDay: '2026-03-30' },
      7,
      'Europe/Paris',
    );
    // Before: 23 to 29 March, Paris days; the 29th is 23 hours long (CET, then CEST).
    expect([iso(before.from), iso(before.to)]).toEqual([
      '2026-03-22T23:00:00.000Z',
      '2026-03-29T21:59:59.999Z',
    ]);
    expect(before.to - before.from + 1).toBe(7 * 86_400_000 - 3_600_000);
    // After: 31 March to 6 April, all CEST.
    expect([iso(after.from), iso(after.to)]).toEqual([
      '2026-03-30T22:00:00.000Z',
      '2026-04-06T21:59:59.999Z',
    ]);
  });
});
