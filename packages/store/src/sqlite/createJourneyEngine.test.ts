import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Event } from '@parcours/schema';
import { JourneyEngineBusyError } from '../engine/journeyErrors.js';
import type { FunnelQuery } from '../engine/types.js';
import type { Store } from '../Store.js';
import { openSqliteStore, type SqliteStoreOptions } from './openSqliteStore.js';

const dir = mkdtempSync(join(tmpdir(), 'parcours-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `engine-${++files}.db`);

const T0 = Date.UTC(2026, 5, 1);
const FUNNEL: FunnelQuery = {
  steps: [{ name: 'Viewed product' }, { name: 'Added to cart' }, { name: 'Purchased' }],
  windowMs: 86_400_000,
  breakdown: 'plan',
};
const PATHS = { depth: 3, limit: 10 };

/** Journeys of `persons` devices from `first` on: view, some add, fewer buy; plans alternate. */
function journeys(first: number, persons: number, idPrefix: string): Event[] {
  const events: Event[] = [];
  for (let p = first; p < first + persons; p++) {
    const names = ['Viewed product', 'Added to cart', 'Purchased'].slice(0, 1 + (p % 3));
    names.forEach((name, k) =>
      events.push({
        id: `${idPrefix}-${p}-${k}`,
        type: 'track',
        name,
        anonymousId: `device-${p}`,
        timestamp: T0 + p * 1_000 + k * 60_000,
        properties: { plan: p % 2 === 0 ? 'pro' : 'free' },
      }),
    );
  }
  return events;
}

async function openPair(options: Omit<SqliteStoreOptions, 'filename'> = {}) {
  const filename = newFile();
  const a = openSqliteStore({ filename, ...options });
  const { projectId } = await a.createProject({ name: 'Shared file' });
  const b = openSqliteStore({ filename, ...options });
  return { a, b, projectId };
}

describe('journey engine on its own thread, following the store', () => {
  it('counts rows committed by another process on the same file in the next funnel, paths and breakdown', async () => {
    const { a, b, projectId } = await openPair();
    try {
      await a.insertEvents(projectId, journeys(0, 30, 'a'));
      const before = await a.getFunnel(projectId, FUNNEL);
      expect(before.steps.map((s) => s.count)).toEqual([30, 20, 10]);

      // `parcours import` or a second server: another connection commits.
      await b.insertEvents(projectId, journeys(30, 60, 'b'));
      const after = await a.getFunnel(projectId, FUNNEL);
      expect(after.steps.map((s) => s.count)).toEqual([90, 60, 30]);
      // The `plan` column built before the import caught up with it too.
      // Equal groups come in the order their values were first seen.
      expect(after.breakdown?.map((g) => [g.value, g.steps[0]!.count])).toEqual([
        ['pro', 45],
        ['free', 45],
      ]);
      // A column first asked after the import lines up with every row.
      const byChannel = await a.getFunnel(projectId, { ...FUNNEL, breakdown: 'missing' });
      expect(byChannel.breakdown).toEqual([{ value: null, steps: after.steps }]);

      // Two servers on one file give identical answers.
      expect(await b.getFunnel(projectId, FUNNEL)).toEqual(after);
      expect(await b.getPaths(projectId, PATHS)).toEqual(await a.getPaths(projectId, PATHS));
      expect(await b.getOverview(projectId, { from: T0, to: T0 + 86_400_000 })).toEqual(
        await a.getOverview(projectId, { from: T0, to: T0 + 86_400_000 }),
      );
    } finally {
      await a.close();
      await b.close();
    }
  }, 30_000);

  it('answers as the in-process engine does', async () => {
    const filename = newFile();
    const worker = openSqliteStore({ filename });
    const { projectId } = await worker.createProject({ name: 'Same answers' });
    await worker.insertEvents(projectId, journeys(0, 200, 'x'));
    const inline = openSqliteStore({ filename, journeyEngine: 'inline' });
    try {
      const ask = (store: Store) =>
        Promise.all([
          store.getFunnel(projectId, FUNNEL),
          store.getFunnelDropoffs(projectId, { ...FUNNEL, step: 2, limit: 5 }),
          store.getPaths(projectId, PATHS),
          store.getStages(projectId, {}),
        ]);
      expect(await ask(worker)).toEqual(await ask(inline));
    } finally {
      await worker.close();
      await inline.close();
    }
  }, 30_000);

  it('refuses, busy, a question past its queue instead of queueing it', async () => {
    const store = openSqliteStore({ filename: newFile(), journeyLimits: { maxQueuedQueries: 1 } });
    try {
      const { projectId } = await store.createProject({ name: 'Queue' });
      await store.insertEvents(projectId, journeys(0, 10, 'q'));
      const [first, second] = await Promise.allSettled([
        store.getFunnel(projectId, FUNNEL),
        store.getPaths(projectId, PATHS),
      ]);
      expect(first.status).toBe('fulfilled');
      expect(second.status).toBe('rejected');
      const error = (second as PromiseRejectedResult).reason as JourneyEngineBusyError;
      expect(error).toBeInstanceOf(JourneyEngineBusyError);
      expect(error.message).toMatch(/questions in hand; try again/);
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      // Once the first is answered, the queue has room again.
      expect((await store.getPaths(projectId, PATHS)).paths.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('answers "warming up" quickly while an index is built, then busy when a question waits past its time', async () => {
    const store = openSqliteStore({ filename: newFile(), journeyLimits: { queryTimeoutMs: 1 } });
    try {
      const { projectId } = await store.createProject({ name: 'Slow' });
      await store.insertEvents(projectId, journeys(0, 3_000, 's'));
      const messages: string[] = [];
      const ask = () =>
        store.getFunnel(projectId, FUNNEL).then(
          () => 'answered',
          (error: unknown) => {
            expect(error).toBeInstanceOf(JourneyEngineBusyError);
            return (error as Error).message;
          },
        );
      messages.push(await ask());
      // The build goes on after the busy answer; once it has answered (late), the
      // project is warm and only the question's own time limit applies. The questions
      // asked while it warmed may fill the queue first ("questions in hand"): under CI's
      // load, draining them outlasted 100 asks 50 ms apart, so the wait is a deadline.
      const deadline = Date.now() + 45_000;
      while (Date.now() < deadline && !messages.at(-1)!.includes('did not answer')) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        messages.push(await ask());
      }
      expect(messages[0]).toMatch(/journey index is warming up .*try again in a few seconds/);
      expect(messages.at(-1)).toMatch(/did not answer within 0 s .*try again shortly/);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('warms every project at open when asked, so the first question finds its index ready', async () => {
    const filename = newFile();
    const writer = openSqliteStore({ filename });
    const { projectId } = await writer.createProject({ name: 'Warm' });
    await writer.insertEvents(projectId, journeys(0, 300, 'w'));
    await writer.close();
    // A warming limit of 1 ms answers "warming up" to any question that finds no index.
    const cold = openSqliteStore({ filename, journeyLimits: { warmingTimeoutMs: 1 } });
    const warm = openSqliteStore({ filename, warmUp: true, journeyLimits: { warmingTimeoutMs: 1 } });
    try {
      expect(await cold.getFunnel(projectId, FUNNEL).catch((e: Error) => e.message)).toMatch(/warming up/);
      // Nobody asks the warm store anything while its thread starts and builds (well
      // under a second, even on a busy machine).
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const answer = await warm.getFunnel(projectId, FUNNEL).catch((e: Error) => e.message);
      expect(answer).toMatchObject({ steps: [{ count: 300 }, { count: 200 }, { count: 100 }] });
    } finally {
      await cold.close();
      await warm.close();
    }
  }, 30_000);

  it('restarts a thread that ran out of its heap, answering busy meanwhile', async () => {
    const store = openSqliteStore({ filename: newFile(), journeyLimits: { heapMb: 8, logError: () => {} } });
    try {
      const { projectId } = await store.createProject({ name: 'Small heap' });
      for (let i = 0; i < 10; i++) await store.insertEvents(projectId, journeys(i * 5_000, 5_000, `h${i}`));
      const error: unknown = await store.getFunnel(projectId, FUNNEL).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JourneyEngineBusyError);
      expect((error as Error).message).toMatch(/stopped|restarting/);
    } finally {
      await store.close();
    }
  }, 60_000);
});
