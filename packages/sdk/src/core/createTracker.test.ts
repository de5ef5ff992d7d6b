import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCollector, HOST, networkError, trpcError } from '../testing/createCollector.js';
import { createTestPlatform } from '../testing/createTestPlatform.js';
import { CONSENT_KEY, createTracker, STATE_KEY } from './createTracker.js';
import type { TrackerOptions } from './types.js';

const collector = createCollector();
beforeAll(() => collector.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  collector.server.resetHandlers();
  collector.reset();
  vi.restoreAllMocks();
  vi.useRealTimers();
});
afterAll(() => collector.server.close());

/** A tracker on a fresh test platform; `autoPage` off unless a test asks for it. */
const setup = (options: Partial<TrackerOptions> = {}, test = createTestPlatform()) => {
  const tracker = createTracker(
    { writeKey: collector.writeKey, host: HOST, autoPage: false, ...options },
    test.platform,
  );
  return { tracker, ...test };
};

/** What arrived, for failure messages. */
const wire = () => JSON.stringify(collector.arrivals, null, 1);

/** Storage writes are coalesced, one per task: lets the pending one run. */
const written = () => Promise.resolve();

/** Lets fetch, msw and the promise chains run, with fake timers installed. */
const settle = () => vi.advanceTimersByTimeAsync(0);

const stored = (storage: { data: Map<string, string> }) => Object.fromEntries(storage.data);

describe('before any consent decision', () => {
  it('stores nothing and sends nothing', async () => {
    const { tracker, storage } = setup({ autoPage: true });
    tracker.track('Viewed product', { sku: 'A1' });
    tracker.page();
    tracker.identify('u_1');
    tracker.feedback({ kind: 'nps', score: 9 });
    tracker.reset();
    await tracker.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stored(storage)).toEqual({});
    expect(collector.arrivals, wire()).toEqual([]);
    expect(tracker.consent.get()).toEqual([]);
  });

  it('with bufferBeforeConsent, holds events in memory only and releases the granted ones on a grant', async () => {
    const { tracker, storage } = setup({ bufferBeforeConsent: true });
    tracker.track('Early', {});
    tracker.track('Early ad', {}, { category: 'marketing' });
    await tracker.flush();
    expect(stored(storage)).toEqual({});
    expect(collector.arrivals).toEqual([]);
    tracker.consent.grant(['analytics']);
    await tracker.flush();
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['Early']);
    const [event] = collector.events();
    expect(event!.anonymousId).toBe(collector.records()[0]!.anonymousId);
  });

  it('with bufferBeforeConsent, drops the held events on a refusal, and keeps at most maxQueue', async () => {
    const refused = setup({ bufferBeforeConsent: true });
    refused.tracker.track('Early');
    refused.tracker.consent.deny();
    await refused.tracker.flush();
    expect(collector.events(), wire()).toEqual([]);

    const bounded = setup({ bufferBeforeConsent: true, maxQueue: 3 });
    for (let i = 0; i < 5; i++) bounded.tracker.track('Early ' + i);
    bounded.tracker.consent.grant(['analytics']);
    await bounded.tracker.flush();
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['Early 2', 'Early 3', 'Early 4']);
  });
});

