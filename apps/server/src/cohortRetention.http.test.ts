import type { Event } from '@parcours/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourneysServer, type JourneysServer } from './testing/startJourneysServer.js';

// journeys.retention through the real HTTP API on a real SQLite file.
let server: JourneysServer;

const DAY = 86_400_000;
/** A Monday: the cohort weeks start on days 0, 7, 14. */
const day = (n: number) => Date.UTC(2026, 5, 1) + n * DAY;
let seq = 0;
const visit = (anonymousId: string, n: number, extra: Partial<Event> = {}): Event => ({
  id: `r-${++seq}`,
  type: 'track',
  name: 'Visited',
  anonymousId,
  timestamp: day(n),
  channel: 'web',
  ...extra,
});
const retention = (input: object, secretKey?: string) => server.query('retention', input, secretKey);

beforeAll(async () => {
  server = await startJourneysServer('retention');
  // Week of 1 June: four persons; two back in week 1 (one of them buys), one in week 2.
  // Week of 8 June: two persons, one back in week 1 with a purchase.
  const status = await server.collect([
    ...['a', 'b', 'c', 'd'].map((id, i) => visit(id, i)),
    visit('a', 8),
    visit('b', 9, { name: 'Purchased', channel: 'store' }),
    visit('c', 15),
    visit('e', 7),
    visit('f', 10),
    visit('e', 16, { name: 'Purchased', channel: 'store' }),
  ]);
  expect(status).toBe(200);
});
afterAll(() => server.stop());

const range = { from: day(0), to: day(21) - 1 };

it('answers cohorts by week of first touchpoint, those back each week after, and the curve', async () => {
  const { status, data } = await retention(range);
  expect(status).toBe(200);
  expect(data.cohorts).toEqual([
    { week: '2026-06-01', persons: 4, returned: [4, 2, 1] },
    { week: '2026-06-08', persons: 2, returned: [2, 1] },
    { week: '2026-06-15', persons: 0, returned: [0] },
  ]);
  expect(data.curve).toEqual([
    { week: 0, persons: 6, returned: 6, share: 1 },
    { week: 1, persons: 6, returned: 3, share: 0.5 },
    { week: 2, persons: 4, returned: 1, share: 0.25 },
  ]);
});

it('counts a chosen touchpoint only, and reflects touchpoints collected since', async () => {
  const purchases = await retention({ ...range, returning: { name: 'Purchased', channel: 'store' } });
  expect(purchases.data.cohorts.map((c: { returned: number[] }) => c.returned)).toEqual([
    [4, 1, 0],
    [2, 1],
    [0],
  ]);
  expect(await server.collect([visit('d', 17)])).toBe(200);
  expect((await retention(range)).data.cohorts[0].returned).toEqual([4, 2, 2]);
});

it('answers 400 naming a bad range or touchpoint, and 401 without the secret key', async () => {
  const tooLong = await retention({ from: day(0), to: day(53 * 7) });
  expect(tooLong.status).toBe(400);
  expect(JSON.stringify(tooLong.error)).toContain('at most 53 weeks');
  const backwards = await retention({ from: day(7), to: day(0) });
  expect(backwards.status).toBe(400);
  const noName = await retention({ ...range, returning: { name: '' } });
  expect(noName.status).toBe(400);
  expect(JSON.stringify(noName.error)).toContain('returning');
  expect((await retention(range, 'sk_wrong')).status).toBe(401);
});
