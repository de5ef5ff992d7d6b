import { describe, expect, it } from 'vitest';
import { describeLanguage, describePolicyVersion, getConsentShares } from './getConsentShares.js';

describe('getConsentShares', () => {
  it('divides each kind of choice by the decisions, the rest counted as other', () => {
    expect(getConsentShares({ decisions: 8, acceptAll: 4, refuseAll: 2, custom: 1, gpcShare: 0.25 })).toEqual(
      {
        decisions: 8,
        acceptAll: 0.5,
        refuseAll: 0.25,
        custom: 0.125,
        other: 0.125,
        gpc: 0.25,
      },
    );
  });

  it('has no rate without a decision, rather than 0 %', () => {
    const shares = getConsentShares({ decisions: 0, acceptAll: 0, refuseAll: 0, custom: 0, gpcShare: 0 });
    expect(shares.decisions).toBe(0);
    for (const key of ['acceptAll', 'refuseAll', 'custom', 'other', 'gpc'] as const)
      expect(shares[key]).toBeNaN();
  });

  it('never gives a negative other share', () => {
    expect(getConsentShares({ decisions: 2, acceptAll: 2, refuseAll: 1, custom: 0, gpcShare: 0 }).other).toBe(
      0,
    );
  });
});

describe('describeLanguage', () => {
  it('names the banner languages, shows others as their tag, and an absent one as unknown', () => {
    expect(describeLanguage('fr')).toBe('French (fr)');
    expect(describeLanguage('en-GB')).toBe('English (en-GB)');
    expect(describeLanguage('de')).toBe('de');
    expect(describeLanguage(null)).toBe('Unknown');
    expect(describeLanguage('')).toBe('Unknown');
  });
});

describe('describePolicyVersion', () => {
  it('names a version, number or string, and says when there is none', () => {
    expect(describePolicyVersion(3)).toBe('Version 3');
    expect(describePolicyVersion('2')).toBe('Version 2');
    expect(describePolicyVersion(null)).toBe('No version');
    expect(describePolicyVersion('')).toBe('No version');
  });
});
