import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../platforms/createMemoryStorage.js';
import { createCollector, HOST, networkError } from '../testing/createCollector.js';
import { createTestPlatform } from '../testing/createTestPlatform.js';
import { createId } from './createId.js';
import { CONSENT_KEY, createTracker, OLD_STATE_KEY, STATE_KEY } from './createTracker.js';
import type { Event, TrackerOptions } from './types.js';

// Issue 13, "The SDK's queue is robust": what the tracker finds in storage, how often it
// writes, and two tabs sharing one storage.
const collector = createCollector();
beforeAll(() => collector.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  collector.server.resetHandlers();
  collector.reset();
  vi.restoreAllMocks();
  vi.useRealTimers();
});
afterAll(() => collector.server.close());

const wire = () => JSON.stringify(collector.arrivals, null, 1);

/** A tracker (a tab) on `storage`; `autoPage` off. */
const open = (storage = createMemoryStorage(), options: Partial<TrackerOptions> = {}) => {
  const test = createTestPlatform({ storage });
  const tracker = createTracker(
    { writeKey: collector.writeKey, host: HOST, autoPage: false, ...options },
    test.platform,
  );
  return { tracker, ...test };
};

/** Storage where analytics was granted earlier, holding `state` (a string is stored as is). */
const storageWith = (state: unknown, key = STATE_KEY) => {
  const storage = createMemoryStorage();
  storage.data.set(CONSENT_KEY, '["analytics"]');
  storage.data.set(key, typeof state == 'string' ? state : JSON.stringify(state));
  return storage;
};

/** A well-formed stored event. */
const stored = (name: string): Event => ({
  id: 'stored-' + name,
  type: 'track',
  name,
  anonymousId: 'a_stored',
  timestamp: Date.parse('2026-01-02T03:04:05Z'),
  category: 'analytics',
});

const readState = (storage: { data: Map<string, string> }) => JSON.parse(storage.data.get(STATE_KEY)!);

/** Storage writes are coalesced, one per task: lets the pending one run. */
const written = () => Promise.resolve();

