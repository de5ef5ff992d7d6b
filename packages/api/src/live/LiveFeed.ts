import { setTimeout as sleep } from 'node:timers/promises';

/** The shortest time between two pushes to one subscription. */
export const LIVE_PUSH_INTERVAL_MS = 1_000;

/** How often a watched project's change mark is read for touchpoints other processes stored. */
export const LIVE_POLL_INTERVAL_MS = 500;

/** Where the feed learns of touchpoints stored by other processes (see `LiveFeed`). */
export interface ChangeMarkSource {
  /** The project's change mark (`Store.getChangeMark`): any change means something was stored. */
  readMark: (projectId: string) => Promise<string>;
  /** Between two reads of one project's mark (default {@link LIVE_POLL_INTERVAL_MS}). */
  pollMs?: number | undefined;
}

/**
 * Tells a project's live subscriptions that touchpoints were stored. This process's
 * collector calls `publish` once a batch with new touchpoints is committed. Touchpoints
 * that another process stored (a second server on the same SQLite file or ClickHouse
 * database, `parcours import`) are found by `changes`: while a project has watchers,
 * the feed reads its change mark every `pollMs`, one read per project whatever the
 * number of views, and publishes when it moved. Each subscription (`watch`) wakes at
 * once after a quiet spell, then at most once per `intervalMs`, however many batches
 * landed meanwhile: the load a project's traffic adds is one push per second per open
 * view, never one per batch. A batch this process collected is seen twice (published,
 * then by the next read); the second sighting rides on the next push, at most one
 * extra refetch after a quiet spell.
 */
export class LiveFeed {
  private readonly _listeners = new Map<string, Set<() => void>>();
  private readonly _polls = new Map<string, { stopped: boolean; timer?: NodeJS.Timeout | undefined }>();

  /**
   * @param intervalMs the shortest time between two pushes to one subscription (default 1 s).
   * @param changes where other processes' touchpoints are seen; none: this process's only.
   */
  constructor(
    readonly intervalMs: number = LIVE_PUSH_INTERVAL_MS,
    private readonly changes?: ChangeMarkSource,
  ) {}

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
    this._poll(projectId);
    const stop = () => {
      signal.removeEventListener('abort', stop);
      listeners.delete(listener);
      if (listeners.size === 0 && this._listeners.get(projectId) === listeners) {
        this._listeners.delete(projectId);
        this._stopPolling(projectId);
      }
      watcher.wake?.();
    };
    // Abort lets go at once, even of a watcher nobody iterates.
    signal.addEventListener('abort', stop);
    return this._push(watcher, signal, stop);
  }

  /**
   * Reads `projectId`'s change mark now and every `pollMs` until it has no watcher,
   * publishing when the mark moved since the last read. The first read is the baseline.
   * A failed read (the store unreachable, the project deleted) is retried at the next.
   */
  private _poll(projectId: string): void {
    const changes = this.changes;
    if (changes === undefined || this._polls.has(projectId)) return;
    const poll: { stopped: boolean; timer?: NodeJS.Timeout | undefined } = { stopped: false };
    this._polls.set(projectId, poll);
    let last: string | undefined;
    const read = async () => {
      try {
        const mark = await changes.readMark(projectId);
        if (last !== undefined && mark !== last && !poll.stopped) this.publish(projectId);
        last = mark;
      } catch {
        // Retried at the next read; the views keep their last answer meanwhile.
      }
      if (poll.stopped) return;
      poll.timer = setTimeout(() => void read(), changes.pollMs ?? LIVE_POLL_INTERVAL_MS);
      // A poll never keeps a process alive on its own.
      poll.timer.unref();
    };
    void read();
  }

  private _stopPolling(projectId: string): void {
    const poll = this._polls.get(projectId);
    if (poll === undefined) return;
    poll.stopped = true;
    clearTimeout(poll.timer);
    this._polls.delete(projectId);
  }

  /** Whether `projectId`'s change mark is being polled (for tests and diagnostics). */
  isPolling(projectId: string): boolean {
    return this._polls.has(projectId);
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