describe('consent transitions', () => {
  it('a grant stores the decision, sends a proof record with the anonymous id, and starts capture', async () => {
    const { tracker, storage } = setup({ policyVersion: '2025-01' });
    const changes: string[][] = [];
    tracker.consent.onChange((granted) => changes.push(granted));
    tracker.identify('u_1');
    tracker.consent.grant(['analytics'], 'banner');
    tracker.track('Signed up', { plan: 'pro' });
    await tracker.flush();

    expect(changes).toEqual([['analytics']]);
    expect(JSON.parse(storage.data.get(CONSENT_KEY)!)).toEqual(['analytics']);
    const [record] = collector.records();
    expect(record, wire()).toMatchObject({
      granted: ['analytics'],
      denied: ['marketing', 'personalization'],
      policyVersion: '2025-01',
      source: 'banner',
      userId: 'u_1',
    });
    expect(record!.anonymousId).toEqual(expect.any(String));
    expect(record!.id).toEqual(expect.any(String));
    expect(Math.abs(record!.timestamp - Date.now())).toBeLessThan(5000);
    const [signedUp] = collector.events();
    expect(signedUp, wire()).toMatchObject({
      type: 'track',
      name: 'Signed up',
      anonymousId: record!.anonymousId,
      userId: 'u_1',
      category: 'analytics',
      properties: { plan: 'pro' },
    });
    expect(collector.arrivals.every((a) => a.body.writeKey === collector.writeKey)).toBe(true);
    expect(collector.arrivals.find((a) => a.path === 'collect')!.body.consent, wire()).toEqual(['analytics']);
  });

  it('sends text/plain bodies, so a cross-origin request needs no preflight', async () => {
    const { tracker } = setup();
    tracker.consent.grant(['analytics']);
    tracker.track('x');
    await tracker.flush();
    expect(
      collector.arrivals.map((a) => a.contentType),
      wire(),
    ).toEqual(['text/plain;charset=UTF-8', 'text/plain;charset=UTF-8']);
  });

  it('drops events of a category not granted', async () => {
    const { tracker } = setup();
    tracker.consent.grant(['analytics']);
    tracker.track('Ad click', {}, { category: 'marketing' });
    tracker.track('Recommendation shown', {}, { category: 'personalization' });
    tracker.track('Page read');
    await tracker.flush();
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['Page read']);
  });

  it('a later grant adds categories; a partial withdrawal deletes queued events of that category only', async () => {
    const { tracker, storage } = setup();
    collector.reply('collect', networkError(), networkError());
    tracker.consent.grant(['analytics']);
    tracker.consent.grant(['marketing']);
    expect(tracker.consent.get()).toEqual(['analytics', 'marketing']);
    tracker.track('Ad click', {}, { category: 'marketing' });
    tracker.track('Page read');
    await tracker.flush();
    tracker.consent.deny(['marketing']);
    expect(tracker.consent.get()).toEqual(['analytics']);
    await written();
    const state = JSON.parse(storage.data.get(STATE_KEY)!);
    expect(state.q.map((e: { name: string }) => e.name)).toEqual(['Page read']);
    expect(state.a).toEqual(expect.any(String));
    await tracker.flush();
    const withdrawal = collector.records().at(-1);
    expect(withdrawal, wire()).toMatchObject({
      granted: ['analytics'],
      denied: ['marketing', 'personalization'],
    });
    expect(withdrawal!.anonymousId).toBe(state.a);
  });

  it('a full withdrawal empties the queue, deletes every stored datum but the decision, names the device withdrawn from, and stops sending', async () => {
    const { tracker, storage } = setup();
    const changes: string[][] = [];
    tracker.consent.onChange((granted) => changes.push(granted));
    collector.reply('collect', networkError());
    tracker.consent.grant(['analytics', 'marketing']);
    tracker.identify('u_1');
    tracker.track('Queued');
    await tracker.flush();
    expect(storage.data.has(STATE_KEY)).toBe(true);

    tracker.consent.deny();
    await tracker.flush();
    expect(stored(storage)).toEqual({ [CONSENT_KEY]: '[]' });
    const grant = collector.records().at(-2)!;
    const withdrawal = collector.records().at(-1)!;
    // Issue 9: the withdrawal carries the device's id (and its user), so that the server
    // can erase what it holds of them; the device itself forgets both.
    expect(grant.anonymousId).toEqual(expect.any(String));
    expect(withdrawal, wire()).toEqual({
      id: expect.any(String),
      timestamp: expect.any(Number),
      granted: [],
      denied: ['analytics', 'marketing', 'personalization'],
      policyVersion: '1',
      source: 'sdk',
      anonymousId: grant.anonymousId,
      userId: 'u_1',
    });
    expect(changes).toEqual([['analytics', 'marketing'], []]);

    const before = collector.arrivals.length;
    tracker.track('After withdrawal');
    tracker.page('/after');
    await tracker.flush();
    expect(collector.arrivals.length, wire()).toBe(before);
    expect(stored(storage)).toEqual({ [CONSENT_KEY]: '[]' });
  });

  it('a refusal before any grant stores only the decision and sends a record naming no one', async () => {
    const { tracker, storage } = setup();
    tracker.identify('u_1');
    tracker.consent.deny(undefined, 'banner');
    await tracker.flush();
    expect(stored(storage)).toEqual({ [CONSENT_KEY]: '[]' });
    expect(collector.records(), wire()).toEqual([
      {
        id: expect.any(String),
        timestamp: expect.any(Number),
        granted: [],
        denied: ['analytics', 'marketing', 'personalization'],
        policyVersion: '1',
        source: 'banner',
      },
    ]);
    expect(collector.events()).toEqual([]);
  });

  it('a grant after a withdrawal starts a new anonymous id', async () => {
    const { tracker } = setup();
    tracker.consent.grant(['analytics']);
    tracker.track('First life');
    tracker.consent.deny();
    tracker.consent.grant(['analytics']);
    tracker.track('Second life');
    await tracker.flush();
    const names = collector.events().map((e) => e.name);
    expect(names, wire()).toEqual(['Second life']);
    const [first, , third] = collector.records();
    expect(first!.anonymousId).not.toBe(third!.anonymousId);
    expect(collector.events()[0]!.anonymousId).toBe(third!.anonymousId);
  });

  it('Global Privacy Control refuses marketing, and the record says so', async () => {
    const { tracker } = setup({}, createTestPlatform({ gpc: true }));
    tracker.consent.grant(['analytics', 'marketing']);
    tracker.track('Ad click', {}, { category: 'marketing' });
    await tracker.flush();
    expect(tracker.consent.get()).toEqual(['analytics']);
    expect(collector.records()[0], wire()).toMatchObject({
      granted: ['analytics'],
      denied: ['marketing', 'personalization'],
    });
    expect(collector.events()).toEqual([]);
  });

  it('the decision survives the visit: a new tracker on the same storage captures without asking again', async () => {
    const first = setup();
    first.tracker.consent.grant(['analytics']);
    first.tracker.track('Visit 1');
    await first.tracker.flush();
    const second = setup({}, createTestPlatform({ storage: first.storage }));
    expect(second.tracker.consent.get()).toEqual(['analytics']);
    second.tracker.track('Visit 2');
    await second.tracker.flush();
    const [one, two] = collector.events();
    expect(two!.name, wire()).toBe('Visit 2');
    expect(two!.anonymousId).toBe(one!.anonymousId);
    expect(collector.records()).toHaveLength(1);
  });

  it('onChange returns an unsubscribe function, and a throwing listener does not break the tracker', async () => {
    const { tracker } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: string[][] = [];
    tracker.consent.onChange(() => {
      throw new Error('listener bug');
    });
    const unsubscribe = tracker.consent.onChange((granted) => seen.push(granted));
    tracker.consent.grant(['analytics']);
    unsubscribe();
    tracker.consent.grant(['marketing']);
    tracker.track('Still working');
    await tracker.flush();
    expect(seen).toEqual([['analytics']]);
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['Still working']);
  });

  it('categories granted up front (server-side) send no record and store no decision', async () => {
    const { tracker, storage } = setup({ consent: ['analytics'] });
    tracker.track(
      'Store visit',
      {},
      { userId: 'c_42', channel: 'store', timestamp: Date.parse('2025-03-01T10:00:00Z') },
    );
    await tracker.flush();
    expect(collector.records()).toEqual([]);
    expect(storage.data.has(CONSENT_KEY)).toBe(false);
    expect(collector.events()[0], wire()).toMatchObject({
      name: 'Store visit',
      userId: 'c_42',
      channel: 'store',
      timestamp: Date.parse('2025-03-01T10:00:00Z'),
    });
    expect(collector.events()[0]!.context).not.toHaveProperty('session');
    expect(collector.arrivals[0]!.body).not.toHaveProperty('consent');
  });
});

