import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaller } from '../appRouter.js';
import { createApiServices } from '../auth/createApiServices.js';
import type { WebhookBody } from '../webhooks/buildWebhookBody.js';

// Issue 12, item 4: each list a webhook can carry, with only what the sender picked,
// queued in a real SQLite file (the HTTP test in apps/server delivers them).
let dir: string;
let store: Store;
let project: CreatedProject;
let queued = 0;

const T = Date.UTC(2026, 5, 1);
const ev = (anonymousId: string, name: string, minute: number, patch: Partial<Event> = {}): Event => ({
  id: `${anonymousId}-${name}-${minute}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: T + minute * 60_000,
  ...patch,
});

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-webhooks-api-'));
  store = openSqliteStore({ filename: join(dir, 'webhooks.db') });
  project = await store.createProject({ name: 'Shop' });
  await store.insertEvents(project.projectId, [
    ev('eve-phone', 'identify', 0, {
      type: 'identify',
      userId: 'eve',
      properties: { email: 'e@x.io', plan: 'pro' },
    }),
    ev('eve-phone', 'Cart', 1, { userId: 'eve' }),
    ev('eve-phone', 'Delivery', 2, { userId: 'eve' }),
    ev('eve-phone', 'Cart', 3, { userId: 'eve' }),
    ev('fay', 'Cart', 1),
  ]);
  queued = 0;
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const caller = () =>
  createCaller({
    store,
    authorization: `Bearer ${project.secretKey}`,
    services: { ...createApiServices(), onWebhookQueued: () => queued++ },
  });

/** Sends and answers the body the store queued. */
async function sendAndRead(input: {
  source: 'persons' | 'friction';
  query: Record<string, unknown>;
  ids?: Array<'anonymousIds' | 'userIds'>;
  traits?: string[];
}) {
  const api = caller();
  const destination = await api.webhooks.create({
    projectId: project.projectId,
    name: 'CRM',
    url: 'https://crm.example/hook',
  });
  const delivery = await api.webhooks.send({
    projectId: project.projectId,
    destinationId: destination.destinationId,
    ...input,
  });
  const [due] = await store.getDueWebhookDeliveries(Date.now(), 10);
  expect(due?.deliveryId).toBe(delivery.deliveryId);
  return { delivery, body: JSON.parse(due!.body) as WebhookBody };
}

describe('webhooks.send', () => {
  it('sends the persons list with only the picked ids and traits, and wakes the deliverer', async () => {
    const { delivery, body } = await sendAndRead({
      source: 'persons',
      query: { sort: 'personId', order: 'asc' },
      ids: ['anonymousIds'],
      traits: ['email', 'missing'],
    });
    expect(body.persons).toEqual([
      { personId: 'fay', anonymousIds: ['fay'], traits: {} },
      { personId: 'user:eve', anonymousIds: ['eve-phone'], traits: { email: 'e@x.io' } },
    ]);
    expect(delivery.persons).toBe(2);
    expect(queued).toBe(1);
  });

  it("sends one friction item's persons, the ids read from their profiles", async () => {
    const { body } = await sendAndRead({
      source: 'friction',
      query: { list: 'loops', item: 0 },
      ids: ['userIds'],
    });
    const friction = await store.getFriction(project.projectId, {});
    expect(friction.loops[0]).toMatchObject({ from: 'Cart', via: 'Delivery', examples: ['user:eve'] });
    expect(body.persons).toEqual([{ personId: 'user:eve', userIds: ['eve'] }]);
  });

  it('sends an empty list for a friction item that does not exist, and refuses a bad list name', async () => {
    const { body } = await sendAndRead({ source: 'friction', query: { list: 'loops', item: 5 } });
    expect(body.persons).toEqual([]);
    const api = caller();
    const [destination] = await store.listWebhookDestinations(project.projectId);
    await expect(
      api.webhooks.send({
        projectId: project.projectId,
        destinationId: destination!.destinationId,
        source: 'friction',
        query: { list: 'everything', item: 0 },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('list') });
  });
});
