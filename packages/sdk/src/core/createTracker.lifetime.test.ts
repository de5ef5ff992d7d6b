import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../platforms/createMemoryStorage.js';
import { createCollector, HOST } from '../testing/createCollector.js';
import { createTestPlatform } from '../testing/createTestPlatform.js';
import { createId } from './createId.js';
import { CONSENT_KEY, createTracker, ID_LIFETIME_MS, OLD_STATE_KEY, STATE_KEY } from './createTracker.js';

// Issue 9, item 6: the device's anonymous id expires 13 months after it was made, and
// later visits do not extend it. The clock is vitest's (`Date` only: msw needs real timers).
const collector = createCollector();
beforeAll(() => collector.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: T0 }));
afterEach(() => {
  collector.server.resetHandlers();
  collector.reset();
  vi.useRealTimers();
});
afterAll(() => collector.server.close());

const DAY = 864e5;
/** 31 January: 13 calendar months later is 28 February of the next year, 393 days. */
const T0 = Date.UTC(2025, 0, 31, 12);
const wire = () => JSON.stringify(collector.arrivals, null, 1);

/** A visit: a new tracker (a page load, an app start) on the device's storage; `autoPage` off. */
const visit = (storage: ReturnType<typeof createMemoryStorage>) =>
  createTracker(
    { writeKey: collector.writeKey, host: HOST, autoPage: false },
    createTestPlatform({ storage }).platform,
  );

const readState = (storage: ReturnType<typeof createMemoryStorage>) =>
  JSON.parse(storage.data.get(STATE_KEY)!) as { a: string; u?: string; h?: string; s?: { i: string } };

/** Tracks one event on a tracker and answers the ids it went out with. */
const sent = async (tracker: ReturnType<typeof visit>, name: string) => {
  tracker.track(name);
  await tracker.flush();
  const event = collector.events().find((e) => e.name == name);
  expect(event, wire()).toBeDefined();
  return { anonymousId: event!.anonymousId, userId: event!.userId, session: event!.context!.session };
};

/** Storage where analytics was granted before, holding `state` under `key`. */
const storageWith = (state: object, key = STATE_KEY) => {
  const storage = createMemoryStorage();
  storage.data.set(CONSENT_KEY, '["analytics"]');
  storage.data.set(key, JSON.stringify({ q: [], d: 0, ...state }));
  return storage;
};

/** An anonymous id as `createId` made it at `time`. */
const idMadeAt = (time: number) => {
  vi.setSystemTime(time);
  const id = createId();
  vi.setSystemTime(T0);
  return id;
};

