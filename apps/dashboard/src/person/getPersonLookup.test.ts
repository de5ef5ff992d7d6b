import { describe, expect, it } from 'vitest';
import { parseHash } from '../routing/parseHash.js';
import { createPersonHash, describePersonLookup, getPersonLookup } from './getPersonLookup.js';

describe('getPersonLookup', () => {
  it('reads each kind of id', () => {
    expect(getPersonLookup({ userId: 'u_1' })).toEqual({ kind: 'userId', value: 'u_1' });
    expect(getPersonLookup({ anonymousId: 'a_1' })).toEqual({ kind: 'anonymousId', value: 'a_1' });
    expect(getPersonLookup({ personId: 'p_1' })).toEqual({ kind: 'personId', value: 'p_1' });
  });

  it('names nobody without a non-blank id', () => {
    expect(getPersonLookup({})).toBeUndefined();
    expect(getPersonLookup({ userId: '  ', other: 'x' })).toBeUndefined();
  });

  it('picks one id when a URL carries several, since the API takes exactly one', () => {
    expect(getPersonLookup({ anonymousId: 'a_1', userId: 'u_1' })).toEqual({ kind: 'userId', value: 'u_1' });
  });

  it('links to the page that shows the same person', () => {
    const lookup = { kind: 'anonymousId', value: 'a 1&x' } as const;
    expect(getPersonLookup(parseHash(createPersonHash('prj_1', lookup)).params)).toEqual(lookup);
    expect(parseHash(createPersonHash('prj_1', lookup)).path).toBe('p/prj_1/person');
  });

  it('reads as a phrase', () => {
    expect(describePersonLookup({ kind: 'userId', value: 'u_42' })).toBe('user id “u_42”');
  });
});

describe('toPersonInput', () => {
  it('sends exactly one id, with the project and the limit', async () => {
    const { toPersonInput, TIMELINE_LIMIT } = await import('./toPersonInput.js');
    expect(toPersonInput('prj_1', { kind: 'anonymousId', value: 'a_1' })).toEqual({
      projectId: 'prj_1',
      limit: TIMELINE_LIMIT,
      anonymousId: 'a_1',
    });
    expect(toPersonInput('prj_1', { kind: 'userId', value: 'u_1' })).toEqual({
      projectId: 'prj_1',
      limit: TIMELINE_LIMIT,
      userId: 'u_1',
    });
  });
});
