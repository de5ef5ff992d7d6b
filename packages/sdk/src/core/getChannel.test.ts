import { describe, expect, it } from 'vitest';
import { getChannel } from './getChannel.js';

describe('getChannel', () => {
  it.each([
    ['https://shop.test/?utm_source=google&utm_medium=cpc&utm_campaign=spring', '', 'ads'],
    ['https://shop.test/?gclid=Cj0KCQ', '', 'ads'],
    ['https://shop.test/?fbclid=IwAR', 'https://l.facebook.com/', 'ads'],
    ['https://shop.test/?utm_source=newsletter&utm_medium=email', '', 'email'],
    ['https://shop.test/?utm_source=linkedin&utm_medium=social', '', 'social'],
    ['https://shop.test/?utm_source=facebook', '', 'social'],
    ['https://shop.test/?utm_source=partner-blog', '', 'referral'],
    ['https://shop.test/p', 'https://www.google.fr/', 'search'],
    ['https://shop.test/p', 'https://duckduckgo.com/', 'search'],
    ['https://shop.test/p', 'https://t.co/abc', 'social'],
    ['https://shop.test/p', 'https://www.instagram.com/', 'social'],
    ['https://shop.test/p', 'https://mail.google.com/', 'email'],
    ['https://shop.test/p', 'https://blog.example.org/post', 'referral'],
  ])('%s from %s is %s', (url, referrer, channel) => {
    expect(getChannel(url, referrer)?.[0]).toBe(channel);
  });

  it('has no source for a direct visit or an internal navigation', () => {
    expect(getChannel('https://shop.test/', '')).toBeUndefined();
    expect(getChannel('https://shop.test/cart', 'https://shop.test/p')).toBeUndefined();
  });

  it('tells campaigns and referring sites apart by their key', () => {
    const spring = getChannel('https://shop.test/?utm_medium=email&utm_campaign=spring', '')![1];
    const summer = getChannel('https://shop.test/?utm_medium=email&utm_campaign=summer', '')![1];
    expect(spring).not.toBe(summer);
    expect(getChannel('https://shop.test/a?utm_medium=email&utm_campaign=spring#x', '')![1]).toBe(spring);
    expect(getChannel('https://shop.test/', 'https://a.example/')![1]).not.toBe(
      getChannel('https://shop.test/', 'https://b.example/')![1],
    );
  });
});
