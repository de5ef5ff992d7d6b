/** The settings of one family of token buckets. */
export interface TokenBucketOptions {
  /** Tokens added back per second: the sustained rate allowed. */
  ratePerSecond: number;
  /** The bucket's size: what may be spent at once after a quiet spell. */
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per key (a client address, a write key), in memory, per process.
 * A key not seen for a while holds a full bucket, which is what a missing entry
 * means: so at most `maxKeys` buckets are kept, the least recently used dropped
 * first. Forgetting a bucket can only be lenient, never refuse anyone.
 */
export class TokenBuckets {
  private readonly _buckets = new Map<string, Bucket>();
  private readonly _maxKeys: number;
  private readonly _now: () => number;

  /**
   * @param options the rate and burst of every bucket.
   * @param settings `maxKeys` (default 10,000) buckets at most; `now` the clock in ms
   *   (default `performance.now`, which never goes back).
   */
  constructor(
    readonly options: TokenBucketOptions,
    settings: { maxKeys?: number; now?: () => number } = {},
  ) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) {
      throw new RangeError('a token bucket needs a positive rate and a burst of at least 1');
    }
    this._maxKeys = settings.maxKeys ?? 10_000;
    this._now = settings.now ?? (() => performance.now());
  }

  /**
   * Takes `cost` tokens (default 1) from `key`'s bucket, all or nothing. Returns 0
   * when they were taken, else the whole seconds to wait until they will be there
   * (at least 1): the `Retry-After` to send. A cost above the burst is charged as
   * the burst, or it could never pass.
   */
  take(key: string, cost = 1): number {
    const now = this._now();
    const { ratePerSecond, burst } = this.options;
    const bucket = this._buckets.get(key) ?? { tokens: burst, at: now };
    // Refresh the key's place in the Map's order: the oldest entry is the first.
    this._buckets.delete(key);
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond);
    bucket.at = now;
    this._buckets.set(key, bucket);
    if (this._buckets.size > this._maxKeys) {
      this._buckets.delete(this._buckets.keys().next().value as string);
    }
    const charge = Math.min(cost, burst);
    if (bucket.tokens >= charge) {
      bucket.tokens -= charge;
      return 0;
    }
    return Math.max(1, Math.ceil((charge - bucket.tokens) / ratePerSecond));
  }

  /** How many keys hold a bucket now. */
  get size(): number {
    return this._buckets.size;
  }
}
