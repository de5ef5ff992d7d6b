import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { JourneyEngineBusyError, QueryBudgetError } from '../engine/journeyErrors.js';
import { InvalidCursorError } from '../InvalidCursorError.js';
import { createJourneyHost, type JourneyCall, type JourneyHostOptions } from './createJourneyHost.js';
import type { EngineReply, EngineRequest } from './journeyMessages.js';

export interface JourneyEngineOptions extends JourneyHostOptions {
  /** A question not answered after this long gets a JourneyEngineBusyError (a 503). Default 20 s. */
  queryTimeoutMs?: number | undefined;
  /**
   * The same, for a project whose index has not answered since the engine started
   * (it is being built): the caller hears "warming up" quickly while the build goes
   * on. Default: `queryTimeoutMs`; 2 s for a store that warms its indexes at open
   * (`warmUp`, what the server does).
   */
  warmingTimeoutMs?: number | undefined;
  /** Questions waiting or running at most; past it, new ones are refused busy at once. Default 8. */
  maxQueuedQueries?: number | undefined;
  /** Heap of the engine's thread in MiB (V8's old generation); past it the thread restarts. Default: Node's. */
  heapMb?: number | undefined;
  /** Where the engine's thread failures are reported. Default `console.error`. */
  logError?: ((message: string, error: unknown) => void) | undefined;
}

/** Answers journey questions; see `createJourneyHost` for what an answer sees. */
export interface JourneyEngine {
  run(projectRowId: number, call: JourneyCall): Promise<unknown>;
  /** Builds (catches up) these projects' indexes in the background, before anyone asks. */
  warm(projectRowIds: ReadonlyArray<number>): void;
  forget(projectRowId: number): void;
  close(): Promise<void>;
}

/** For `:memory:` databases, which no second connection can open: on the caller's thread. */
export function createInlineJourneyEngine(
  db: Database.Database,
  options: JourneyEngineOptions = {},
): JourneyEngine {
  const host = createJourneyHost(db, options);
  let saving: NodeJS.Immediate | undefined;
  return {
    run: async (projectRowId, call) => {
      const result = host.run(projectRowId, call);
      // After the answer: what is due (usually nothing) is saved on the next turn.
      saving ??= setImmediate(() => {
        saving = undefined;
        host.saveSnapshots();
      });
      return result;
    },
    // On the caller's thread, a build in the background would be a stall.
    warm: () => {},
    forget: (projectRowId) => host.forget(projectRowId),
    close: async () => {
      if (saving !== undefined) clearImmediate(saving);
      host.saveSnapshots(true);
    },
  };
}

/** How long `close` waits for the thread's last snapshots. */
const CLOSE_SAVE_TIMEOUT_MS = 15_000;

interface Pending {
  projectRowId: number;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
  /** Already answered busy (timed out): the late result is dropped. */
  settled: boolean;
}

/** The worker's entry next to this file; from the sources (tests), the build's. */
function getWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../../dist/sqlite/journeyWorker.js', here)
    : new URL('./journeyWorker.js', here);
}

/**
 * The journey engine on its own thread with its own connection to `filename`:
 * index builds and heavy queries never block the main thread. Questions are
 * answered one at a time; a full queue, a question that waits too long, or a
 * thread that died (out of its heap) answer JourneyEngineBusyError, never a stall.
 * The thread starts on the first question and restarts after a failure.
 */
