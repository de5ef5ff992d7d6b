import { setTimeout as sleep } from 'node:timers/promises';

/** The shortest time between two pushes to one subscription. */
export const LIVE_PUSH_INTERVAL_MS = 1_000;

/**
 * Tells a project's live subscriptions that touchpoints were stored, in this process.
 * The collector calls `publish` once a batch with new touchpoints is committed; each
 * subscription (`watch`) wakes at once after a quiet spell, then at most once per
 * `intervalMs`, however many batches landed meanwhile: the load a project's traffic
 * adds is one push per second per open view, never one per batch.
 */
export class LiveFeed {
  private readonly _listeners = new Map<string, Set<() => void>>();

  /** @param intervalMs the shortest time between two pushes to one subscription (default 1 s). */
  constructor(readonly intervalMs: number = LIVE_PUSH_INTERVAL_MS) {}

  /** Touchpoints of `projectId` were committed (acknowledged = durable). */
  publish(projectId: string): void {
    for (const listener of this._listeners.get(projectId) ?? []) listener();
  }

  /** How many subscriptions are open on `projectId` (for tests and diagnostics). */
  countWatchers(projectId: string): number {
    return this._listeners.get(projectId)?.size ?? 0;
  }

  /**
   * Yields the time of each push (epoch ms) after touchpoints of `projectId` were
   * stored, coalesced as above, until `signal` aborts. It listens from this call on,
   * before the first `next()`: a batch stored while the caller reads its first answer
   * is not missed.
   */
  watch(projectId: string, signal: AbortSignal): AsyncGenerator<number, void, undefined> {
    const watcher: Watcher = { changed: false, wake: undefined };
    const listener = () => {
      watcher.changed = true;
      watcher.wake?.();
    };
    const listeners = this._listeners.get(projectId) ?? new Set();
    this._listeners.set(projectId, listeners.add(listener));
    const stop = () => {
      signal.removeEventListener('abort', stop);
      listeners.delete(listener);
      if (listeners.size === 0 && this._listeners.get(projectId) === listeners)
        this._listeners.delete(projectId);
      watcher.wake?.();
    };
    // Abort lets go at once, even of a watcher nobody iterates.
    signal.addEventListener('abort', stop);
    return this._push(watcher, signal, stop);
  }

  private async *_push(watcher: Watcher, signal: AbortSignal, stop: () => void) {
    try {
      let last = -Infinity;
      while (!signal.aborted) {
        if (!watcher.changed) await new Promise<void>((resolve) => (watcher.wake = resolve));
        watcher.wake = undefined;
        const wait = last + this.intervalMs - Date.now();
        // The batches that land during the wait ride on this push.
        if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
        if (signal.aborted) return;
        watcher.changed = false;
        last = Date.now();
        yield last;
      }
    } finally {
      stop();
    }
  }
}

/** One subscription's state: whether touchpoints landed since its last push, and how to wake it. */
interface Watcher {
  changed: boolean;
  wake: (() => void) | undefined;
}