describe('delivery', () => {
  it('sends a batch as soon as batchSize events are queued, else after flushInterval', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { tracker } = setup({ batchSize: 3, flushInterval: 5000 });
    tracker.consent.grant(['analytics']);
    await settle();
    collector.clear();
    tracker.track('a');
    tracker.track('b');
    await settle();
    expect(collector.arrivals, wire()).toEqual([]);
    tracker.track('c');
    await settle();
    expect(
      collector.arrivals.map((a) => a.body.batch!.map((e) => e.name)),
      wire(),
    ).toEqual([['a', 'b', 'c']]);
    tracker.track('d');
    await vi.advanceTimersByTimeAsync(4900);
    expect(collector.arrivals).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(
      collector.arrivals.map((a) => a.body.batch!.map((e) => e.name)),
      wire(),
    ).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('retries a 5xx with exponential backoff and jitter, keeping the ids, until acknowledged', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { tracker, storage } = setup({ retryDelay: 1000, maxRetryDelay: 60_000 });
    tracker.consent.grant(['analytics']);
    await settle();
    collector.clear();
    collector.reply(
      'collect',
      trpcError(503, 'busy'),
      trpcError(500, 'oops'),
      networkError(),
      trpcError(408, 'slow'),
    );
    tracker.track('a');
    tracker.track('b');
    await tracker.flush();
    for (let elapsed = 0; elapsed < 30_000 && collector.arrivals.length < 5; elapsed += 50) {
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(collector.arrivals, wire()).toHaveLength(5);
    const gaps = collector.arrivals.slice(1).map((a, i) => a.at - collector.arrivals[i]!.at);
    // Attempt n waits retryDelay × 2^n × [0.5, 1): [500,1000), [1000,2000), [2000,4000), [4000,8000).
    gaps.forEach((gap, n) => {
      expect(gap, `gap ${n}: ${gaps.join()}`).toBeGreaterThanOrEqual(500 * 2 ** n - 60);
      expect(gap, `gap ${n}: ${gaps.join()}`).toBeLessThanOrEqual(1000 * 2 ** n + 60);
    });
    const ids = collector.arrivals.map((a) => a.body.batch!.map((e) => e.id).join());
    expect(new Set(ids).size, wire()).toBe(1);
    expect(JSON.parse(storage.data.get(STATE_KEY)!).q).toEqual([]);
  });

  it('spreads retries with jitter: the delay is retryDelay × 2^n scaled into [0.5, 1) by a random draw', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const random = vi.spyOn(Math, 'random');
    for (const [draw, early, late] of [
      [0, 480, 520],
      [0.98, 970, 1010],
    ] as const) {
      collector.clear();
      const { tracker } = setup({ consent: ['analytics'], retryDelay: 1000 });
      collector.reply('collect', trpcError(503, 'busy'));
      tracker.track('a');
      random.mockReturnValue(draw);
      await tracker.flush();
      await vi.advanceTimersByTimeAsync(early);
      expect(collector.arrivals, `draw ${draw}: ${wire()}`).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(late - early);
      expect(collector.arrivals, `draw ${draw}: ${wire()}`).toHaveLength(2);
    }
  });

  it('caps the backoff at maxRetryDelay', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { tracker } = setup({ consent: ['analytics'], retryDelay: 1000, maxRetryDelay: 3000 });
    collector.reply('collect', ...Array.from({ length: 6 }, () => trpcError(503, 'busy')));
    tracker.track('a');
    await tracker.flush();
    for (let i = 0; i < 400 && collector.arrivals.length < 7; i++) await vi.advanceTimersByTimeAsync(50);
    expect(collector.arrivals).toHaveLength(7);
    const gaps = collector.arrivals.slice(1).map((a, i) => a.at - collector.arrivals[i]!.at);
    expect(Math.max(...gaps), gaps.join()).toBeLessThanOrEqual(3000 + 60);
  });

  it('honours Retry-After on 429, in seconds and as an HTTP date, and holds new events meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { tracker } = setup({ consent: ['analytics'], batchSize: 2, retryDelay: 10 });
    collector.reply(
      'collect',
      trpcError(429, 'slow down', { 'Retry-After': '7' }),
      trpcError(429, 'slow down', { 'Retry-After': new Date(Date.now() + 7000 + 12_000).toUTCString() }),
    );
    tracker.track('a');
    tracker.track('b');
    await settle();
    expect(collector.arrivals).toHaveLength(1);
    tracker.track('c');
    tracker.track('d');
    await vi.advanceTimersByTimeAsync(6900);
    expect(collector.arrivals, wire()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(collector.arrivals).toHaveLength(2);
    // The HTTP date is 12 s after the second attempt, to the second (RFC 9110 IMF-fixdate).
    await vi.advanceTimersByTimeAsync(10_800);
    expect(collector.arrivals, wire()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1300);
    expect(collector.arrivals.length).toBeGreaterThanOrEqual(3);
    await vi.advanceTimersByTimeAsync(100);
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'c', 'd']);
  });

  it.each([
    [400, 'batch.0.name: Too big'],
    [401, 'unknown write key'],
    [413, 'batch too large'],
  ])('does not retry a %i, warns with the error, and lets the batch go', async (status, message) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { tracker, storage } = setup({ consent: ['analytics'] });
    collector.reply('collect', trpcError(status, message));
    tracker.track('a');
    await tracker.flush();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(collector.arrivals, wire()).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith('parcours:', expect.stringContaining(String(status)));
    expect(warn).toHaveBeenCalledWith('parcours:', expect.stringContaining(message));
    expect(JSON.parse(storage.data.get(STATE_KEY)!).q).toEqual([]);
    tracker.track('b');
    await tracker.flush();
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['a', 'b']);
  });

  it('keeps events in storage until acknowledged: a page closed offline delivers them on the next visit, once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const offline = setup();
    offline.tracker.consent.grant(['analytics']);
    await settle();
    collector.reply('collect', networkError(), networkError(), networkError());
    for (let i = 0; i < 3; i++) offline.tracker.track('offline ' + i);
    await offline.tracker.flush();
    const queued = JSON.parse(offline.storage.data.get(STATE_KEY)!).q;
    expect(queued.map((e: { name: string }) => e.name)).toEqual(['offline 0', 'offline 1', 'offline 2']);

    collector.clear();
    const next = setup({}, createTestPlatform({ storage: offline.storage }));
    await next.tracker.flush();
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['offline 0', 'offline 1', 'offline 2']);
    expect(collector.events().map((e) => e.id)).toEqual(queued.map((e: { id: string }) => e.id));
    expect(JSON.parse(next.storage.data.get(STATE_KEY)!).q).toEqual([]);
  });

  it('bounds the queue, dropping the oldest, and reports the count once in the next batch', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { tracker, storage } = setup({ consent: ['analytics'], maxQueue: 5, batchSize: 50 });
    collector.reply('collect', networkError());
    tracker.track('first');
    await tracker.flush();
    for (let i = 0; i < 7; i++) tracker.track('e' + i);
    await written();
    const state = JSON.parse(storage.data.get(STATE_KEY)!);
    expect(state.q.map((e: { name: string }) => e.name)).toEqual(['e2', 'e3', 'e4', 'e5', 'e6']);
    expect(state.d).toBe(3);
    await vi.advanceTimersByTimeAsync(2000);
    const delivered = collector.arrivals.at(-1)!.body;
    expect(
      delivered.batch!.map((e) => e.name),
      wire(),
    ).toEqual(['e2', 'e3', 'e4', 'e5', 'e6']);
    expect(delivered.dropped).toBe(3);
    tracker.track('later');
    await tracker.flush();
    expect(collector.arrivals.at(-1)!.body.dropped, wire()).toBeUndefined();
    expect(JSON.parse(storage.data.get(STATE_KEY)!).d).toBe(0);
  });

  it('keeps each request under 60 KiB and refuses an event that alone exceeds it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { tracker } = setup({ consent: ['analytics'] });
    const big = 'é'.repeat(2000);
    for (let i = 0; i < 40; i++) tracker.track('big ' + i, { a: big, b: big, c: big });
    tracker.track('huge', Object.fromEntries(Array.from({ length: 40 }, (_, i) => ['k' + i, big])));
    await tracker.flush();
    expect(collector.events().map((e) => e.name)).toEqual(Array.from({ length: 40 }, (_, i) => 'big ' + i));
    expect(collector.arrivals.length).toBeGreaterThan(2);
    for (const arrival of collector.arrivals)
      expect(arrival.bytes, wire().slice(0, 500)).toBeLessThanOrEqual(60 * 1024);
    expect(warn).toHaveBeenCalledWith('parcours:', 'event too large: huge');
  });

  it('at page exit sends what is queued as a beacon, keeps it stored, and a later delivery repeats the same ids', async () => {
    const { tracker, storage, hide, exits } = setup({ consent: ['analytics'] });
    for (let i = 0; i < 30; i++) tracker.track('exit-' + i);
    hide();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(exits).toHaveLength(1);
    // Trackers of earlier tests may still have timers running: count only this test's events.
    const own = collector.events().filter((e) => e.name.startsWith('exit-'));
    expect(
      own.map((e) => e.name),
      wire(),
    ).toEqual(Array.from({ length: 30 }, (_, i) => 'exit-' + i));
    expect(JSON.parse(storage.data.get(STATE_KEY)!).q).toHaveLength(30);
    await tracker.flush();
    const [beacon, delivery] = collector.arrivals
      .filter((a) => a.body.batch?.some((e) => e.name.startsWith('exit-')))
      .map((a) => a.body.batch!.map((e) => e.id).join());
    expect(delivery).toBe(beacon);
    expect(JSON.parse(storage.data.get(STATE_KEY)!).q).toEqual([]);
  });
});

