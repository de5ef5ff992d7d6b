import { describe, expect, it } from 'vitest';
import { LiveFeed } from './LiveFeed.js';

/** Collects a watcher's pushes, with their delay since the start, until aborted. */
function record(feed: LiveFeed, projectId: string) {
  const controller = new AbortController();
  const start = Date.now();
  const pushes: number[] = [];
  const done = (async () => {
    for await (const at of feed.watch(projectId, controller.signal)) pushes.push(at - start);
  })();
  return {
    pushes,
    stop: async () => {
      controller.abort();
      await done;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LiveFeed', () => {
  it('pushes at once after a quiet spell, then coalesces a burst into one push per interval', async () => {
    const interval = 1_000;
    const feed = new LiveFeed(interval);
    const watcher = record(feed, 'prj_a');
    await pause(20);
    const published = Date.now();
    feed.publish('prj_a');
    for (let waited = 0; watcher.pushes.length === 0 && waited < interval; waited += 10) await pause(10);
    const firstAfter = Date.now() - published;
    // At once: well before the interval a second push would have to wait.
    expect(watcher.pushes, 'the first batch is pushed').toHaveLength(1);
    expect(firstAfter, `first push ${firstAfter} ms after the batch`).toBeLessThan(interval / 2);
    // 30 batches, one every 20 ms or so: one push per interval, not 30. The bound is read
    // from the time the burst really took, since a busy machine stretches timers.
    const burstStart = Date.now();
    for (let i = 0; i < 30; i++) {
      feed.publish('prj_a');
      await pause(20);
    }
    const burstMs = Date.now() - burstStart;
    await pause(interval + 100);
    await watcher.stop();
    const seen = `pushes at ${watcher.pushes.join(', ')} ms, burst of ${burstMs} ms`;
    expect(watcher.pushes.length, seen).toBeGreaterThanOrEqual(2);
    expect(watcher.pushes.length, seen).toBeLessThanOrEqual(2 + Math.floor(burstMs / interval));
    for (let i = 1; i < watcher.pushes.length; i++)
      expect(watcher.pushes[i]! - watcher.pushes[i - 1]!, seen).toBeGreaterThanOrEqual(interval - 5);
  });

  it('wakes only the watchers of the project that got touchpoints', async () => {
    const feed = new LiveFeed(100);
    const a = record(feed, 'prj_a');
    const b = record(feed, 'prj_b');
    await pause(20);
    feed.publish('prj_b');
    await pause(50);
    await a.stop();
    await b.stop();
    expect(a.pushes).toEqual([]);
    expect(b.pushes).toHaveLength(1);
  });

  it('pushes nothing without touchpoints, and lets go of a watcher when it is aborted', async () => {
    const feed = new LiveFeed(100);
    const watcher = record(feed, 'prj_a');
    const other = record(feed, 'prj_a');
    await pause(150);
    expect(feed.countWatchers('prj_a')).toBe(2);
    await watcher.stop();
    expect(feed.countWatchers('prj_a')).toBe(1);
    await other.stop();
    expect(feed.countWatchers('prj_a')).toBe(0);
    expect(watcher.pushes).toEqual([]);
  });

  it('pushes what another process stored: one mark read per project, however many views', async () => {
    let mark = 'm1';
    const reads: string[] = [];
    const feed = new LiveFeed(100, {
      pollMs: 50,
      readMark: async (projectId) => {
        reads.push(projectId);
        if (mark === 'fail') throw new Error('store unreachable');
        return mark;
      },
    });
    const started = Date.now();
    const views = [record(feed, 'prj_a'), record(feed, 'prj_a'), record(feed, 'prj_a')];
    for (let waited = 0; reads.length < 4 && waited < 5_000; waited += 10) await pause(10);
    const elapsed = Date.now() - started;
    // Unchanged mark: no push, and the three views share one poll (three would read thrice as often).
    expect(views.map((view) => view.pushes)).toEqual([[], [], []]);
    expect(feed.isPolling('prj_a')).toBe(true);
    expect(reads.length, `${reads.length} reads in ${elapsed} ms`).toBeGreaterThanOrEqual(4);
    expect(reads.length, `${reads.length} reads in ${elapsed} ms`).toBeLessThanOrEqual(elapsed / 50 + 1);

    // A read that fails pushes nothing and polling goes on; then the mark moves.
    mark = 'fail';
    await pause(150);
    expect(views.map((view) => view.pushes)).toEqual([[], [], []]);
    mark = 'm2';
    for (let waited = 0; views.some((view) => view.pushes.length === 0) && waited < 2_000; waited += 10)
      await pause(10);
    expect(views.map((view) => view.pushes.length)).toEqual([1, 1, 1]);

    for (const view of views) await view.stop();
    expect(feed.isPolling('prj_a')).toBe(false);
    const readsWhenStopped = reads.length;
    await pause(200);
    expect(reads.length, 'no reads once nobody watches').toBe(readsWhenStopped);
  });

  it('polls only the projects somebody watches', async () => {
    const reads = new Set<string>();
    const feed = new LiveFeed(100, {
      pollMs: 20,
      readMark: async (projectId) => {
        reads.add(projectId);
        return 'm';
      },
    });
    const watcher = record(feed, 'prj_b');
    await pause(100);
    await watcher.stop();
    expect([...reads]).toEqual(['prj_b']);
  });
});
