import type { CollectResult } from '@parcours/schema';
import type { InsertEventsOptions, StoredEvent } from '@parcours/store';

type Insert = (
  projectId: string,
  events: ReadonlyArray<StoredEvent>,
  options?: InsertEventsOptions,
) => Promise<CollectResult>;

interface RunningInsert {
  ids: ReadonlySet<string>;
  done: Promise<unknown>;
}

/**
 * Wraps `insert` so that, within this process, a batch sharing an event id with a
 * batch still being written waits for it: the replay then finds the id stored and
 * answers it as a duplicate, as SQLite does (its group commit is serial). Batches
 * with no id in common run concurrently, the usual case. Across processes the race
 * stays (see `insertEvents`: collapsed on read, both answer `accepted`).
 */
export function serialiseOverlappingInserts(insert: Insert): Insert {
  const running = new Map<string, RunningInsert[]>();
  return async (projectId, events, options) => {
    const ids = new Set(events.map((event) => event.id));
    const jobs = running.get(projectId) ?? [];
    const overlapping = jobs.filter((job) => {
      for (const id of ids) if (job.ids.has(id)) return true;
      return false;
    });
    const done = Promise.allSettled(overlapping.map((job) => job.done)).then(() =>
      insert(projectId, events, options),
    );
    const job: RunningInsert = { ids, done };
    jobs.push(job);
    running.set(projectId, jobs);
    try {
      return await done;
    } finally {
      jobs.splice(jobs.indexOf(job), 1);
      if (jobs.length === 0) running.delete(projectId);
    }
  };
}
