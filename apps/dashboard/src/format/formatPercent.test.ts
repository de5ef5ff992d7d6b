import { describe, expect, it } from 'vitest';
import { formatCount, formatNps, formatPercent } from './formatPercent.js';

describe('formatPercent', () => {
  it('shows a rate as a percentage with one decimal at most', () => {
    expect(formatPercent(0.425, 1, 'en')).toBe('42.5%');
    expect(formatPercent(1, 1, 'en')).toBe('100%');
    expect(formatPercent(0.12345, 0, 'en')).toBe('12%');
  });

  it('reads a dash for rates that are not numbers', () => {
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('formatNps', () => {
  it('signs positive scores and rounds', () => {
    expect(formatNps(12.4)).toBe('+12');
    expect(formatNps(-7.6)).toBe('-8');
    expect(formatNps(0)).toBe('0');
  });

  it('reads a dash without responses', () => {
    expect(formatNps(null)).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups digits', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
  });
});
