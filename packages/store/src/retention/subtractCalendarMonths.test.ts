import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subtractCalendarMonths } from './subtractCalendarMonths.js';

const at = (iso: string) => Date.parse(iso);

describe('subtractCalendarMonths', () => {
  it('keeps the day and time of day', () => {
    expect(subtractCalendarMonths(at('2026-12-03T17:30:00Z'), 25)).toBe(at('2024-11-03T17:30:00Z'));
    expect(subtractCalendarMonths(at('2026-01-15T00:00:00Z'), 1)).toBe(at('2025-12-15T00:00:00Z'));
  });

  it('takes the last day of a shorter month, leap years included', () => {
    expect(subtractCalendarMonths(at('2026-03-31T08:00:00Z'), 1)).toBe(at('2026-02-28T08:00:00Z'));
    expect(subtractCalendarMonths(at('2024-03-31T08:00:00Z'), 1)).toBe(at('2024-02-29T08:00:00Z'));
    expect(subtractCalendarMonths(at('2026-07-31T00:00:00Z'), 25)).toBe(at('2024-06-30T00:00:00Z'));
  });

  it('is zero months away from itself and moves back monotonically', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: 0, max: 60 }),
        (time, months) => {
          expect(subtractCalendarMonths(time, 0)).toBe(time);
          const earlier = subtractCalendarMonths(time, months + 1);
          expect(earlier).toBeLessThan(subtractCalendarMonths(time, months));
          // Within a day of months × 28..31 days back.
          const days = (time - earlier) / 86_400_000;
          expect(days).toBeGreaterThanOrEqual((months + 1) * 28 - 3);
          expect(days).toBeLessThanOrEqual((months + 1) * 31 + 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
