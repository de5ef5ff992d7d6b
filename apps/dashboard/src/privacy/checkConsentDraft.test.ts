import { describe, expect, it } from 'vitest';
import { checkConsentDraft } from './checkConsentDraft.js';
import { createTestConsentConfig } from './createTestConsentConfig.js';

describe('checkConsentDraft', () => {
  it('finds nothing wrong with complete settings', () => {
    expect(checkConsentDraft(createTestConsentConfig(), 2)).toEqual({});
  });

  it('names each missing text by its field, in both languages', () => {
    const draft = createTestConsentConfig();
    draft.texts.fr.refuseAll = '  ';
    draft.texts.en.categories.marketing.description = '';
    expect(Object.keys(checkConsentDraft(draft, 2))).toEqual([
      'texts.fr.refuseAll',
      'texts.en.categories.marketing.description',
    ]);
  });

  it('asks no text of a category that is not offered, but at least one category', () => {
    const draft = createTestConsentConfig();
    draft.categories = ['analytics'];
    draft.texts.en.categories.marketing.label = '';
    expect(checkConsentDraft(draft, 2)).toEqual({});
    draft.categories = [];
    expect(Object.keys(checkConsentDraft(draft, 2))).toEqual(['categories']);
  });

  it('wants a controller and an absolute http(s) policy URL', () => {
    const draft = { ...createTestConsentConfig(), controllerName: ' ', privacyPolicyUrl: '/privacy' };
    expect(Object.keys(checkConsentDraft(draft, 2))).toEqual(['controllerName', 'privacyPolicyUrl']);
    expect(
      checkConsentDraft({ ...draft, controllerName: 'X', privacyPolicyUrl: 'javascript:alert(1)' }, 2),
    ).toHaveProperty('privacyPolicyUrl');
    expect(
      checkConsentDraft({ ...draft, controllerName: 'X', privacyPolicyUrl: 'http://x.example/p' }, 2),
    ).toEqual({});
  });

  it('keeps the re-ask period within 1–13 whole months', () => {
    for (const months of [0, 14, 6.5, Number.NaN])
      expect(checkConsentDraft({ ...createTestConsentConfig(), reaskMonths: months }, 2)).toHaveProperty(
        'reaskMonths',
      );
    for (const months of [1, 13])
      expect(checkConsentDraft({ ...createTestConsentConfig(), reaskMonths: months }, 2)).toEqual({});
  });

  it('accepts a minimum version up to the one being published, or none', () => {
    const at = (minimumPolicyVersion: number | null) =>
      checkConsentDraft({ ...createTestConsentConfig(), minimumPolicyVersion }, 4);
    expect(at(null)).toEqual({});
    expect(at(4)).toEqual({});
    expect(at(1)).toEqual({});
    expect(at(5)).toHaveProperty('minimumPolicyVersion', 'Choose a version from 1 to 4, or none.');
    expect(at(0)).toHaveProperty('minimumPolicyVersion');
  });
});