describe('capture', () => {
  it('gives events about someone else none of this device’s ids (server-side, imports)', async () => {
    const { tracker } = setup({ consent: ['analytics'] });
    tracker.identify('operator-1');
    tracker.track('Store visit', {}, { userId: 'customer-1' });
    tracker.track('Store visit', {}, { userId: 'customer-2' });
    tracker.track('Loyalty card scanned', {}, { anonymousId: 'card-7' });
    await tracker.flush();
    const visits = collector.events().filter((e) => e.name !== 'identify');
    expect(
      visits.map((e) => [e.anonymousId, e.userId]),
      wire(),
    ).toEqual([
      ['u:customer-1', 'customer-1'],
      ['u:customer-2', 'customer-2'],
      ['card-7', undefined],
    ]);
  });

  it('records a page view on start, on SPA navigation, and, if consent came late, on the grant', async () => {
    const test = createTestPlatform();
    test.page.url = 'https://shop.test/landing?utm_source=newsletter&utm_medium=email&utm_campaign=spring';
    const { tracker, navigate } = setup({ autoPage: true }, test);
    tracker.consent.grant(['analytics']);
    navigate('https://shop.test/product/1');
    await tracker.flush();
    const pages = collector.events().filter((e) => e.type === 'page');
    expect(
      pages.map((e) => e.name),
      wire(),
    ).toEqual(['/landing', '/product/1']);
    expect(pages.map((e) => e.channel)).toEqual(['email', 'email']);
    expect(pages[0]!.context).toMatchObject({ path: '/landing', locale: 'fr-FR' });
    expect(pages[0]!.context!.session).toBe(pages[1]!.context!.session);
  });

  it('autoPage: false records no page view by itself', async () => {
    const { tracker, navigate } = setup({ autoPage: false, consent: ['analytics'] });
    navigate('https://shop.test/product/1');
    await tracker.flush();
    expect(collector.events(), wire()).toEqual([]);
  });

  it('starts a new session after 30 minutes idle and on a new campaign, attributing its channel', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const test = createTestPlatform();
    test.page.referrer = 'https://www.google.com/';
    const { tracker, page } = setup({ consent: ['analytics'] }, test);
    tracker.track('one');
    vi.advanceTimersByTime(29 * 60_000);
    tracker.track('two');
    vi.advanceTimersByTime(31 * 60_000);
    page.referrer = 'https://shop.test/';
    tracker.track('three');
    page.url = 'https://shop.test/?utm_source=facebook&utm_medium=social&utm_campaign=x';
    tracker.track('four');
    page.url = 'https://shop.test/?gclid=abc';
    tracker.track('five');
    await tracker.flush();
    const events = collector.events();
    const sessions = events.map((e) => e.context!.session);
    expect(sessions[0]).toBe(sessions[1]);
    expect(new Set(sessions).size, wire()).toBe(4);
    expect(events.map((e) => e.channel)).toEqual(['search', 'search', 'direct', 'social', 'ads']);
  });

  it('identify links the anonymous id to the user; reset starts a new anonymous id without the user', async () => {
    const { tracker } = setup({ consent: ['analytics'] });
    tracker.track('before');
    tracker.identify('u_42', { plan: 'pro' });
    tracker.track('after');
    tracker.reset();
    tracker.track('logged out');
    await tracker.flush();
    const [before, identify, after, loggedOut] = collector.events();
    expect(identify, wire()).toMatchObject({ type: 'identify', userId: 'u_42', properties: { plan: 'pro' } });
    expect(identify!.anonymousId).toBe(before!.anonymousId);
    expect(after).toMatchObject({ userId: 'u_42', anonymousId: before!.anonymousId });
    expect(loggedOut!.userId).toBeUndefined();
    expect(loggedOut!.anonymousId).not.toBe(before!.anonymousId);
    expect(loggedOut!.context!.session).not.toBe(before!.context!.session);
  });

  it('identify keeps the userHash with the user id: sent with each of its events, persisted, cleared by reset', async () => {
    const first = setup({ consent: ['analytics'] });
    first.tracker.track('anonymous');
    first.tracker.identify('u_42', { plan: 'pro' }, { userHash: 'c0ffee' });
    first.tracker.track('signed');
    first.tracker.track('for someone else', {}, { userId: 'customer-1' });
    await first.tracker.flush();
    // The next visit, on the same storage, still knows the hash.
    const next = setup({ consent: ['analytics'] }, createTestPlatform({ storage: first.storage }));
    next.tracker.track('next visit');
    next.tracker.reset();
    next.tracker.track('logged out');
    next.tracker.identify('u_43');
    next.tracker.track('unsigned user');
    await next.tracker.flush();
    expect(
      collector.events().map((e) => [e.name, e.userId, e.userHash]),
      wire(),
    ).toEqual([
      ['anonymous', undefined, undefined],
      ['identify', 'u_42', 'c0ffee'],
      ['signed', 'u_42', 'c0ffee'],
      ['for someone else', 'customer-1', undefined],
      ['next visit', 'u_42', 'c0ffee'],
      ['logged out', undefined, undefined],
      ['identify', 'u_43', undefined],
      ['unsigned user', 'u_43', undefined],
    ]);
  });

  it('feedback is a track event named feedback', async () => {
    const { tracker } = setup({ consent: ['analytics'] });
    tracker.feedback({ kind: 'nps', score: 9, comment: 'great' });
    await tracker.flush();
    expect(collector.events()[0], wire()).toMatchObject({
      type: 'track',
      name: 'feedback',
      properties: { kind: 'nps', score: 9, comment: 'great' },
    });
  });

  it('gives every event a distinct id of at most 64 characters', async () => {
    const { tracker } = setup({ consent: ['analytics'] });
    for (let i = 0; i < 200; i++) tracker.track('e');
    await tracker.flush();
    const ids = collector.events().map((e) => e.id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(64);
  });

  it('never throws into the page, and ignores an event without a name', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { tracker } = setup({ consent: ['analytics'] });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => tracker.track('bad', cyclic as never)).not.toThrow();
    expect(() => tracker.track('')).not.toThrow();
    tracker.track('good');
    await tracker.flush();
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['good']);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
