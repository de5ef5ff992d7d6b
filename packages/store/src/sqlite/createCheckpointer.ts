import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { getWorkerUrl } from './getWorkerUrl.js';

/** What the checkpoint thread is started with. */
export interface CheckpointerData {
  filename: string;
  /** Between two checkpoints. */
  intervalMs: number;
  /** A WAL of this many frames is worth starting over; SQLite's own checkpoints start at 1,000. */
  restartFrames: number;
}

/** Between the main thread and the checkpoint thread. */
export type CheckpointerMessage = { kind: 'finish' } | { kind: 'stop' };

export interface Checkpointer {
  /** Starts the thread now (a server, before it listens), if it is not running yet. */
  start(): void;
  /** Called after each group commit: the first one starts the thread. */
  afterCommit(): void;
  /** Stops the thread (the connection's close checkpoints what is left). */
  close(): Promise<void>;
}

/** SQLite's default `wal_autocheckpoint`, put back if the thread ends. */
const AUTOCHECKPOINT_FRAMES = 1_000;

/**
 * Checkpoints off the main thread. SQLite checkpoints a WAL database on the connection
 * that commits past 1,000 WAL frames: the collector's event loop then stood still
 * while the frames were copied into the database and both files synced (10–30 ms
 * every few group commits, 80–150 ms after a restart's index build, whose long read
 * had held the WAL back). Here `wal_autocheckpoint` is off on `db`, and a thread with
 * its own connection runs a PASSIVE checkpoint every `intervalMs` (it waits for no
 * writer and no reader; SQLite lets a checkpoint run beside the writer). The WAL can
 * only start over when a writer begins after a checkpoint that caught up: when the
 * thread has almost caught up with a WAL past `restartFrames`, the main thread runs
 * the last small checkpoint itself, between two group commits. Durability is
 * SQLite's own: a checkpoint syncs the WAL before copying it and the database after.
 * If the thread ends unexpectedly, `db` checkpoints itself again as SQLite does. The
 * thread starts at the first group commit (a store that only reads needs none), or at
 * `start()`.
 */
export function createCheckpointer(
  db: Database.Database,
  filename: string,
  options: { intervalMs?: number; restartFrames?: number } = {},
): Checkpointer {
  const { intervalMs = 100, restartFrames = AUTOCHECKPOINT_FRAMES } = options;
  let exited: Promise<void> | undefined;
  let thread: Worker | undefined;
  let stopping = false;
  const start = () => {
    thread = new Worker(getWorkerUrl('checkpointWorker'), {
      workerData: { filename, intervalMs, restartFrames } satisfies CheckpointerData,
    });
    // The store's owner closes it; it must not keep the process alive.
    thread.unref();
    db.pragma('wal_autocheckpoint = 0');
    thread.on('message', (message: CheckpointerMessage) => {
      if (message.kind !== 'finish' || !db.open || db.inTransaction) return;
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // A storage fault: the next group commit meets it and answers for it; the thread asks again.
      }
    });
    // An error (a file it could not open) ends the thread too: then SQLite checkpoints as before.
    thread.on('error', () => undefined);
    exited = new Promise<void>((resolve) => thread!.once('exit', () => resolve())).then(() => {
      if (!stopping && db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_FRAMES}`);
    });
  };
  const startOnce = () => {
    if (thread === undefined && !stopping) start();
  };
  return {
    start: startOnce,
    afterCommit: startOnce,
    async close() {
      stopping = true;
      // Kept alive until it has closed its connection: an unref'd thread's exit alone
      // would not keep the process waiting for it.
      thread?.ref();
      thread?.postMessage({ kind: 'stop' } satisfies CheckpointerMessage);
      await exited;
    },
  };
}
