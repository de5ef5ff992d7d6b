/**
 * The journey engine's thread: holds the journey indexes and answers journey
 * questions on its own read-only connection to the database, so that building an
 * index or a property column, or a slow funnel, never delays the collector, the
 * API or static files on the main thread. Started by `createJourneyEngine`.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createJourneyHost, type JourneyHostOptions } from './createJourneyHost.js';
import type { EngineReply, EngineRequest } from './journeyMessages.js';

/**
 * On Linux a thread is a task with a nice value of its own: this one yields the CPU
 * to the main thread (the collector) when both want it. `/proc/thread-self` names
 * the task; elsewhere the thread keeps the process's priority.
 */
function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: the engine still runs, at the same priority.
  }
}
lowerThreadPriority();

const { filename, ...options } = workerData as { filename: string } & JourneyHostOptions;
const db = new Database(filename, { fileMustExist: true });
// Reads only: the main thread's connection is the one writer.
db.pragma('query_only = ON');
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');
const host = createJourneyHost(db, options);

/** After an answer (not before it): the snapshots that are due. */
const saveSoon = () => setImmediate(() => host.saveSnapshots());

parentPort!.on('message', (request: EngineRequest) => {
  if (request.kind === 'save') {
    host.saveSnapshots(true);
    parentPort!.postMessage({ id: -1, ok: true, result: null } satisfies EngineReply);
    return;
  }
  if (request.kind === 'forget') {
    host.forget(request.projectRowId);
    return;
  }
  if (request.kind === 'warm') {
    try {
      host.warm(request.projectRowId);
      parentPort!.postMessage({ id: 0, ok: true, result: request.projectRowId } satisfies EngineReply);
      saveSoon();
    } catch {
      // The first question about it will meet the same error and report it.
    }
    return;
  }
  let reply: EngineReply;
  try {
    reply = { id: request.id, ok: true, result: host.run(request.projectRowId, request.call) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    reply = { id: request.id, ok: false, error: { name, message } };
  }
  parentPort!.postMessage(reply);
  saveSoon();
});
