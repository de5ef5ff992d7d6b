/** Failed sign-ins allowed per email and per IP within the window. */
export const SIGN_IN_FAILURES_ALLOWED = 5;
/** How long a failed sign-in counts. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Most keys remembered: a flood of distinct emails cannot grow memory without bound. */
const MAX_TRACKED = 100_000;

/**
 * Counts failed sign-ins per key (`email:…`, `ip:…`) in a sliding window. In memory:
 * one server process is the default deployment; behind several processes each keeps
 * its own count, so the bound is per process.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly allowed = SIGN_IN_FAILURES_ALLOWED,
    private readonly windowMs = SIGN_IN_WINDOW_MS,
  ) {}

  /** Milliseconds until the keys may try again, or 0 when they may now. */
  getRetryAfterMs(keys: readonly string[]): number {
    let wait = 0;
    for (const key of keys) {
      const recent = this.prune(key);
      if (recent.length >= this.allowed) {
        wait = Math.max(wait, recent[recent.length - this.allowed]! + this.windowMs - this.now());
      }
    }
    return wait;
  }

  recordFailure(keys: readonly string[]): void {
    if (this.failures.size >= MAX_TRACKED) this.evictExpired();
    for (const key of keys) {
      const recent = this.prune(key);
      recent.push(this.now());
      this.failures.set(key, recent);
    }
  }

  /** A successful sign-in clears the email's count (not the IP's). */
  clear(key: string): void {
    this.failures.delete(key);
  }

  private prune(key: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }

  private evictExpired(): void {
    for (const key of [...this.failures.keys()]) this.prune(key);
    // Still full of live entries: drop the oldest keys (Map keeps insertion order).
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_TRACKED) break;
      this.failures.delete(key);
    }
  }
}
