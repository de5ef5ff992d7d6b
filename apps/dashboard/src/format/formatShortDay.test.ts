import { describe, expect, it } from 'vitest';
import { formatShortDay } from './formatShortDay.js';

describe('formatShortDay', () => {
  it('labels a UTC day in the locale', () => {
    expect(formatShortDay('2025-11-03', 'en-GB')).toBe('3 Nov');
    expect(formatShortDay('2025-11-03', 'en-US')).toBe('Nov 3');
  });

  it('returns what is not a day key unchanged', () => {
    expect(formatShortDay('yesterday', 'en-GB')).toBe('yesterday');
    expect(formatShortDay('2025-13-45', 'en-GB')).toBe('2025-13-45');
  });
});