describe('what is stored is checked, never thrown into the page', () => {
  it.each([
    ['invalid JSON', '{"a":"a_1","q":[', 1],
    ['a queue that is null', { a: 'a_1', q: null, d: 0 }, 1],
    ['a queue that is not an array', { a: 'a_1', q: { 0: stored('x') }, d: 0 }, 1],
    ['a value that is not an object', '42', 1],
    ['a state without a queue', { a: 'a_1' }, 1],
  ])('discards %s and counts one lost value', async (_, state, lost) => {
    const storage = storageWith(state);
    const { tracker } = open(storage);
    tracker.track('After');
    await tracker.flush();
    const [arrival] = collector.arrivals;
    expect(
      arrival?.body.batch?.map((e) => e.name),
      wire(),
    ).toEqual(['After']);
    expect(arrival!.body.dropped, wire()).toBe(lost);
    expect(readState(storage).q).toEqual([]);
  });

  it('discards events without a string id, name or type, counts each, and sends the others', async () => {
    const { id, ...noId } = stored('no id');
    const { name, ...noName } = stored('no name');
    const { type, ...noType } = stored('no type');
    expect([id, name, type]).toEqual(['stored-no id', 'no name', 'track']);
    const storage = storageWith({
      a: 'a_stored',
      q: [
        stored('kept 1'),
        noId,
        noName,
        noType,
        { ...stored('numeric id'), id: 7 },
        null,
        'text',
        stored('kept 2'),
      ],
      d: 2,
    });
    const { tracker } = open(storage);
    await tracker.flush();
    const [arrival] = collector.arrivals;
    expect(
      arrival?.body.batch?.map((e) => e.name),
      wire(),
    ).toEqual(['kept 1', 'kept 2']);
    // 2 counted earlier, and 6 discarded now.
    expect(arrival!.body.dropped).toBe(8);
  });

  it('replaces a mistyped identity or session with a new one, and keeps the queue', async () => {
    const storage = storageWith({ a: 42, u: { id: 'x' }, s: 'session', q: [stored('kept')], d: 'x' });
    const { tracker } = open(storage);
    tracker.track('After');
    await tracker.flush();
    const events = collector.events();
    expect(
      events.map((e) => e.name),
      wire(),
    ).toEqual(['kept', 'After']);
    const after = events[1]!;
    expect(typeof after.anonymousId).toBe('string');
    expect(after.anonymousId).not.toBe('42');
    expect(after.userId).toBeUndefined();
    expect(typeof after.context!.session).toBe('string');
    expect(collector.arrivals[0]!.body.dropped).toBeUndefined();
    expect(readState(storage)).toMatchObject({ a: after.anonymousId, d: 0, q: [] });
  });

  it('keeps a well-typed stored identity and session', async () => {
    const session = { i: 's_1', t: Date.now() - 60_000, c: 'email', k: 'email//' };
    // An anonymous id as the SDK makes them: its creation time first (an id without one
    // is replaced: see createTracker.lifetime.test.ts).
    const a1 = createId();
    const storage = storageWith({ a: a1, u: 'u_1', h: 'f00d', s: session, q: [], d: 0 });
    const { tracker } = open(storage);
    tracker.track('After');
    await tracker.flush();
    expect(collector.events()[0], wire()).toMatchObject({
      anonymousId: a1,
      userId: 'u_1',
      userHash: 'f00d',
      channel: 'email',
      context: { session: 's_1' },
    });
  });

  it('starts when storage.get throws: the state counts as one lost value, and events are still sent', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = storageWith({ a: 'a_1', q: [stored('unreadable')], d: 0 });
    storage.get = (key) => {
      if (key != CONSENT_KEY) throw new Error('SecurityError');
      return storage.data.get(key);
    };
    let tracker!: ReturnType<typeof open>['tracker'];
    expect(() => ({ tracker } = open(storage))).not.toThrow();
    tracker.track('After');
    await tracker.flush();
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['After']);
    // The state key and 0.1.0's key: each unreadable.
    expect(collector.arrivals[0]!.body.dropped).toBe(2);
  });

  it('starts when every storage call throws or rejects', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fail = () => {
      throw new Error('quota');
    };
    const throwing = { data: new Map<string, string>(), get: fail, set: fail, remove: fail };
    let tracker!: ReturnType<typeof open>['tracker'];
    expect(() => ({ tracker } = open(throwing))).not.toThrow();
    tracker.consent.grant(['analytics']);
    tracker.track('Thrown');
    const rejecting = {
      data: new Map<string, string>(),
      get: () => Promise.reject(new Error('io')),
      set: () => undefined,
      remove: () => undefined,
    };
    const second = open(rejecting).tracker;
    second.consent.grant(['analytics']);
    second.track('Rejected');
    await Promise.all([tracker.flush(), second.flush()]);
    // No decision could be read, so no state was: nothing was lost. A rejected read is absent.
    expect(
      collector.arrivals.filter((a) => a.body.batch).map((a) => [a.body.batch![0]!.name, a.body.dropped]),
    ).toEqual(
      expect.arrayContaining([
        ['Thrown', undefined],
        ['Rejected', undefined],
      ]),
    );
    expect(
      collector
        .events()
        .map((e) => e.name)
        .sort(),
      wire(),
    ).toEqual(['Rejected', 'Thrown']);
  });
});

describe('0.1.0 kept its state under `parcours`', () => {
  it('adopts its identity, queue and count once, under the versioned key, and removes it', async () => {
    // 0.1.0 made its anonymous ids with `createId` too: its creation time first.
    const aOld = createId();
    const storage = storageWith(
      {
        a: aOld,
        u: 'u_old',
        s: { i: 's_old', t: Date.now(), c: 'direct', k: '' },
        q: [stored('queued')],
        d: 1,
      },
      OLD_STATE_KEY,
    );
    const { tracker } = open(storage);
    expect(storage.data.has(OLD_STATE_KEY)).toBe(false);
    expect(readState(storage)).toMatchObject({ a: aOld, u: 'u_old', q: [{ name: 'queued' }] });
    tracker.track('After upgrade');
    await tracker.flush();
    expect(
      collector.events().map((e) => [e.name, e.anonymousId, e.userId]),
      wire(),
    ).toEqual([
      ['queued', 'a_stored', undefined],
      ['After upgrade', aOld, 'u_old'],
    ]);
    expect(collector.arrivals[0]!.body.dropped).toBe(1);
  });
});

