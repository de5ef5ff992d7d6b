import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ID_LIFETIME_MS, STATE_KEY } from './core/createTracker.js';
import { createCollector, HOST } from './testing/createCollector.js';
import { createTracker, type AppStateLike, type AsyncStorageLike } from './react-native.js';

// Issue 9, item 6, in the React Native entry: AsyncStorage answers later, so the expiry
// happens while calls made before the load wait. The clock is vitest's (`Date` only).
const collector = createCollector();
const T0 = Date.UTC(2025, 4, 15, 9);
beforeAll(() => collector.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: T0 }));
afterEach(() => {
  collector.server.resetHandlers();
  collector.reset();
  vi.useRealTimers();
});
afterAll(() => collector.server.close());

const wire = () => JSON.stringify(collector.arrivals, null, 1);

/** AsyncStorage in memory: every call answers on a later turn, as the native module does. */
const createAsyncStorage = () => {
  const data = new Map<string, string>();
  const later = <T>(fn: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(fn()), 1));
  const storage: AsyncStorageLike = {
    getItem: (key) => later(() => data.get(key) ?? null),
    setItem: (key, value) => later(() => void data.set(key, value)),
    removeItem: (key) => later(() => void data.delete(key)),
  };
  return { storage, data };
};
const appState: AppStateLike = { addEventListener: () => undefined };
const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

/** An app start on the device's AsyncStorage. */
const start = (storage: AsyncStorageLike) =>
  createTracker({ writeKey: collector.writeKey, host: HOST, asyncStorage: storage, appState });

/** Shows one screen and answers the ids its event went out with. */
const screen = async (tracker: ReturnType<typeof start>, name: string) => {
  tracker.page(name);
  await tracker.flush();
  const event = collector.events().find((e) => e.name == name);
  expect(event, wire()).toBeDefined();
  return { anonymousId: event!.anonymousId, userId: event!.userId };
};

describe('@parcours/sdk/react-native: the anonymous id', () => {
  it('expires 13 months after it was made, however often the app starts', async () => {
    const { storage, data } = createAsyncStorage();
    const first = start(storage);
    first.consent.grant(['analytics'], 'app');
    first.identify('u_1');
    const original = await screen(first, 'Home');
    expect(original.userId).toBe('u_1');

    for (const at of [T0 + 30 * 864e5, T0 + 200 * 864e5, T0 + ID_LIFETIME_MS]) {
      vi.setSystemTime(at);
      expect(await screen(start(storage), 'Screen at ' + at)).toEqual(original);
    }

    vi.setSystemTime(T0 + ID_LIFETIME_MS + 1);
    const renewed = await screen(start(storage), 'After 13 months');
    expect(renewed.anonymousId).not.toBe(original.anonymousId);
    expect(renewed.userId).toBeUndefined();
    await tick();
    expect(JSON.parse(data.get(STATE_KEY)!)).toMatchObject({ a: renewed.anonymousId });
    expect(JSON.parse(data.get(STATE_KEY)!)).not.toHaveProperty('u');
  });

  it('expires while the app stays in memory, at the next call', async () => {
    const { storage } = createAsyncStorage();
    const tracker = start(storage);
    tracker.consent.grant(['analytics'], 'app');
    const original = await screen(tracker, 'Home');
    vi.setSystemTime(T0 + ID_LIFETIME_MS);
    expect((await screen(tracker, 'Last day')).anonymousId).toBe(original.anonymousId);
    vi.setSystemTime(T0 + ID_LIFETIME_MS + 60_000);
    expect((await screen(tracker, 'A minute later')).anonymousId).not.toBe(original.anonymousId);
  });
});
