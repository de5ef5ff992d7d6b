import { describe, expect, it } from 'vitest';
import { checkQueryAllowList, parseNameList } from './parseNameList.js';

describe('parseNameList', () => {
  it('splits on lines and commas, trims, drops blanks and repeats', () => {
    expect(parseNameList(' utm_*\n\nref, gclid\nref \n')).toEqual(['utm_*', 'ref', 'gclid']);
    expect(parseNameList('')).toEqual([]);
  });
});

describe('checkQueryAllowList', () => {
  it('accepts names and prefixes ending in *', () => {
    expect(checkQueryAllowList(['utm_*', 'ref', 'filter[size]', 'a.b-c'])).toBeUndefined();
  });

  it('refuses a lone *, a * elsewhere than at the end, and other characters', () => {
    expect(checkQueryAllowList(['*'])).toContain('lone *');
    expect(checkQueryAllowList(['utm_*', 'a*b'])).toContain('“a*b”');
    expect(checkQueryAllowList(['e mail'])).toContain('“e mail”');
  });
});
