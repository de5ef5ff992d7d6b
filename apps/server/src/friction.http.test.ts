import type { Event } from '@parcours/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourneysServer, type JourneysServer } from './testing/startJourneysServer.js';

// journeys.friction through the real HTTP API on a real SQLite file.
let server: JourneysServer;

const HOUR = 3_600_000;
const t0 = Date.UTC(2026, 5, 1);
let seq = 0;
const tp = (anonymousId: string, name: string, hours: number, channel = 'web'): Event => ({
  id: `f-${++seq}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: t0 + hours * HOUR,
  channel,
});
const friction = (input: object, secretKey?: string) => server.query('friction', input, secretKey);

beforeAll(async () => {
  server = await startJourneysServer('friction');
  const status = await server.collect([
    // Two persons going back and forth between the cart and the delivery options.
    ...['l1', 'l2'].flatMap((id) => [tp(id, 'Cart', 0), tp(id, 'Delivery', 1), tp(id, 'Cart', 2)]),
    // s1 calls twice in two days (a repeated contact), s2 twice 8 days apart (not).
    tp('s1', 'Support call', 0, 'call_centre'),
    tp('s1', 'Support call', 48, 'call_centre'),
    tp('s2', 'Support call', 0, 'call_centre'),
    tp('s2', 'Support call', 8 * 24, 'call_centre'),
    // Ten Order → Delivered, one of them four days late.
    ...Array.from({ length: 10 }, (_, p) => [
      tp(`o${p}`, 'Order', 0),
      tp(`o${p}`, 'Delivered', p === 7 ? 96 : 24 + p),
    ]).flat(),
  ]);
  expect(status).toBe(200);
});
afterAll(() => server.stop());

it('answers loops, repeated support contacts and long waits with the persons affected', async () => {
  const { status, data } = await friction({ support: [{ name: 'Support call', channel: 'call_centre' }] });
  expect(status).toBe(200);
  expect(data.loops).toEqual([
    { from: 'Cart', via: 'Delivery', persons: 2, occurrences: 2, examples: ['l1', 'l2'] },
  ]);
  expect(data.repeatedContacts).toEqual([
    { name: 'Support call', channel: 'call_centre', persons: 1, occurrences: 1, examples: ['s1'] },
  ]);
  // Waits of 24 to 33 hours and one of 96: the 90th percentile (nearest rank) is 33 hours.
  expect(data.longWaits).toEqual([
    {
      from: 'Order',
      to: 'Delivered',
      transitions: 10,
      p90Ms: 33 * HOUR,
      persons: 1,
      occurrences: 1,
      examples: ['o7'],
    },
  ]);
});

it('counts only the touchpoints of the range', async () => {
  const support = [{ name: 'Support call' }];
  // Up to 50 hours: the late delivery is out, and nine waits alone have none above their p90.
  const early = await friction({ to: t0 + 50 * HOUR, support });
  expect(early.data.loops.map((l: { persons: number }) => l.persons)).toEqual([2]);
  expect(early.data.repeatedContacts.map((c: { examples: string[] }) => c.examples)).toEqual([['s1']]);
  expect(early.data.longWaits).toEqual([]);
  // From 1.5 hours: the loops' first Cart and the first calls are out.
  const late = await friction({ from: t0 + 1.5 * HOUR, support });
  expect(late.data.loops).toEqual([]);
  expect(late.data.repeatedContacts).toEqual([]);
});

it('answers 400 naming a bad input, and 401 without the secret key', async () => {
  const backwards = await friction({ from: t0 + HOUR, to: t0 });
  expect(backwards.status).toBe(400);
  expect(JSON.stringify(backwards.error)).toContain('from must not be after to');
  const badLimit = await friction({ limit: 0 });
  expect(badLimit.status).toBe(400);
  expect(JSON.stringify(badLimit.error)).toContain('limit');
  expect((await friction({}, 'sk_wrong')).status).toBe(401);
});
