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
    const feed = new LiveFeed(300);
    const watcher = record(feed, 'prj_a');
    await pause(20);
    feed.publish('prj_a');
    await pause(50);
    expect(watcher.pushes, 'the first batch is pushed at once').toHaveLength(1);
    expect(watcher.pushes[0]).toBeLessThan(200);
    // 30 batches in the next 600 ms: one push per 300 ms, not 30.
    for (let i = 0; i < 30; i++) {
      feed.publish('prj_a');
      await pause(20);
    }
    await pause(400);
    await watcher.stop();
    expect(watcher.pushes.length, `pushes at ${watcher.pushes.join(', ')} ms`).toBeGreaterThanOrEqual(2);
    expect(watcher.pushes.length, `pushes at ${watcher.pushes.join(', ')} ms`).toBeLessThanOrEqual(4);
    for (let i = 1; i < watcher.pushes.length; i++)
      expect(
        watcher.pushes[i]! - watcher.pushes[i - 1]!,
        `pushes at ${watcher.pushes.join(', ')} ms`,
      ).toBeGreaterThanOrEqual(295);
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
});
