import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// journeys.retention through the real HTTP API on a real SQLite file.
let dir: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;

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

async function retention(input: object, secretKey = project.secretKey) {
  const payload = JSON.stringify({ projectId: project.projectId, ...input });
  const response = await fetch(`${base}/trpc/journeys.retention?input=${encodeURIComponent(payload)}`, {
    headers: { Authorization: `Bearer ${secretKey}` },
  });
  const body = (await response.json()) as any;
  return { status: response.status, data: body.result?.data, error: body.error };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-retention-'));
  store = openSqliteStore({ filename: join(dir, 'retention.db') });
  project = await store.createProject({ name: 'Retention' });
  server = createServer({ store, publicDir: dir, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Week of 1 June: four persons; two back in week 1 (one of them buys), one in week 2.
  // Week of 8 June: two persons, one back in week 1 with a purchase.
  const batch = [
    ...['a', 'b', 'c', 'd'].map((id, i) => visit(id, i)),
    visit('a', 8),
    visit('b', 9, { name: 'Purchased', channel: 'store' }),
    visit('c', 15),
    visit('e', 7),
    visit('f', 10),
    visit('e', 16, { name: 'Purchased', channel: 'store' }),
  ];
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    body: JSON.stringify({ writeKey: project.writeKey, batch }),
  });
  expect(response.status).toBe(200);
});
afterAll(async () => {
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

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
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    body: JSON.stringify({ writeKey: project.writeKey, batch: [visit('d', 17)] }),
  });
  expect(response.status).toBe(200);
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
