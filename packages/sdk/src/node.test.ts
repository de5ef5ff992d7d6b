import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
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

  it('sends a secretKey as Authorization: Bearer on collect only, and retries a 503 with it', async () => {
    const authorizations: Array<[string, string | null]> = [];
    let first = true;
    collector.server.use(
      http.post(`${HOST}/trpc/:path`, ({ request, params }) => {
        authorizations.push([params['path'] as string, request.headers.get('authorization')]);
        if (params['path'] === 'collect' && first) {
          first = false;
          return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0' } });
        }
        return HttpResponse.json({ result: { data: { accepted: 1, duplicates: 0 } } });
      }),
    );
    const tracker = createTracker({
      writeKey: collector.writeKey,
      host: HOST,
      consent: ['analytics', 'marketing'],
      secretKey: 'sk_ingest_test',
    });
    tracker.track('Newsletter sent', {}, { userId: 'c_1', category: 'marketing', channel: 'email' });
    tracker.consent.grant(['personalization']);
    await tracker.flush();
    for (let i = 0; i < 100 && authorizations.filter(([path]) => path === 'collect').length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(authorizations).toEqual(
      expect.arrayContaining([
        ['collect', 'Bearer sk_ingest_test'],
        ['consent', null],
      ]),
    );
    const collects = authorizations.filter(([path]) => path === 'collect');
    expect(collects, JSON.stringify(authorizations)).toEqual([
      ['collect', 'Bearer sk_ingest_test'],
      ['collect', 'Bearer sk_ingest_test'],
    ]);
  });

  it('sends no Authorization header without a secretKey', async () => {
    const authorizations: Array<string | null> = [];
    collector.server.use(
      http.post(`${HOST}/trpc/collect`, ({ request }) => {
        authorizations.push(request.headers.get('authorization'));
        return HttpResponse.json({ result: { data: { accepted: 1, duplicates: 0 } } });
      }),
    );
    const tracker = createTracker({ writeKey: collector.writeKey, host: HOST, consent: ['analytics'] });
    tracker.track('Store visit', {}, { userId: 'c_2' });
    await tracker.flush();
    expect(authorizations).toEqual([null]);
  });
});
