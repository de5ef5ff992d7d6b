/**
 * The WAL's checkpoint thread (see `createCheckpointer`): every `intervalMs`, once the
 * WAL file is large enough to hold `restartFrames` frames, a PASSIVE checkpoint on a
 * connection of its own copies the committed WAL frames into the database file and
 * syncs it, never waiting for the writer or the readers. When
 * it has almost caught up with a WAL worth restarting, it asks the main thread to
 * finish (a small checkpoint there lets its next write start the WAL over).
 */
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CheckpointerData, CheckpointerMessage } from './createCheckpointer.js';

const { filename, intervalMs, restartFrames } = workerData as CheckpointerData;
const db = new Database(filename, { fileMustExist: true });
// A checkpoint syncs the WAL before copying it, and the database once it is copied.
db.pragma('synchronous = FULL');
/** A WAL file smaller than this holds fewer than `restartFrames` frames (32-byte header, 24 a frame). */
const smallWalBytes = 32 + restartFrames * ((db.pragma('page_size', { simple: true }) as number) + 24);

/** True while the WAL file is too small to hold `restartFrames` frames: SQLite would not checkpoint it yet. */
function isWalSmall(): boolean {
  try {
    return statSync(`${filename}-wal`).size < smallWalBytes;
  } catch {
    return true;
  }
}

/** One PASSIVE checkpoint: how many frames the WAL holds, and how many of them are copied. */
function checkpoint(): { log: number; checkpointed: number } | undefined {
  try {
    return (db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>)[0];
  } catch {
    // A passing fault (I/O, a lock): the next round tries again.
    return undefined;
  }
}

const timer = setInterval(() => {
  // As SQLite's own checkpoints: none before 1,000 frames (a small WAL, or a full disk's, stays as it is).
  if (isWalSmall()) return;
  const result = checkpoint();
  if (result === undefined) return;
  if (result.log >= restartFrames && result.log - result.checkpointed <= restartFrames) {
    parentPort!.postMessage({ kind: 'finish' } satisfies CheckpointerMessage);
  }
}, intervalMs);

parentPort!.on('message', (message: CheckpointerMessage) => {
  if (message.kind !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
