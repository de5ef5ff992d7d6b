const CHANNELS = ['ads', 'email', 'social', 'search'];

/** First match wins; tried on `utm_medium`, then `utm_source`, then the referrer's host. */
const RULES = [
  /^(cpc|ppc|cpm|display|ads?|paid.*)$/,
  /mail|newsletter/,
  /social|facebook|instagram|twitter|linkedin|lnkd|pinterest|reddit|tiktok|youtube|^(t\.co|x\.com)$/,
  /search|organic|google|bing|yahoo|duckduckgo|ecosia|qwant|baidu|yandex/,
];

const classify = (text: string) => CHANNELS[RULES.findIndex((rule) => rule.test(text))];

const getHost = (url: string) => url.split('/')[2];

/**
 * Where a visit comes from, from the landing URL's UTM parameters (or an ad click id:
 * `gclid`, `dclid`, `fbclid`, `msclkid`, `gbraid`, `wbraid`) and else the referrer:
 * `[channel, campaignKey]`, where the channel is `ads`, `social`, `search`, `email` or
 * `referral`, and the key tells one campaign or referring site from another (a new one
 * starts a new session). `undefined` when the visit carries no source (direct, or an
 * internal navigation).
 */
export const getChannel = (url: string, referrer: string): [channel: string, key: string] | undefined => {
  const param = (name: string) => (url.match('[?&]utm_' + name + '=([^&#]*)')?.[1] || '').toLowerCase();
  const medium = param('medium') || (/[?&]\w*(clk?|bra)id=/.test(url) ? 'cpc' : '');
  const source = param('source');
  const key = medium + '/' + source + '/' + param('campaign');
  const host = getHost(referrer);
  return key != '//'
    ? [classify(medium) || classify(source) || 'referral', key]
    : host && host != getHost(url)
      ? [classify(host) || 'referral', host]
      : undefined;
};
