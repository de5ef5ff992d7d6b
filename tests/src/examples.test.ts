import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from './support/paths.js';
import { startCollector, type Collector } from './support/startCollector.js';
import { waitFor } from './support/waitFor.js';

// Issue 3: the Node and React Native examples, against the real collector on loopback.
let collector: Collector;

beforeAll(async () => {
  collector = await startCollector();
});
afterAll(() => collector?.stop());

const waitForEvents = async (userId: string, count: number) =>
  (
    await waitFor(
      `${count} events of ${userId}`,
      () => collector.query('person', { userId }),
      (timeline) => timeline.events.length >= count,
    )
  ).events;

describe('examples/node-offline', () => {
  it('sends the offline touchpoints of a CSV, with their own times, channels and properties', async () => {
    const { sendTouchpoints } = await import(join(EXAMPLES, 'node-offline', 'sendTouchpoints.js'));
    const csv = readFileSync(join(EXAMPLES, 'node-offline', 'touchpoints.csv'), 'utf8');
    const result = await sendTouchpoints({
      csv,
      writeKey: collector.project.writeKey,
      host: collector.origin,
    });
    expect(result).toEqual({ sent: 4, skipped: 0 });

    const customer = await waitForEvents('customer-1042', 3);
    expect(customer.map((e: any) => [e.name, e.channel, new Date(e.timestamp).toISOString()])).toEqual([
      ['Store visit', 'store', '2025-03-01T10:12:00.000Z'],
      ['Purchase', 'store', '2025-03-01T10:40:00.000Z'],
      ['Email opened', 'email', '2025-03-04T16:30:00.000Z'],
    ]);
    expect(customer[1].properties).toMatchObject({ store: 'Lyon Part-Dieu', amount: 129.9 });
    const [call] = await waitForEvents('customer-2077', 1);
    expect(call).toMatchObject({
      name: 'Support call',
      channel: 'call_centre',
      properties: { comment: 'Delivery late, asked for a refund' },
    });
  });
});

describe('examples/react-native', () => {
  it('tracks with an in-memory AsyncStorage and delivers when the app goes to the background', async () => {
    const { createAppTracker } = await import(join(EXAMPLES, 'react-native', 'createAppTracker.js'));
    const saved = new Map<string, string>();
    const asyncStorage = {
      getItem: async (key: string) => saved.get(key) ?? null,
      setItem: async (key: string, value: string) => void saved.set(key, value),
      removeItem: async (key: string) => void saved.delete(key),
    };
    const listeners: Array<(state: string) => void> = [];
    const appState = {
      addEventListener: (_: 'change', listener: (state: string) => void) => listeners.push(listener),
    };

    const tracker = createAppTracker({
      asyncStorage,
      appState,
      writeKey: collector.project.writeKey,
      host: collector.origin,
    });
    tracker.track('Opened app before consent');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...saved.keys()]).toEqual([]);

    tracker.consent.grant(['analytics']);
    tracker.identify('rn-customer');
    tracker.page('Home');
    tracker.track('Tapped buy', { sku: 'X2' });
    for (const listener of listeners) listener('background');

    const events = await waitForEvents('rn-customer', 2);
    expect(events.map((e: any) => e.name)).toEqual(expect.arrayContaining(['Home', 'Tapped buy']));
    expect(events.map((e: any) => e.name)).not.toContain('Opened app before consent');
    expect(events.find((e: any) => e.name === 'Tapped buy')).toMatchObject({
      channel: 'mobile',
      properties: { sku: 'X2' },
    });
  });
});
