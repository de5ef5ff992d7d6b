import type { TokenBucketOptions } from './TokenBuckets.js';

/** The rate limits of the collector; `false` turns one off. */
export interface RateLimits {
  /** Requests under `/trpc` per client address (counted before the body is read). */
  perIp: TokenBucketOptions | false;
  /** Events (or consent records) per write key, whatever address sends them. */
  perWriteKey: TokenBucketOptions | false;
}

/**
 * Generous on purpose: a shop's visitors behind one office or mobile-carrier NAT
 * share an address, and a site's whole traffic shares its write key. They stop one
 * client or one key from taking the whole server; load shedding (503) protects the
 * server itself. Per address: 200 requests a second, bursts of 2,000. Per write
 * key: 20,000 events a second, bursts of 200,000 (400 full batches).
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perIp: { ratePerSecond: 200, burst: 2_000 },
  perWriteKey: { ratePerSecond: 20_000, burst: 200_000 },
};

/** "at most 200 a second (bursts of 2000)": the limit, as every 429 states it. */
export function describeRateLimit(limit: TokenBucketOptions, unit: string): string {
  return `at most ${limit.ratePerSecond} ${unit} a second (bursts of ${limit.burst})`;
}
