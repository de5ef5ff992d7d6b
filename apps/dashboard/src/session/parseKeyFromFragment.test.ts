import { describe, expect, it } from 'vitest';
import { parseKeyFromFragment } from './parseKeyFromFragment.js';

describe('parseKeyFromFragment', () => {
  it('reads the key of the URL the CLI prints', () => {
    expect(parseKeyFromFragment('#key=sk_AbC-123_xyz')).toBe('sk_AbC-123_xyz');
  });

  it('accepts the fragment without its #', () => {
    expect(parseKeyFromFragment('key=sk_1')).toBe('sk_1');
  });

  it('decodes percent-encoding and ignores other parameters', () => {
    expect(parseKeyFromFragment('#from=cli&key=sk_a%2Bb&x=1')).toBe('sk_a+b');
  });

  it('trims whitespace a copy and paste may add', () => {
    expect(parseKeyFromFragment('#key=%20sk_1%20')).toBe('sk_1');
  });

  it.each(['', '#', '#key=', '#key=%20', '#token=sk_1', '#/person?key=sk_1', '#/person'])(
    'finds no key in %j',
    (fragment) => {
      expect(parseKeyFromFragment(fragment)).toBeUndefined();
    },
  );
});
