/**
 * The WAL's checkpoint thread (see `createCheckpointer`): every `intervalMs`, once the
 * WAL holds `restartFrames` frames not yet copied, a PASSIVE checkpoint on a
 * connection of its own copies them into the database file and syncs it, never
 * waiting for the writer or the readers. When it has almost caught up, it asks the
 * main thread to finish (a small checkpoint there lets its next write start the WAL over).
 */
import { endianness } from 'node:os';
import { fdatasyncSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CheckpointerData, CheckpointerMessage } from './createCheckpointer.js';

const { filename, intervalMs, restartFrames } = workerData as CheckpointerData;
const db = new Database(filename, { fileMustExist: true });
// A checkpoint syncs the WAL before copying it, and the database once it has copied all of it.
db.pragma('synchronous = FULL');
const database = openSync(filename, 'r');

/**
 * The WAL-index header in `<db>-shm`, as SQLite documents it
 * (https://www.sqlite.org/walformat.html): its version, the frames in the WAL
 * (`mxFrame`) and the frames copied into the database (`nBackfill`), in the machine's
 * byte order. Read without a lock: a trigger, never a truth (the checkpoint itself is SQLite's).
 */
const WAL_INDEX = { version: 0, frames: 16, copied: 96, size: 100, knownVersion: 3_007_000 } as const;
const header = Buffer.alloc(WAL_INDEX.size);
const readU32 = (offset: number) =>
  endianness() === 'LE' ? header.readUInt32LE(offset) : header.readUInt32BE(offset);
let walIndex: number | undefined;

/** Frames in the WAL and frames copied; undefined when the header cannot be read as documented. */
function readWalProgress(): { frames: number; copied: number } | undefined {
  try {
    walIndex ??= openSync(`${filename}-shm`, 'r');
    if (readSync(walIndex, header, 0, WAL_INDEX.size, 0) < WAL_INDEX.size) return undefined;
    if (readU32(WAL_INDEX.version) !== WAL_INDEX.knownVersion) return undefined;
    return { frames: readU32(WAL_INDEX.frames), copied: readU32(WAL_INDEX.copied) };
  } catch {
    return undefined;
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
  // As SQLite's own checkpoints: nothing before the WAL holds `restartFrames` frames
  // (a small WAL, or a full disk's, stays as it is), nothing when all are copied.
  const progress = readWalProgress();
  if (progress !== undefined && (progress.frames < restartFrames || progress.copied >= progress.frames))
    return;
  const result = checkpoint();
  if (result === undefined) return;
  if (result.checkpointed < result.log) {
    // SQLite syncs the database only after a checkpoint that copied every frame: sync what
    // this one copied here, so that the main thread's last small checkpoint syncs little.
    try {
      fdatasyncSync(database);
    } catch {
      // The checkpoint that completes syncs it anyway.
    }
  }
  // Caught up or nearly: only a checkpoint on the writer's own connection, between two of
  // its transactions, reliably lets its next write start the WAL over (measured).
  if (result.log - result.checkpointed <= restartFrames) {
    parentPort!.postMessage({ kind: 'finish' } satisfies CheckpointerMessage);
  }
}, intervalMs);

parentPort!.on('message', (message: CheckpointerMessage) => {
  if (message.kind !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
