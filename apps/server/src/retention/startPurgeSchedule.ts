import { purgeWithReceipt, RETENTION_ACTOR } from '@parcours/api';
import type { PurgeReceipt, Store } from '@parcours/store';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeScheduleOptions {
  /** The clock the purge measures ages from. Default `Date.now` (tests inject one). */
  now?: (() => number) | undefined;
  /** Between runs. Default one day. */
  intervalMs?: number | undefined;
  /** Where a project's failed purge is reported (the others still run). Default `console.error`. */
  logError?: ((message: string, error: unknown) => void) | undefined;
}

export interface PurgeSchedule {
  /** The run at start, for whoever wants to wait for it (tests). */
  firstRun: Promise<PurgeReceipt[]>;
  /** Runs every project's purge now (skipped, answering [], while a run is under way). */
  runNow(): Promise<PurgeReceipt[]>;
  stop(): void;
}

/**
 * Purges every project at once and then every `intervalMs`, each run's receipts in
 * the audit log (actor: the retention schedule). The timer is unref'd: it never keeps
 * the process alive. A project made or deleted meanwhile is seen at the next run.
 */
export function startPurgeSchedule(store: Store, options: PurgeScheduleOptions = {}): PurgeSchedule {
  const { now = Date.now, intervalMs = DAY_MS, logError = console.error } = options;
  let running = false;
  let stopped = false;
  const runNow = async (): Promise<PurgeReceipt[]> => {
    if (running || stopped) return [];
    running = true;
    const receipts: PurgeReceipt[] = [];
    try {
      for (const { projectId } of await store.getProjects()) {
        if (stopped) break;
        try {
          receipts.push(await purgeWithReceipt(store, projectId, { actor: RETENTION_ACTOR, now: now() }));
        } catch (error) {
          logError(`retention purge of project ${projectId} failed`, error);
        }
      }
    } catch (error) {
      logError('retention purge failed', error);
    } finally {
      running = false;
    }
    return receipts;
  };
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  return {
    firstRun: runNow(),
    runNow,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
