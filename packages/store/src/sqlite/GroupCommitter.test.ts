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
      10,
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
