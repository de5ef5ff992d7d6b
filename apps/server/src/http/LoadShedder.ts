import type { ServerLimits } from './ServerLimits.js';

/** From this share of the memory ceiling, collect sheds: requests in flight need room. */
const SHED_AT_MEMORY_SHARE = 0.85;
/** The event-loop delay is the worst of the current and the previous window. */
const WINDOW_MS = 500;
/** How often the lag sampler asks to run: a late run is a blocked loop. */
const SAMPLE_MS = 20;
/** Resident memory is read at most this often (a read of /proc on Linux). */
const RSS_TTL_MS = 100;

/** Why the collector refuses now, and when to come back. */
export interface Overload {
  reason: string;
  retryAfter: number;
}

/**
 * Decides, before a collector request's body is read, whether to take it on. Three
 * signs of overload, each answered with 503 and `Retry-After` instead of a queue
 * that only makes every request wait longer: too many collector requests in flight
 * (their bodies waiting to be parsed and committed), an event loop that was
 * blocked too long in the last second, resident memory near the ceiling.
 */
export class LoadShedder {
  private _inFlight = 0;
  private _rss = 0;
  private _rssAt = -Infinity;
  private _previousWindowMaxMs = 0;
  private _windowMaxMs = 0;
  private _windowStart = performance.now();
  private _lastSample = performance.now();
  private readonly _timer: NodeJS.Timeout;

  constructor(private readonly _limits: ServerLimits) {
    // A sampler rather than perf_hooks' monitorEventLoopDelay, whose histogram
    // missed a 400 ms block in a test: a timer that runs late measures the block itself.
    this._timer = setInterval(() => this._sampleLag(), SAMPLE_MS).unref();
  }

  private _sampleLag(): void {
    const now = performance.now();
    this._windowMaxMs = Math.max(this._windowMaxMs, now - this._lastSample - SAMPLE_MS);
    this._lastSample = now;
    if (now - this._windowStart < WINDOW_MS) return;
    this._previousWindowMaxMs = this._windowMaxMs;
    this._windowMaxMs = 0;
    this._windowStart = now;
  }

  /** The longest the event loop was blocked in the last 0.5 to 1 s, in ms; the current block included. */
  getEventLoopDelayMs(): number {
    const current = performance.now() - this._lastSample - SAMPLE_MS;
    return Math.max(this._previousWindowMaxMs, this._windowMaxMs, current);
  }

  /** The overload to answer with, or undefined when the request may come in. */
  getOverload(): Overload | undefined {
    const { maxCollectsInFlight, maxEventLoopDelayMs, maxMemoryMb } = this._limits;
    if (this._inFlight >= maxCollectsInFlight) {
      return {
        reason: `${this._inFlight} collector requests in flight, at most ${maxCollectsInFlight}`,
        retryAfter: 1,
      };
    }
    const delayMs = Math.round(this.getEventLoopDelayMs());
    if (delayMs > maxEventLoopDelayMs) {
      return {
        reason: `the event loop was blocked ${delayMs} ms, at most ${maxEventLoopDelayMs}`,
        retryAfter: 2,
      };
    }
    const rssMb = Math.round(this.getRss() / (1024 * 1024));
    if (rssMb >= maxMemoryMb * SHED_AT_MEMORY_SHARE) {
      return { reason: `memory at ${rssMb} MiB of its ${maxMemoryMb} MiB ceiling`, retryAfter: 5 };
    }
    return undefined;
  }

  /** Counts a collector request in flight until `done` fires (its response's `close`). */
  track(done: { once(event: 'close', listener: () => void): unknown }): void {
    this._inFlight++;
    done.once('close', () => this._inFlight--);
  }

  /** Resident memory in bytes, read at most every 100 ms. */
  getRss(): number {
    const now = performance.now();
    if (now - this._rssAt > RSS_TTL_MS) {
      this._rss = process.memoryUsage.rss();
      this._rssAt = now;
    }
    return this._rss;
  }

  /** Stops measuring (the server closed). */
  stop(): void {
    clearInterval(this._timer);
  }
}
