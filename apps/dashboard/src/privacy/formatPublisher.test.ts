import { describe, expect, it } from 'vitest';
import { formatHashPrefix, formatPublisher } from './formatPublisher.js';

describe('formatPublisher', () => {
  it('names a member, a key, or the default settings', () => {
    expect(formatPublisher({ userId: 'usr_1', name: 'Paula' })).toBe('Paula');
    expect(formatPublisher({ key: 'release script' })).toBe('API key “release script”');
    expect(formatPublisher(null)).toBe('Parcours (the default settings)');
  });
});

describe('formatHashPrefix', () => {
  it('keeps the first 12 hex digits', () => {
    expect(formatHashPrefix('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });
});
