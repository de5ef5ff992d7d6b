import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, HOST, networkError } from './testing/createCollector.js';
import { createTracker, type AppStateLike, type AsyncStorageLike } from './react-native.js';

const collector = createCollector();
beforeAll(() => collector.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  collector.server.resetHandlers();
  collector.reset();
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

/** AppState whose changes the test fires. */
const createAppState = () => {
  const listeners: ((state: string) => void)[] = [];
  const appState: AppStateLike = { addEventListener: (_type, listener) => listeners.push(listener) };
  return { appState, change: (state: string) => listeners.forEach((fn) => fn(state)) };
};

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('@parcours/sdk/react-native', () => {
  it('stores nothing before consent, then captures screens on the mobile channel with the app context', async () => {
    const { storage, data } = createAsyncStorage();
    const { appState } = createAppState();
    const tracker = createTracker({
      writeKey: collector.writeKey,
      host: HOST,
      asyncStorage: storage,
      appState,
      context: { app: '2.3.0' },
    });
    tracker.page('Home');
    await tracker.flush();
    await tick();
    expect([...data.keys()]).toEqual([]);
    expect(collector.arrivals).toEqual([]);

    tracker.consent.grant(['analytics'], 'app');
    tracker.page('Checkout', { items: 2 });
    await tracker.flush();
    const [checkout] = collector.events();
    expect(checkout, wire()).toMatchObject({
      type: 'page',
      name: 'Checkout',
      channel: 'mobile',
      properties: { items: 2 },
    });
    expect(checkout!.context).toMatchObject({
      app: '2.3.0',
      locale: expect.any(String),
      timezone: expect.any(String),
    });
    expect(collector.records()[0]).toMatchObject({ source: 'app', granted: ['analytics'] });
  });

  it('runs calls made before AsyncStorage answers once it has, in order, with the stored decision', async () => {
    const { storage, data } = createAsyncStorage();
    const first = createTracker({
      writeKey: collector.writeKey,
      host: HOST,
      asyncStorage: storage,
      appState: createAppState().appState,
    });
    first.consent.grant(['analytics']);
    await first.flush();
    await tick();
    expect(data.has('parcours_consent')).toBe(true);

    collector.clear();
    const second = createTracker({
      writeKey: collector.writeKey,
      host: HOST,
      asyncStorage: storage,
      appState: createAppState().appState,
    });
    // AsyncStorage has not answered yet: these wait, then run in order with the decision read.
    second.track('one');
    second.identify('u_7');
    second.track('two');
    await second.flush();
    expect(second.consent.get()).toEqual(['analytics']);
    expect(
      collector.events().map((e) => [e.name, e.userId]),
      wire(),
    ).toEqual([
      ['one', undefined],
      ['identify', 'u_7'],
      ['two', 'u_7'],
    ]);
  });

  it('sends the queue when the app leaves the foreground, and keeps what failed for the next launch', async () => {
    const { storage } = createAsyncStorage();
    const { appState, change } = createAppState();
    const tracker = createTracker({
      writeKey: collector.writeKey,
      host: HOST,
      asyncStorage: storage,
      appState,
      consent: ['analytics'],
    });
    collector.reply('collect', networkError());
    tracker.track('offline');
    change('background');
    await tick(50);
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['offline']);

    collector.clear();
    const relaunched = createTracker({
      writeKey: collector.writeKey,
      host: HOST,
      asyncStorage: storage,
      appState,
      consent: ['analytics'],
    });
    await relaunched.flush();
    await tick(50);
    expect(
      collector.events().map((e) => e.name),
      wire(),
    ).toEqual(['offline']);
  });
});
