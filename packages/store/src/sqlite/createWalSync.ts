import { open, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { StorageFault, type StorageFaultKind } from './StorageFault.js';

/** Durability for group commits, without stalling the event loop on the disk. */
export interface WalSync {
  /**
   * Runs `commit` (a transaction) under `synchronous = NORMAL`: its pages are written
   * to the WAL file (the OS's cache) but not flushed; the connection is back to FULL
   * for every other write when it returns.
   */
  commitUnsynced<T>(commit: () => T): T;
  /** fdatasync of the WAL file: every transaction committed before the call is then on the disk. */
  sync(): Promise<void>;
  /** Closes the WAL file (not the connection). */
  close(): Promise<void>;
}

/** The errno codes of a failed flush, as the kinds of storage fault a client is told about. */
const KIND_OF_ERRNO: Readonly<Record<string, StorageFaultKind>> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
};

function toSyncFault(error: unknown): StorageFault {
  const code = (error as { code?: unknown }).code;
  const errno = typeof code === 'string' ? code : 'EIO';
  return new StorageFault(KIND_OF_ERRNO[errno] ?? 'io-error', errno, { cause: error });
}

/**
 * The commit of `synchronous = FULL`, in two halves. Under FULL, SQLite's COMMIT writes
 * the transaction's pages to the WAL and then fdatasyncs it, on the calling thread:
 * the collector's event loop stood still for every sync (about 7 ms a group here,
 * 40% of a group commit's time). Under NORMAL the COMMIT only writes (WAL mode stays
 * consistent: https://www.sqlite.org/pragma.html#pragma_synchronous, and checkpoints
 * still sync the WAL before copying it and the database after), and `sync()` then
 * runs the same fdatasync on the WAL file on libuv's thread pool. A commit whose sync
 * has finished survives a power cut, as under FULL; the group committer acknowledges
 * nothing before that. A kill -9 in between loses nothing either: the pages are in
 * the OS's cache.
 *
 * The WAL file is opened at the first sync (it exists once a transaction was
 * committed) and kept: SQLite only deletes it when its last connection closes, and
 * this store's connection is open until `close`, so the file descriptor stays the
 * WAL's (a `wal_checkpoint(TRUNCATE)` truncates the same file).
 */
export function createWalSync(db: Database.Database, filename: string): WalSync {
  const walPath = `${resolve(filename)}-wal`;
  let wal: Promise<FileHandle> | undefined;
  return {
    commitUnsynced(commit) {
      // Not a prepared statement: SQLite applies this pragma when it compiles it.
      db.exec('PRAGMA synchronous = NORMAL');
      try {
        return commit();
      } finally {
        db.exec('PRAGMA synchronous = FULL');
      }
    },
    async sync() {
      try {
        // A WAL that could not be opened is tried again at the next sync.
        wal ??= open(walPath, 'r').catch((error: unknown) => {
          wal = undefined;
          throw error;
        });
        await (await wal).datasync();
      } catch (error) {
        throw toSyncFault(error);
      }
    },
    async close() {
      const handle = await wal?.catch(() => undefined);
      wal = undefined;
      await handle?.close();
    },
  };
}
