import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './signWebhookBody.js';

describe('signWebhookBody', () => {
  const secret = 'whsec_test';
  const body = '{"persons":[{"personId":"user:ann"}]}';
  const now = Date.UTC(2026, 5, 1, 12);

  it('signs "<t>.<body>" with HMAC-SHA256, as the docs tell a receiver to check', () => {
    const t = Math.floor(now / 1_000);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhookBody(secret, body, now)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies its own signature, and refuses another body, secret, a stale time or garbage', () => {
    const header = signWebhookBody(secret, body, now);
    expect(verifyWebhookSignature(secret, body, header, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, `${body} `, header, { now })).toBe(false);
    expect(verifyWebhookSignature('whsec_other', body, header, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, { now: now + 299_000 })).toBe(true);
    expect(verifyWebhookSignature(secret, body, 't=1,v1=zz', { now })).toBe(false);
    expect(verifyWebhookSignature(secret, body, '', { now })).toBe(false);
  });
});