export function createWorkerJourneyEngine(
  filename: string,
  options: JourneyEngineOptions = {},
): JourneyEngine {
  const { queryTimeoutMs = 20_000, maxQueuedQueries = 8, heapMb, logError = console.error } = options;
  const warmingTimeoutMs = options.warmingTimeoutMs ?? queryTimeoutMs;
  const pending = new Map<number, Pending>();
  /** Projects whose index has answered since the thread started. */
  const ready = new Set<number>();
  let worker: Worker | undefined;
  let nextId = 1;
  let closed = false;
  /** Resolves `close`'s wait for the thread's last snapshots. */
  let savedAtClose: (() => void) | undefined;

  const failAll = (error: JourneyEngineBusyError) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      if (!p.settled) p.reject(error);
    }
    pending.clear();
  };

  const start = (): Worker => {
    if (worker !== undefined) return worker;
    const started = new Worker(getWorkerUrl(), {
      workerData: {
        filename,
        propertyBudgetBytes: options.propertyBudgetBytes,
        snapshotDirectory: options.snapshotDirectory,
        indexReadPageRows: options.indexReadPageRows,
      },
      ...(heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMb } }),
    });
    // The store's owner closes it; an idle engine must not keep the process alive.
    started.unref();
    started.on('message', (reply: EngineReply) => {
      if (reply.id === -1) {
        savedAtClose?.();
        return;
      }
      if (reply.id === 0) {
        if (reply.ok) ready.add(reply.result as number); // a warm-up done
        return;
      }
      const p = pending.get(reply.id);
      if (p === undefined) return;
      // Answered, even late or with an error: its index exists now.
      ready.add(p.projectRowId);
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (p.settled) return;
      if (reply.ok) p.resolve(reply.result);
      else p.reject(toError(reply.error));
    });
    started.on('error', (error) => {
      logError('the journey engine stopped', error);
      failAll(
        new JourneyEngineBusyError(
          `The journey engine stopped (${error.message}); it restarts with the next question`,
          5,
        ),
      );
    });
    started.on('exit', () => {
      if (worker === started) worker = undefined;
      ready.clear();
      failAll(new JourneyEngineBusyError('The journey engine is restarting; try again shortly', 5));
    });
    return (worker = started);
  };

  return {
    run(projectRowId, call) {
      if (closed) return Promise.reject(new Error('the store is closed'));
      if (pending.size >= maxQueuedQueries) {
        return Promise.reject(
          new JourneyEngineBusyError(
            `The journey engine has ${pending.size} questions in hand; try again shortly`,
            2,
          ),
        );
      }
      const thread = start();
      const warming = !ready.has(projectRowId);
      const timeoutMs = warming ? Math.min(warmingTimeoutMs, queryTimeoutMs) : queryTimeoutMs;
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const p: Pending = {
          projectRowId,
          resolve,
          reject,
          settled: false,
          timer: setTimeout(() => {
            // The question stays in the thread's hands (and counts towards the queue)
            // until it is answered: a retrying client cannot pile up work.
            p.settled = true;
            reject(
              warming
                ? new JourneyEngineBusyError(
                    "This project's journey index is warming up (being built since the server started); try again in a few seconds",
                    2,
                  )
                : new JourneyEngineBusyError(
                    `The journey engine did not answer within ${Math.round(timeoutMs / 1000)} s ` +
                      '(it may be building an index); try again shortly',
                    5,
                  ),
            );
          }, timeoutMs),
        };
        pending.set(id, p);
        thread.postMessage({ kind: 'run', id, projectRowId, call } satisfies EngineRequest);
      });
    },
    warm(projectRowIds) {
      if (closed || projectRowIds.length === 0) return;
      const thread = start();
      for (const projectRowId of projectRowIds) {
        thread.postMessage({ kind: 'warm', projectRowId } satisfies EngineRequest);
      }
    },
    forget(projectRowId) {
      worker?.postMessage({ kind: 'forget', projectRowId } satisfies EngineRequest);
    },
    async close() {
      closed = true;
      const thread = worker;
      worker = undefined;
      failAll(new JourneyEngineBusyError('The store is closing', 5));
      if (thread !== undefined && options.snapshotDirectory !== undefined) {
        // The thread saves what changed since its last snapshots, within a bound: a
        // stop must not hang on a slow disk (the next start catches up from an older one).
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, CLOSE_SAVE_TIMEOUT_MS);
          savedAtClose = () => {
            clearTimeout(timer);
            resolve();
          };
          thread.postMessage({ kind: 'save' } satisfies EngineRequest);
        });
      }
      await thread?.terminate();
    },
  };
}

/** The worker's error, as the class the API knows how to answer. */
function toError({ name, message }: { name: string; message: string }): Error {
  if (name === 'QueryBudgetError') return new QueryBudgetError(message);
  if (name === 'InvalidCursorError') return new InvalidCursorError(message);
  if (name === 'JourneyEngineBusyError') return new JourneyEngineBusyError(message, 5);
  const error = new Error(message);
  error.name = name;
  return error;
}
