import type { DayRange } from './dayRange.js';

/** A range in words: `1 March 2026 – 31 March 2026`, or one date when it is a single day. */
export function describeRange(range: DayRange): string {
  const format = (day: string) =>
    new Date(`${day}T00:00:00.000Z`).toLocaleDateString('en-GB', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
  return range.from === range.to ? format(range.from) : `${format(range.from)} – ${format(range.to)}`;
}
