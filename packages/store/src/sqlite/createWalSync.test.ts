import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWalSync } from './createWalSync.js';
import { StorageFault } from './StorageFault.js';

const NORMAL = 1;
const FULL = 2;

let dir: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-walsync-'));
  db = new Database(join(dir, 'wal.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (v TEXT)');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createWalSync', () => {
  it('commits under synchronous = NORMAL and leaves the connection at FULL for every other write', () => {
    const walSync = createWalSync(db, join(dir, 'wal.db'));
    const during = walSync.commitUnsynced(() => {
      db.prepare('INSERT INTO t VALUES (?)').run('a');
      return db.pragma('synchronous', { simple: true });
    });
    expect(during).toBe(NORMAL);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(() =>
      walSync.commitUnsynced(() => {
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it('flushes the WAL file of the database', async () => {
    const walSync = createWalSync(db, join(dir, 'wal.db'));
    walSync.commitUnsynced(() => db.prepare('INSERT INTO t VALUES (?)').run('a'));
    await expect(walSync.sync()).resolves.toBeUndefined();
    await expect(walSync.sync()).resolves.toBeUndefined();
    await walSync.close();
  });

  it('rejects with a StorageFault naming the errno when the WAL cannot be flushed, and tries again', async () => {
    const walSync = createWalSync(db, join(dir, 'missing', 'other.db'));
    const fault = await walSync.sync().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(fault).toBeInstanceOf(StorageFault);
    expect((fault as StorageFault).kind).toBe('io-error');
    expect((fault as StorageFault).code).toBe('ENOENT');
    await expect(walSync.sync()).rejects.toBeInstanceOf(StorageFault);
    await walSync.close();
  });
});
