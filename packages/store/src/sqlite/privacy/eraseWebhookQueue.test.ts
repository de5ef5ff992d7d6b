import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../../Store.js';
import { openSqliteStore } from '../openSqliteStore.js';

// An erasure reaches the webhook queue: a list queued before it, not sent yet, no
// longer carries the person, on a real SQLite file.
let dir: string;
let filename: string;
let store: Store;
let projectId: string;
let destinationId: string;

const ERASED_USER = 'erased-user-7f3a@example.test';
const ERASED_PHONE = 'erased-phone-51c9';
const ERASED_LAPTOP = 'erased-laptop-e204';
const t0 = Date.UTC(2026, 2, 1);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-erase-webhooks-'));
  filename = join(dir, 'webhooks.db');
  store = openSqliteStore({ filename });
  ({ projectId } = await store.createProject({ name: 'Shop' }));
  await store.insertEvents(projectId, [
    {
      id: 'a1',
      type: 'track',
      name: 'Viewed',
      anonymousId: ERASED_PHONE,
      userId: ERASED_USER,
      timestamp: t0,
    },
    {
      id: 'a2',
      type: 'track',
      name: 'Viewed',
      anonymousId: ERASED_LAPTOP,
      userId: ERASED_USER,
      timestamp: t0 + 1,
    },
    { id: 'b1', type: 'track', name: 'Viewed', anonymousId: 'visitor-b', timestamp: t0 + 2 },
    { id: 'c1', type: 'track', name: 'Viewed', anonymousId: 'phone-c', userId: 'user-c', timestamp: t0 + 3 },
  ]);
  ({ destinationId } = await store.createWebhookDestination({
    projectId,
    name: 'CRM',
    url: 'https://crm.example.test/hook',
    createdBy: 'owner@example.test',
  }));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const erased = {
  personId: `user:${ERASED_USER}`,
  anonymousIds: [ERASED_PHONE, ERASED_LAPTOP],
  userIds: [ERASED_USER],
  traits: { plan: 'pro' },
};
const visitor = { personId: 'visitor-b', anonymousIds: ['visitor-b'], userIds: [] };
const other = { personId: 'user:user-c', anonymousIds: ['phone-c'], userIds: ['user-c'] };

async function enqueue(persons: object[]) {
  const body = JSON.stringify({ projectId, source: 'persons', createdAt: t0, persons });
  const delivery = await store.enqueueWebhookDelivery({
    projectId,
    destinationId,
    source: 'persons',
    persons: persons.length,
    body,
    at: t0,
  });
  return delivery!.deliveryId;
}

async function queued() {
  const due = await store.getDueWebhookDeliveries(Date.now(), 10);
  const counts = new Map(
    (await store.listWebhookDeliveries(projectId, destinationId, 10)).map((d) => [d.deliveryId, d.persons]),
  );
  return Object.fromEntries(
    due.map((d) => [
      d.deliveryId,
      { persons: (JSON.parse(d.body) as { persons: unknown[] }).persons, count: counts.get(d.deliveryId) },
    ]),
  );
}

const fileBytes = () =>
  readFileSync(filename, 'latin1') +
  (existsSync(`${filename}-wal`) ? readFileSync(`${filename}-wal`, 'latin1') : '');

it('takes an erased person out of every pending body, keeps the others and counts them again', async () => {
  const list = await enqueue([erased, visitor, other]);
  const alone = await enqueue([erased]);
  const untouched = await enqueue([other]);
  // Found by any of their ids: here a device of theirs.
  await store.erasePerson(projectId, { anonymousId: ERASED_LAPTOP });
  expect(await queued()).toEqual({
    [list]: { persons: [visitor, other], count: 2 },
    [alone]: { persons: [], count: 0 },
    [untouched]: { persons: [other], count: 1 },
  });
  const bytes = fileBytes();
  for (const id of [ERASED_USER, ERASED_PHONE, ERASED_LAPTOP]) expect(bytes.includes(id), id).toBe(false);
});

it('takes a withdrawn device out of pending bodies too', async () => {
  const list = await enqueue([visitor, other]);
  await store.eraseDevice(projectId, 'visitor-b');
  expect(await queued()).toEqual({ [list]: { persons: [other], count: 1 } });
});
