import { describe, expect, it } from 'vitest';
import { formatPropertyValue, shortenText } from './formatPropertyValue.js';

describe('formatPropertyValue', () => {
  it.each([
    ['plain text', 'plain text'],
    ['', ''],
    [42, '42'],
    [0.5, '0.5'],
    [true, 'true'],
    [false, 'false'],
    [null, 'null'],
  ] as const)('shows %j as %j', (value, text) => {
    expect(formatPropertyValue(value)).toBe(text);
  });
});

describe('shortenText', () => {
  it('leaves short text alone', () => {
    expect(shortenText('abc', 3)).toBe('abc');
  });

  it('cuts long text to the limit, ellipsis included', () => {
    expect(shortenText('abcdef', 4)).toBe('abc…');
    expect(Array.from(shortenText('x'.repeat(500)))).toHaveLength(80);
  });

  it('never splits an emoji', () => {
    expect(shortenText('🛒🛒🛒🛒', 3)).toBe('🛒🛒…');
  });
});