describe('writes are coalesced', () => {
  it('200 events tracked in one task cause one write; a page hide writes at once', async () => {
    const { tracker, storage, hide } = open(storageWith({ a: 'a_1', q: [], d: 0 }), {
      batchSize: 500,
    });
    await written();
    const set = vi.spyOn(storage, 'set');
    const writes = () => set.mock.calls.filter(([key]) => key == STATE_KEY).length;
    for (let i = 0; i < 200; i++) tracker.track('e' + i);
    expect(writes()).toBe(0);
    await written();
    expect(writes()).toBe(1);
    expect(readState(storage).q).toHaveLength(200);

    tracker.track('Right before leaving');
    hide();
    expect(writes()).toBe(2);
    expect(readState(storage).q.at(-1).name).toBe('Right before leaving');
  });
});

describe('two tabs of one site', () => {
  it('offline, each keeps the other’s events in storage; online, every event arrives', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const storage = createMemoryStorage();
    const first = open(storage);
    first.tracker.consent.grant(['analytics']);
    await first.tracker.flush();
    const second = open(storage);
    collector.clear();
    collector.reply('collect', ...Array.from({ length: 8 }, () => networkError()));
    for (let i = 0; i < 3; i++) {
      first.tracker.track('first ' + i);
      second.tracker.track('second ' + i);
      await written();
    }
    await Promise.all([first.tracker.flush(), second.tracker.flush()]);
    const names = readState(storage)
      .q.map((e: Event) => e.name)
      .sort();
    expect(names).toEqual(['first 0', 'first 1', 'first 2', 'second 0', 'second 1', 'second 2']);

    collector.clear();
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all([first.tracker.flush(), second.tracker.flush()]);
    const arrived = collector.events();
    expect(new Set(arrived.map((e) => e.name)), wire()).toEqual(new Set(names));
    // The store ignores a repeated id; what each tab sends is bounded all the same.
    expect(arrived.length).toBeLessThanOrEqual(2 * names.length);
    await written();
    expect(readState(storage).q).toEqual([]);
  });

  it('what a tab closed offline left in storage, another tab of the site delivers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const storage = createMemoryStorage();
    const staying = open(storage);
    staying.tracker.consent.grant(['analytics']);
    await staying.tracker.flush();
    const closing = open(storage);
    collector.clear();
    // Offline: the send fails, and so does the beacon at page exit.
    collector.reply('collect', networkError(), networkError());
    closing.tracker.track('Left behind');
    await closing.tracker.flush();
    // The tab goes away (its timers never fire again here): only storage remembers.
    closing.hide();
    for (let i = 0; i < 100 && collector.arrivals.length < 2; i++)
      await new Promise((resolve) => setImmediate(resolve));
    expect(collector.arrivals, wire()).toHaveLength(2);
    expect(readState(storage).q.map((e: Event) => e.name)).toEqual(['Left behind']);

    collector.clear();
    await staying.tracker.flush();
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['Left behind']);
    await written();
    expect(readState(storage).q).toEqual([]);
  });

  it('an event one tab delivered does not come back from the other tab’s copy', async () => {
    const storage = createMemoryStorage();
    const first = open(storage);
    first.tracker.consent.grant(['analytics']);
    await first.tracker.flush();
    const second = open(storage);
    collector.clear();
    first.tracker.track('Once');
    await first.tracker.flush();
    // The second tab writes what it holds, then tracks and delivers its own.
    second.tracker.track('Later');
    await second.tracker.flush();
    await first.tracker.flush();
    await written();
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['Once', 'Later']);
    expect(readState(storage).q).toEqual([]);
  });
});
