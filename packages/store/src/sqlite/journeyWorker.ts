/**
 * The journey engine's thread: holds the journey indexes and answers journey
 * questions on its own read-only connection to the database, so that building an
 * index or a property column, or a slow funnel, never delays the collector, the
 * API or static files on the main thread. Started by `createJourneyEngine`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createJourneyHost, type JourneyHostOptions } from './createJourneyHost.js';
import type { EngineReply, EngineRequest } from './journeyMessages.js';

const { filename, ...options } = workerData as { filename: string } & JourneyHostOptions;
const db = new Database(filename, { fileMustExist: true });
// Reads only: the main thread's connection is the one writer.
db.pragma('query_only = ON');
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');
const host = createJourneyHost(db, options);

parentPort!.on('message', (request: EngineRequest) => {
  if (request.kind === 'forget') {
    host.forget(request.projectRowId);
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
});
