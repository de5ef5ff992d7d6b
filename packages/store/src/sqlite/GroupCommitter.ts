import { toStorageFault } from './StorageFault.js';

/**
 * Group commit: gathers the writes of concurrent requests and commits them in one
 * transaction, then settles every request. better-sqlite3 is synchronous and an
 * fsync per HTTP request would cap ingest at the disk's sync rate; one fsync per
 * group keeps "acknowledged = committed" while serving many requests per sync.
 *
 * A group is flushed on the next turn of the event loop (`setImmediate`), so every
 * request whose body finished parsing in the current I/O phase joins it, or at
 * once when it holds `maxGroupSize` items. A storage fault (disk full, read-only,
 * locked, I/O) rejects every job of the group with a `StorageFault`.
 */
export class GroupCommitter<Job, Result> {
  private _pending: Array<{ job: Job; resolve: (r: Result) => void; reject: (e: unknown) => void }> = [];
  private _pendingSize = 0;
  private _scheduled: NodeJS.Immediate | undefined;

  /**
   * @param commit runs every job of a group inside one transaction and returns their
   *   results in order; it must throw (and roll back) if any job fails.
   * @param sizeOf a job's weight towards `maxGroupSize` (events, for ingest).
   * @param maxGroupSize flush as soon as a group weighs this much. Default 5,000.
   */
  constructor(
    private readonly _commit: (jobs: Job[]) => Result[],
    private readonly _sizeOf: (job: Job) => number,
    private readonly _maxGroupSize = 5_000,
  ) {}

  submit(job: Job): Promise<Result> {
    return new Promise((resolve, reject) => {
      this._pending.push({ job, resolve, reject });
      this._pendingSize += this._sizeOf(job);
      if (this._pendingSize >= this._maxGroupSize) this.flush();
      else this._scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits what is pending now. Safe to call at any time (and on shutdown). */
  flush(): void {
    if (this._scheduled !== undefined) clearImmediate(this._scheduled);
    this._scheduled = undefined;
    const group = this._pending;
    if (group.length === 0) return;
    this._pending = [];
    this._pendingSize = 0;
    try {
      const results = this._commit(group.map((p) => p.job));
      group.forEach((p, i) => p.resolve(results[i]!));
    } catch (groupError) {
      // A full disk or a lock fails every job alike: retrying each alone would only
      // wait out the busy timeout once per job. The group rolled back: all of it failed.
      const fault = toStorageFault(groupError);
      if (group.length === 1 || fault !== undefined) {
        for (const p of group) p.reject(fault ?? groupError);
        return;
      }
      // One bad job must not fail its neighbours: retry each in its own transaction.
      for (const p of group) {
        try {
          p.resolve(this._commit([p.job])[0]!);
        } catch (error) {
          p.reject(toStorageFault(error) ?? error);
        }
      }
    }
  }
}
