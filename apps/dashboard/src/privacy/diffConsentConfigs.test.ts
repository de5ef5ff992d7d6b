import { describe, expect, it } from 'vitest';
import { describeConsentField } from './describeConsentField.js';
import { diffConsentConfigs } from './diffConsentConfigs.js';
import type { ConsentConfigInput } from './privacyApi.js';
import { createTestConsentConfig as config } from './createTestConsentConfig.js';

describe('diffConsentConfigs', () => {
  it('finds no change between equal settings, and ignores the version fields of published ones', () => {
    expect(diffConsentConfigs(config(), config())).toEqual([]);
    const published = { ...config(), policyVersion: 2, configHash: 'a'.repeat(64), publishedAt: 1 };
    const later = { ...config(), policyVersion: 3, configHash: 'b'.repeat(64), publishedAt: 2 };
    expect(diffConsentConfigs(published, later)).toEqual([]);
  });

  it('names each changed field with its old and new value', () => {
    const after = config();
    after.texts.en.title = 'Your privacy';
    after.texts.fr.categories.marketing.description = 'Publicité ciblée';
    after.reaskMonths = 13;
    after.minimumPolicyVersion = 3;
    expect(diffConsentConfigs(config(), after)).toEqual([
      {
        path: 'texts.fr.categories.marketing.description',
        label: 'Marketing description (French)',
        before: 'fr marketing description',
        after: 'Publicité ciblée',
      },
      { path: 'texts.en.title', label: 'Title (English)', before: 'en title', after: 'Your privacy' },
      { path: 'reaskMonths', label: 'Ask again after (months)', before: '6', after: '13' },
      { path: 'minimumPolicyVersion', label: 'Minimum policy version', before: '—', after: '3' },
    ]);
  });

  it('compares the categories offered as a list, order included', () => {
    const fewer = { ...config(), categories: ['analytics' as const] };
    expect(diffConsentConfigs(config(), fewer)).toEqual([
      {
        path: 'categories',
        label: 'Categories offered',
        before: 'analytics, marketing, personalization',
        after: 'analytics',
      },
    ]);
    const reordered = {
      ...config(),
      categories: ['marketing' as const, 'analytics' as const, 'personalization' as const],
    };
    expect(diffConsentConfigs(config(), reordered).map((change) => change.path)).toEqual(['categories']);
  });

  it('reports a field only one side has', () => {
    const before = { ...config(), extra: 'gone' } as ConsentConfigInput;
    expect(diffConsentConfigs(before, config())).toEqual([
      { path: 'extra', label: 'extra', before: 'gone', after: '—' },
    ]);
  });
});

describe('describeConsentField', () => {
  it('reads every kind of path, and falls back to the path', () => {
    expect(describeConsentField('controllerName')).toBe('Controller’s name');
    expect(describeConsentField('texts.fr.acceptAll')).toBe('“Accept all” button (French)');
    expect(describeConsentField('texts.en.categories.personalization.label')).toBe(
      'Personalisation label (English)',
    );
    expect(describeConsentField('texts.de.title')).toBe('texts.de.title');
    expect(describeConsentField('texts.en.categories.unknown.label')).toBe(
      'texts.en.categories.unknown.label',
    );
    expect(describeConsentField('controllerName.x')).toBe('controllerName.x');
  });
});
