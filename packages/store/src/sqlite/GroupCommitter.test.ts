import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { GroupCommitter } from './GroupCommitter.js';
import { StorageFault } from './StorageFault.js';

describe('GroupCommitter', () => {
  it('commits the jobs submitted in one turn together', async () => {
    const groups: number[][] = [];
    const committer = new GroupCommitter<number, number>(
      (jobs) => (groups.push(jobs), jobs.map((j) => j * 2)),
      () => 1,
    );
    const results = await Promise.all([1, 2, 3].map((j) => committer.submit(j)));
    expect(results).toEqual([2, 4, 6]);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('flushes early when a group reaches its size', async () => {
    const groups: number[][] = [];
    const committer = new GroupCommitter<number, number>(
      (jobs) => (groups.push(jobs), jobs),
      (job) => job,
      { maxGroupSize: 10 },
    );
    await Promise.all([4, 6, 1, 2].map((j) => committer.submit(j)));
    expect(groups).toEqual([
      [4, 6],
      [1, 2],
    ]);
  });

  it('retries each job alone when the group fails, so one bad job fails only itself', async () => {
    const committer = new GroupCommitter<number, number>(
      (jobs) => {
        if (jobs.includes(13)) throw new Error('unlucky');
        return jobs;
      },
      () => 1,
    );
    const results = await Promise.allSettled([1, 13, 2].map((j) => committer.submit(j)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails the whole group at once on a storage fault, each job with a StorageFault', async () => {
    let commits = 0;
    const committer = new GroupCommitter<number, number>(
      () => {
        commits++;
        throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
      },
      () => 1,
    );
    const results = await Promise.allSettled([1, 2, 3].map((j) => committer.submit(j)));
    expect(commits).toBe(1);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as StorageFault;
      expect(reason).toBeInstanceOf(StorageFault);
      expect(reason.kind).toBe('disk-full');
    }
  });
});

describe('GroupCommitter with a sync', () => {
  /** A sync the test finishes by hand: `syncs` holds one settle function per call. */
  function manualSync() {
    const syncs: Array<{ finish: () => void; fail: (error: unknown) => void }> = [];
    const sync = () => new Promise<void>((resolve, reject) => syncs.push({ finish: resolve, fail: reject }));
    return { syncs, sync };
  }
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('settles a committed job only once a sync begun after its commit has finished', async () => {
    const { syncs, sync } = manualSync();
    const committed: number[][] = [];
    const committer = new GroupCommitter<number, number>(
      (jobs) => (committed.push(jobs), jobs.map((j) => j * 2)),
      () => 1,
      { sync },
    );
    const settled: number[] = [];
    const results = [1, 2, 3].map((j) => committer.submit(j).then((r) => (settled.push(r), r)));
    await nextTurn();
    await nextTurn();
    expect(committed).toEqual([[1, 2, 3]]);
    expect(syncs).toHaveLength(1);
    expect(settled).toEqual([]);
    syncs[0]!.finish();
    expect(await Promise.all(results)).toEqual([2, 4, 6]);
  });

  it('commits the next groups while a sync runs, and makes them durable with one more sync', async () => {
    const { syncs, sync } = manualSync();
    const committed: number[][] = [];
    const committer = new GroupCommitter<number, number>(
      (jobs) => (committed.push(jobs), jobs),
      () => 1,
      { sync },
    );
    const first = committer.submit(1);
    await nextTurn();
    const second = committer.submit(2);
    await nextTurn();
    const third = committer.submit(3);
    await nextTurn();
    // Three groups committed, the first one's sync still running: no second sync yet.
    expect(committed).toEqual([[1], [2], [3]]);
    expect(syncs).toHaveLength(1);
    syncs[0]!.finish();
    expect(await first).toBe(1);
    await nextTurn();
    expect(syncs).toHaveLength(2);
    syncs[1]!.finish();
    expect(await Promise.all([second, third])).toEqual([2, 3]);
  });

  it('rejects the jobs of a failed sync with a StorageFault, and syncs the later ones again', async () => {
    const { syncs, sync } = manualSync();
    const committer = new GroupCommitter<number, number>(
      (jobs) => jobs,
      () => 1,
      { sync },
    );
    const lost = committer.submit(1);
    await nextTurn();
    const later = committer.submit(2);
    await nextTurn();
    syncs[0]!.fail(new StorageFault('io-error', 'EIO'));
    const reason = await lost.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(reason).toBeInstanceOf(StorageFault);
    expect((reason as StorageFault).kind).toBe('io-error');
    await nextTurn();
    expect(syncs).toHaveLength(2);
    syncs[1]!.finish();
    expect(await later).toBe(2);
  });

  it('drains: commits what is pending and waits for its sync', async () => {
    const { syncs, sync } = manualSync();
    const committer = new GroupCommitter<number, number>(
      (jobs) => jobs,
      () => 1,
      { sync },
    );
    const job = committer.submit(7);
    let drained = false;
    const draining = committer.drain().then(() => (drained = true));
    await nextTurn();
    expect(syncs).toHaveLength(1);
    expect(drained).toBe(false);
    syncs[0]!.finish();
    await draining;
    expect(await job).toBe(7);
  });
});
