import { toStorageFault } from './StorageFault.js';

export interface GroupCommitterOptions {
  /** Flush as soon as a group weighs this much. Default 5,000. */
  maxGroupSize?: number | undefined;
  /**
   * Makes every group committed before the call durable, off the event loop (the WAL's
   * fdatasync, see `createWalSync`); a job is settled only once a sync begun after its
   * commit has finished. Without it, a commit is durable when it returns.
   */
  sync?: (() => Promise<void>) | undefined;
}

interface Pending<Result> {
  resolve: (r: Result) => void;
  reject: (e: unknown) => void;
}

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
 *
 * With `sync`, the disk flush is pipelined: the event loop goes on parsing and
 * committing the next groups while one sync runs on the thread pool, and the groups
 * committed meanwhile share the next sync. A failed sync rejects the jobs it was to
 * make durable with a `StorageFault` (their rows may be stored: a retry counts them as
 * duplicates, never twice).
 */
export class GroupCommitter<Job, Result> {
  private _pending: Array<Pending<Result> & { job: Job }> = [];
  private _pendingSize = 0;
  private _scheduled: NodeJS.Immediate | undefined;
  /** Committed, waiting for the next sync to begin. */
  private _unsynced: Array<Pending<Result> & { result: Result }> = [];
  private _syncing: Promise<void> | undefined;
  private readonly _maxGroupSize: number;
  private readonly _sync: (() => Promise<void>) | undefined;

  /**
   * @param commit runs every job of a group inside one transaction and returns their
   *   results in order; it must throw (and roll back) if any job fails.
   * @param sizeOf a job's weight towards `maxGroupSize` (events, for ingest).
   */
  constructor(
    private readonly _commit: (jobs: Job[]) => Result[],
    private readonly _sizeOf: (job: Job) => number,
    options: GroupCommitterOptions = {},
  ) {
    this._maxGroupSize = options.maxGroupSize ?? 5_000;
    this._sync = options.sync;
  }

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
      group.forEach((p, i) => this._settle(p, results[i]!));
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
          this._settle(p, this._commit([p.job])[0]!);
        } catch (error) {
          p.reject(toStorageFault(error) ?? error);
        }
      }
    } finally {
      this._startSync();
    }
  }

  /** Commits what is pending and resolves once every commit so far is settled (synced). */
  async drain(): Promise<void> {
    this.flush();
    while (this._syncing !== undefined) await this._syncing;
  }

  private _settle(pending: Pending<Result>, result: Result): void {
    if (this._sync === undefined) pending.resolve(result);
    else this._unsynced.push({ ...pending, result });
  }

  private _startSync(): void {
    if (this._sync === undefined || this._syncing !== undefined || this._unsynced.length === 0) return;
    const batch = this._unsynced;
    this._unsynced = [];
    this._syncing = this._sync()
      .then(
        () => {
          for (const p of batch) p.resolve(p.result);
        },
        (error: unknown) => {
          const fault = toStorageFault(error) ?? error;
          for (const p of batch) p.reject(fault);
        },
      )
      .finally(() => {
        this._syncing = undefined;
        this._startSync();
      });
  }
}
