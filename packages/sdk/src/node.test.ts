import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STATE_KEY } from './core/createTracker.js';
import { createCollector, HOST, networkError } from './testing/createCollector.js';
import { createFileStorage, createTracker } from './node.js';

const collector = createCollector();
beforeAll(() => collector.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  collector.server.resetHandlers();
  collector.reset();
});
afterAll(() => collector.server.close());

const wire = () => JSON.stringify(collector.arrivals, null, 1);

describe('@parcours/sdk/node', () => {
  it('sends nothing without consent given up front', async () => {
    const tracker = createTracker({ writeKey: collector.writeKey, host: HOST });
    tracker.track('Store visit', {}, { userId: 'c_1' });
    await tracker.flush();
    expect(collector.arrivals).toEqual([]);
  });

  it('records touchpoints of many people with their own ids, channels and times', async () => {
    const tracker = createTracker({
      writeKey: collector.writeKey,
      host: HOST,
      consent: ['analytics'],
      context: { source: 'crm' },
    });
    tracker.track(
      'Store visit',
      { store: 'Lyon' },
      { userId: 'c_1', channel: 'store', timestamp: Date.UTC(2025, 2, 1, 10) },
    );
    tracker.track(
      'Call',
      { minutes: 7 },
      { anonymousId: 'phone:+33600000000', channel: 'call_centre', timestamp: Date.UTC(2025, 2, 2) },
    );
    await tracker.flush();
    const [visit, call] = collector.events();
    expect(visit, wire()).toMatchObject({
      userId: 'c_1',
      channel: 'store',
      timestamp: Date.UTC(2025, 2, 1, 10),
      context: { source: 'crm' },
    });
    expect(call).toMatchObject({ anonymousId: 'phone:+33600000000', channel: 'call_centre' });
    expect(call!.userId).toBeUndefined();
  });

  it('with createFileStorage, a queue the collector did not acknowledge survives a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'parcours-sdk-')), 'queue.json');
    const first = createTracker({
      writeKey: collector.writeKey,
      host: HOST,
      consent: ['analytics'],
      storage: createFileStorage(file),
    });
    collector.reply('collect', networkError());
    first.track('Offline sale', { amount: 42 }, { userId: 'c_9' });
    await first.flush();
    // File writes are fire-and-forget: wait (bounded) until the queue is on disk.
    const readQueue = () => {
      try {
        return JSON.parse(JSON.parse(readFileSync(file, 'utf8'))[STATE_KEY]).q as Array<{
          id: string;
          name: string;
        }>;
      } catch {
        return [];
      }
    };
    for (let i = 0; i < 100 && readQueue().length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const queued = readQueue();
    expect(queued.map((e) => e.name)).toEqual(['Offline sale']);

    collector.clear();
    const restarted = createTracker({
      writeKey: collector.writeKey,
      host: HOST,
      consent: ['analytics'],
      storage: createFileStorage(file),
    });
    await restarted.flush();
    expect(
      collector.events().map((e) => e.id),
      wire(),
    ).toEqual([queued[0]!.id]);
  });
});
