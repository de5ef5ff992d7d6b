/**
 * The WAL's checkpoint thread (see `createCheckpointer`): every `intervalMs`, a
 * PASSIVE checkpoint on a connection of its own copies the committed WAL frames into
 * the database file and syncs it, never waiting for the writer or the readers. When
 * it has almost caught up with a WAL worth restarting, it asks the main thread to
 * finish (a small checkpoint there lets its next write start the WAL over).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CheckpointerData, CheckpointerMessage } from './createCheckpointer.js';

const { filename, intervalMs, restartFrames } = workerData as CheckpointerData;
const db = new Database(filename, { fileMustExist: true });
// A checkpoint syncs the WAL before copying it, and the database once it is copied.
db.pragma('synchronous = FULL');

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