describe('the anonymous id', () => {
  it('is 393 days: the shortest 13 calendar months (31 January to 28 February)', () => {
    expect(ID_LIFETIME_MS).toBe(Date.UTC(2026, 1, 28, 12) - T0);
  });

  it('expires 13 months after it was made, however often the device comes back', async () => {
    const storage = createMemoryStorage();
    const first = visit(storage);
    first.consent.grant(['analytics']);
    first.identify('u_1', undefined, { userHash: 'f00d' });
    const original = await sent(first, 'first visit');
    expect(original.anonymousId).toMatch(/^\w+$/);
    expect(original.userId).toBe('u_1');

    // A visit every month, the last one the very millisecond the 13 months end: same id.
    for (let month = 1; month <= 12; month++) {
      vi.setSystemTime(Date.UTC(2025, month, 28, 12));
      expect((await sent(visit(storage), 'month ' + month)).anonymousId).toBe(original.anonymousId);
    }
    vi.setSystemTime(T0 + ID_LIFETIME_MS);
    const last = await sent(visit(storage), 'last day');
    expect(last).toMatchObject({ anonymousId: original.anonymousId, userId: 'u_1' });

    // A millisecond later the identity is gone as a whole: id, user id and hash, session.
    vi.setSystemTime(T0 + ID_LIFETIME_MS + 1);
    const tracker = visit(storage);
    expect(readState(storage).a).not.toBe(original.anonymousId);
    const renewed = await sent(tracker, 'after 13 months');
    expect(renewed.anonymousId).not.toBe(original.anonymousId);
    expect(renewed.anonymousId).toBe(readState(storage).a);
    expect(renewed.userId).toBeUndefined();
    expect(renewed.session).not.toBe(last.session);
    expect(collector.events().at(-1)!.userHash).toBeUndefined();
    expect(readState(storage)).not.toHaveProperty('u');
    expect(readState(storage)).not.toHaveProperty('h');
    // The consent decision is not an identifier: it stays, and so does capture.
    expect(storage.data.get(CONSENT_KEY)).toBe('["analytics"]');

    // The new id counts its own 13 months, from now.
    vi.setSystemTime(T0 + 2 * ID_LIFETIME_MS + 1);
    expect((await sent(visit(storage), 'still')).anonymousId).toBe(renewed.anonymousId);
    vi.setSystemTime(T0 + 2 * ID_LIFETIME_MS + 2);
    expect((await sent(visit(storage), 'again')).anonymousId).not.toBe(renewed.anonymousId);
  });

  it('expires in a page or app left open, at its next call; events queued before keep the old id', async () => {
    const storage = createMemoryStorage();
    const tracker = visit(storage);
    tracker.consent.grant(['analytics']);
    const old = (await sent(tracker, 'before')).anonymousId;
    vi.setSystemTime(T0 + ID_LIFETIME_MS + DAY);
    // `identify` right after the expiry: the user id it sets is kept, on the new id.
    tracker.identify('u_2');
    tracker.consent.grant(['marketing']);
    tracker.track('after');
    await tracker.flush();
    const events = collector.events();
    expect(
      events.map((e) => [e.name, e.anonymousId == old, e.userId]),
      wire(),
    ).toEqual([
      ['before', true, undefined],
      ['identify', false, 'u_2'],
      ['after', false, 'u_2'],
    ]);
    const renewed = events.at(-1)!.anonymousId;
    expect(events[1]!.anonymousId).toBe(renewed);
    // The proof record of the later decision names the new id, not the expired one.
    expect(collector.records().map((r) => r.anonymousId)).toEqual([old, renewed]);
    await Promise.resolve();
    expect(readState(storage)).toMatchObject({ a: renewed, u: 'u_2' });
  });

  it('never lives in storage past its lifetime: a load replaces it before any call', () => {
    const storage = storageWith({ a: idMadeAt(T0 - ID_LIFETIME_MS - 1), u: 'u_1' });
    visit(storage);
    const state = readState(storage);
    expect(state.a).toMatch(new RegExp('^' + T0.toString(36)));
    expect(state).not.toHaveProperty('u');
  });
});

describe('a state stored before ids expired (no lifetime in it)', () => {
  // Such a state has the same layout: the id's creation time is in the id itself.
  it('keeps an id younger than 13 months until its 13 months end, counted from when it was made', async () => {
    const made = T0 - 365 * DAY;
    const a = idMadeAt(made);
    const storage = storageWith({ a, u: 'u_1' });
    expect(await sent(visit(storage), 'upgraded')).toMatchObject({ anonymousId: a, userId: 'u_1' });
    vi.setSystemTime(made + ID_LIFETIME_MS);
    expect((await sent(visit(storage), 'last day')).anonymousId).toBe(a);
    vi.setSystemTime(made + ID_LIFETIME_MS + 1);
    expect(await sent(visit(storage), 'expired')).toMatchObject({ userId: undefined });
    expect(readState(storage).a).not.toBe(a);
  });

  it.each([
    ['`parcours:2`, older than 13 months', STATE_KEY, T0 - 400 * DAY],
    ["0.1.0's `parcours`, older than 13 months", OLD_STATE_KEY, T0 - 400 * DAY],
    ['an id that carries no creation time', STATE_KEY, undefined],
  ])('replaces an id in %s, and forgets the user with it', async (_, key, made) => {
    const a = made ? idMadeAt(made) : 'a_legacy';
    const storage = storageWith({ a, u: 'u_1', s: { i: 's_1', t: T0, c: 'direct', k: '' } }, key);
    const renewed = await sent(visit(storage), 'upgraded');
    expect(renewed.anonymousId).not.toBe(a);
    expect(renewed.anonymousId).toBe(readState(storage).a);
    expect(renewed.userId).toBeUndefined();
    expect(renewed.session).not.toBe('s_1');
  });
});
