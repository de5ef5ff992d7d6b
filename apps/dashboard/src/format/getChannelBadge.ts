import type { KnownChannel } from '@parcours/api';

export type { KnownChannel };

/** How a channel is drawn: a label and a colour pair that reads at WCAG AA (≥ 4.5:1). */
export interface ChannelBadge {
  /** The channel token, `unknown` when the touchpoint has none. */
  channel: string;
  label: string;
  background: string;
  foreground: string;
  /** Drawn dashed: the touchpoint did not say where it came from. */
  isUnknown: boolean;
}

type Colours = Pick<ChannelBadge, 'background' | 'foreground'>;

/** Light tints with dark text: legible in light and dark themes alike. */
export const CHANNEL_COLOURS: Record<KnownChannel | 'unknown' | 'other', Colours> = {
  ads: { background: '#fde68a', foreground: '#713f12' },
  social: { background: '#fbcfe8', foreground: '#831843' },
  search: { background: '#bfdbfe', foreground: '#1e3a8a' },
  email: { background: '#ddd6fe', foreground: '#4c1d95' },
  referral: { background: '#d9f99d', foreground: '#365314' },
  direct: { background: '#cbd5e1', foreground: '#0f172a' },
  web: { background: '#a7f3d0', foreground: '#064e3b' },
  mobile: { background: '#a5f3fc', foreground: '#164e63' },
  store: { background: '#fed7aa', foreground: '#7c2d12' },
  call_centre: { background: '#fecaca', foreground: '#7f1d1d' },
  unknown: { background: '#f1f5f9', foreground: '#334155' },
  other: { background: '#e5e7eb', foreground: '#1f2937' },
};

/**
 * The channels the SDK derives and the demo data uses, in display order: the keys of
 * `CHANNEL_COLOURS`, whose type (the contract's `KnownChannel`) keeps them complete and
 * exact. The contract accepts any lower-case token, so a company's own channel is shown too.
 */
export const KNOWN_CHANNELS: readonly KnownChannel[] = Object.keys(CHANNEL_COLOURS).filter(
  (channel): channel is KnownChannel => channel !== 'unknown' && channel !== 'other',
);

const LABELS: Partial<Record<string, string>> = { call_centre: 'Call centre' };

function isKnownChannel(channel: string): channel is KnownChannel {
  return (KNOWN_CHANNELS as readonly string[]).includes(channel);
}

/** `partner_app` → `Partner app`: a readable label for a channel token. */
function getLabel(channel: string): string {
  const words = channel.replace(/[_-]+/g, ' ').trim();
  return LABELS[channel] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The badge of a touchpoint's channel. A missing or blank channel is `unknown`;
 * a channel Parcours does not know keeps its own name on a neutral colour.
 */
export function getChannelBadge(channel: string | undefined): ChannelBadge {
  const token = channel?.trim().toLowerCase() ?? '';
  if (token === '' || token === 'unknown') {
    return { channel: 'unknown', label: 'Unknown', ...CHANNEL_COLOURS.unknown, isUnknown: true };
  }
  const colours = isKnownChannel(token) ? CHANNEL_COLOURS[token] : CHANNEL_COLOURS.other;
  return { channel: token, label: getLabel(token), ...colours, isUnknown: false };
}
