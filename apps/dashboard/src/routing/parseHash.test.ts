import { describe, expect, it } from 'vitest';
import { createHash, parseHash } from './parseHash.js';

describe('parseHash', () => {
  it('reads a page and its parameters', () => {
    expect(parseHash('#/person?userId=u_42')).toEqual({ path: 'person', params: { userId: 'u_42' } });
  });

  it('gives the default page for an empty or foreign hash', () => {
    for (const hash of ['', '#', '#/', '#key=sk_1', '#section-2']) {
      expect(parseHash(hash)).toEqual({ path: '', params: {} });
    }
  });

  it('ignores trailing slashes', () => {
    expect(parseHash('#/person/')).toEqual({ path: 'person', params: {} });
  });

  it('round-trips values with reserved characters', () => {
    const params = { anonymousId: 'a b&c=d/é?#', userId: '+33 6 12' };
    expect(parseHash(createHash('person', params))).toEqual({ path: 'person', params });
  });

  it('leaves the query off when there are no parameters', () => {
    expect(createHash('person')).toBe('#/person');
  });
});
