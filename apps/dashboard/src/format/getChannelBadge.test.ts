import { describe, expect, it } from 'vitest';
import { CHANNEL_COLOURS, getChannelBadge, KNOWN_CHANNELS } from './getChannelBadge.js';

/** WCAG 2.x contrast ratio of two `#rrggbb` colours. */
function getContrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((at) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('getChannelBadge', () => {
  it('labels every known channel', () => {
    expect(KNOWN_CHANNELS.map((channel) => getChannelBadge(channel).label)).toEqual([
      'Ads',
      'Social',
      'Search',
      'Email',
      'Referral',
      'Direct',
      'Web',
      'Mobile',
      'Store',
      'Call centre',
    ]);
  });

  it('gives every known channel its own background', () => {
    const backgrounds = KNOWN_CHANNELS.map((channel) => getChannelBadge(channel).background);
    expect(new Set(backgrounds).size).toBe(KNOWN_CHANNELS.length);
  });

  it.each(Object.entries(CHANNEL_COLOURS))('draws %s at WCAG AA contrast', (name, colours) => {
    const ratio = getContrastRatio(colours.background, colours.foreground);
    expect(ratio, `${name}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  });

  it.each([undefined, '', '  ', 'unknown', 'UNKNOWN'])('shows %j as an unknown channel', (channel) => {
    expect(getChannelBadge(channel)).toMatchObject({ channel: 'unknown', label: 'Unknown', isUnknown: true });
  });

  it('keeps a company’s own channel, readable, on the neutral colour', () => {
    expect(getChannelBadge('partner_app')).toEqual({
      channel: 'partner_app',
      label: 'Partner app',
      ...CHANNEL_COLOURS.other,
      isUnknown: false,
    });
  });

  it('matches channels whatever their case', () => {
    expect(getChannelBadge('Email')).toMatchObject({ channel: 'email', ...CHANNEL_COLOURS.email });
  });
});
