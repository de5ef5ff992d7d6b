import { describe, expect, it } from 'vitest';
import { compileQueryAllowList, keepAllowedQuery } from './keepAllowedQuery.js';

const utm = compileQueryAllowList(['utm_*']);

describe('keepAllowedQuery', () => {
  it('keeps only utm_* parameters by default, in order and encoding, and drops the fragment', () => {
    expect(
      keepAllowedQuery(
        'https://shop.example/p?utm_source=news&email=ann%40example.com&token=s3cr3t&UTM_Medium=mail#access_token=x',
        utm,
      ),
    ).toBe('https://shop.example/p?utm_source=news&UTM_Medium=mail');
  });

  it('drops the question mark when nothing is kept, and leaves a URL without query alone', () => {
    expect(keepAllowedQuery('https://shop.example/p?token=abc', utm)).toBe('https://shop.example/p');
    expect(keepAllowedQuery('https://shop.example/p', utm)).toBe('https://shop.example/p');
    expect(keepAllowedQuery('/checkout?step=2#top', utm)).toBe('/checkout');
    expect(keepAllowedQuery('', utm)).toBe('');
  });

  it('matches exact names and prefixes ending in *, decoding names', () => {
    const allow = compileQueryAllowList(['ref', 'gclid', 'utm_*']);
    expect(keepAllowedQuery('/a?ref=x&referrer=y&gclid=1&utm%5Fterm=z&refx', allow)).toBe(
      '/a?ref=x&gclid=1&utm%5Fterm=z',
    );
    // `ref` is exact: `referrer` and `refx` are dropped; a malformed name matches nothing.
    expect(keepAllowedQuery('/a?%E0%A4%A=1&ref', allow)).toBe('/a?ref');
  });

  it('keeps nothing with an empty allow-list', () => {
    expect(keepAllowedQuery('/a?utm_source=x', compileQueryAllowList([]))).toBe('/a');
  });
});
