/** Channel rules, first match wins; tested against `utm_medium`, then `utm_source`, then the referrer's host. */
const RULES: [string, RegExp][] = [
  ['ads', /^(cpc|ppc|cpm|cpv|display|ads?|paid.*)$/],
  ['email', /mail|newsletter/],
  ['social', /social|facebook|instagram|twitter|linkedin|lnkd|pinterest|reddit|tiktok|youtube|(^|\.)(t\.co|x\.com)$/],
  ['search', /search|organic|google|bing|yahoo|duckduckgo|ecosia|qwant|baidu|yandex/],
];

const classify = (text: string) => RULES.find(([, rule]) => rule.test(text))?.[0];

const getHost = (url: string) => url.match(/^\w+:\/\/([^/?#:]+)/)?.[1];

/**
 * Where a visit comes from, from the landing URL's UTM parameters (or an ad click id:
 * `gclid`, `fbclid`, `msclkid`…) and else the referrer: `[channel, campaignKey]`, where
 * the channel is `ads`, `social`, `search`, `email` or `referral`, and the key tells one
 * campaign or referring site from another (a new one starts a new session).
 * `undefined` when the visit carries no source (direct, or an internal navigation).
 */
export const getChannel = (url: string, referrer: string): [channel: string, key: string] | undefined => {
  const param = (name: string) => url.match(RegExp('[?&]' + name + '=([^&#]*)'))?.[1]?.toLowerCase() || '';
  const medium = param('utm_medium') || (/[?&](gclid|gbraid|wbraid|dclid|fbclid|msclkid)=/.test(url) ? 'cpc' : '');
  const source = param('utm_source');
  const campaign = medium + '/' + source + '/' + param('utm_campaign');
  if (campaign != '//') return [classify(medium) || classify(source) || 'referral', campaign];
  const host = getHost(referrer);
  if (host && host != getHost(url)) return [classify(host) || 'referral', host];
  return undefined;
};
