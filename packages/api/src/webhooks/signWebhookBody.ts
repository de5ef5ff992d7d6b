import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of a webhook request (see docs/webhooks.md). */
export const WEBHOOK_HEADERS = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
  signature: 'Parcours-Signature',
  /** The delivery's id: the same on every retry, for the receiver to ignore a repeat. */
  delivery: 'Parcours-Delivery',
} as const;

/** A receiver refuses a signature older than this (replay); the default of verifyWebhookSignature. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

function getHmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * The `Parcours-Signature` value of `body` sent at `now` (epoch ms): the timestamp is
 * signed with the body, so a captured request cannot be replayed later with a new one.
 */
export function signWebhookBody(secret: string, body: string, now = Date.now()): string {
  const timestamp = Math.floor(now / 1_000);
  return `t=${timestamp},v1=${getHmac(secret, timestamp, body)}`;
}

/**
 * True when `header` is a valid signature of the raw `body` with `secret`, made at most
 * `toleranceSeconds` (default 300) from `now`. Compared in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  options: { now?: number; toleranceSeconds?: number } = {},
): boolean {
  const { now = Date.now(), toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS } = options;
  const parts = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1');
  if (!Number.isInteger(timestamp) || signature === undefined || !/^[0-9a-f]{64}$/.test(signature)) {
    return false;
  }
  if (Math.abs(now / 1_000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(getHmac(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
