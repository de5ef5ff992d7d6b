import type { ConsentRecord } from '@parcours/schema';
import { DEFAULT_COLLECTION_SETTINGS, type StoredEvent } from '@parcours/store';
import { describe, expect, it } from 'vitest';
import { minimiseConsentRecords, minimiseEvents } from './minimiseEvents.js';

const page: StoredEvent = {
  id: 'e1',
  type: 'page',
  name: '/account/ann@example.com?tab=1',
  anonymousId: 'device-1',
  userId: 'user-1',
  timestamp: 1_760_000_000_000,
  properties: {
    plan: 'ann@example.com',
    phone: '+33 6 12 34 56 78',
    amount: 42,
    card: 4111111111111111,
    landing: 'https://shop.example/?utm_source=news&token=abc',
    'bob@example.com': true,
    none: null,
  },
  context: {
    url: 'https://ann:pw@shop.example/p?email=ann%40example.com&utm_campaign=spring#frag',
    staging: 'http://10.0.0.5:8080/from/203.0.113.7',
    referrer: 'https://search.example/?q=ann+lee',
    path: '/p',
    title: 'Order for +33 6 12 34 56 78',
  },
};

describe('minimiseEvents', () => {
  it('cuts URLs to the allow-list and redacts values, keys and page names by default', () => {
    const [stored] = minimiseEvents([page], DEFAULT_COLLECTION_SETTINGS);
    expect(stored).toEqual({
      ...page,
      name: '/account/[email]',
      properties: {
        plan: '[email]',
        phone: '[phone]',
        amount: 42,
        card: '[card]',
        landing: 'https://shop.example/?utm_source=news',
        '[email]': true,
        none: null,
      },
      context: {
        url: 'https://shop.example/p?utm_campaign=spring',
        // The host is the site's address, kept; an address after it is redacted.
        staging: 'http://10.0.0.5:8080/from/[ip]',
        referrer: 'https://search.example/',
        path: '/p',
        title: 'Order for [phone]',
      },
    });
    // The identifiers are what erasure finds: kept as sent. The input is not mutated.
    expect(stored!.userId).toBe('user-1');
    expect(page.properties!.plan).toBe('ann@example.com');
  });

  it('redacts nothing when the project turns it off, but still applies the allow-list', () => {
    const [stored] = minimiseEvents([page], { ...DEFAULT_COLLECTION_SETTINGS, redactPii: false });
    expect(stored!.properties!.plan).toBe('ann@example.com');
    expect(stored!.name).toBe('/account/ann@example.com');
    expect(stored!.context!.url).toBe('https://shop.example/p?utm_campaign=spring');
  });

  it('leaves exempt properties alone, naming context keys with their prefix', () => {
    const [stored] = minimiseEvents([page], {
      ...DEFAULT_COLLECTION_SETTINGS,
      queryAllowList: ['utm_*', 'email'],
      piiExemptProperties: ['plan', 'context.title', 'title'],
    });
    expect(stored!.properties!.plan).toBe('ann@example.com');
    expect(stored!.properties!.phone).toBe('[phone]');
    expect(stored!.context!.title).toBe('Order for +33 6 12 34 56 78');
    // Allowed, then redacted: the parameter stays, its value does not.
    expect(stored!.context!.url).toBe('https://shop.example/p?email=[email]&utm_campaign=spring');
  });

  it('redacts consent-record paths and drops their query', () => {
    const record: ConsentRecord = {
      id: 'r1',
      timestamp: 1,
      granted: ['analytics'],
      denied: [],
      policyVersion: '1',
      source: 'banner',
      path: '/u/ann@example.com?token=x',
    };
    expect(minimiseConsentRecords([record], DEFAULT_COLLECTION_SETTINGS)[0]!.path).toBe('/u/[email]');
    const off = { ...DEFAULT_COLLECTION_SETTINGS, redactPii: false };
    expect(minimiseConsentRecords([record], off)[0]!.path).toBe('/u/ann@example.com?token=x');
  });
});
