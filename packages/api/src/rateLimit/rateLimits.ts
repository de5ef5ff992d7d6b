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
 * server itself. Per address: 1,000 requests a second, bursts of 10,000 (a reverse
 * proxy without `--trust-proxy` is one address for everyone). Per write key: 50,000
 * events a second, bursts of 500,000 (1,000 full batches).
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perIp: { ratePerSecond: 1_000, burst: 10_000 },
  perWriteKey: { ratePerSecond: 50_000, burst: 500_000 },
};

/** "at most 200 a second (bursts of 2000)": the limit, as every 429 states it. */
export function describeRateLimit(limit: TokenBucketOptions, unit: string): string {
  return `at most ${limit.ratePerSecond} ${unit} a second (bursts of ${limit.burst})`;
}
