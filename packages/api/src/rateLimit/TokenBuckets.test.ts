import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './TokenBuckets.js';

describe('TokenBuckets', () => {
  it('lets a burst through, then refuses with the seconds until the cost is back', () => {
    let now = 0;
    const buckets = new TokenBuckets({ ratePerSecond: 10, burst: 30 }, { now: () => now });
    expect(buckets.take('a', 30)).toBe(0);
    expect(buckets.take('a', 1)).toBe(1);
    expect(buckets.take('a', 25)).toBe(3);
    // Another key has its own bucket.
    expect(buckets.take('b', 30)).toBe(0);
    now = 1_000;
    expect(buckets.take('a', 10)).toBe(0);
    expect(buckets.take('a', 1)).toBe(1);
  });

  it('charges a cost above the burst as the burst, or it could never pass', () => {
    let now = 0;
    const buckets = new TokenBuckets({ ratePerSecond: 100, burst: 200 }, { now: () => now });
    expect(buckets.take('k', 500)).toBe(0);
    expect(buckets.take('k', 500)).toBe(2);
    now = 2_000;
    expect(buckets.take('k', 500)).toBe(0);
  });

  it('keeps at most maxKeys buckets, forgetting the least recently used (a full bucket)', () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 1 }, { maxKeys: 2, now: () => 0 });
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('b')).toBe(0);
    expect(buckets.take('a')).toBe(1);
    expect(buckets.take('c')).toBe(0);
    expect(buckets.size).toBe(2);
    // "b" was the least recently used: forgotten, so full again.
    expect(buckets.take('b')).toBe(0);
    // "a" was used after "b" but before "c": dropped when "b" came back.
    expect(buckets.take('c')).toBe(1);
  });

  it('refuses settings that would never let anything through', () => {
    expect(() => new TokenBuckets({ ratePerSecond: 0, burst: 10 })).toThrow(RangeError);
    expect(() => new TokenBuckets({ ratePerSecond: 1, burst: 0 })).toThrow(RangeError);
  });
});
