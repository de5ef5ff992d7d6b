/**
 * Webhooks: destinations, their secrets (once) and delivery logs. Its own page, not a
 * Settings tab: analysts use it, and Settings is the owners'.
 */
export const WEBHOOKS_PATH = 'webhooks';
