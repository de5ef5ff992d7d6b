import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature, type WebhookBody } from '@parcours/api';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { createServer, type ServerOptions } from './createServer.js';
import { queryJourneys } from './testing/queryJourneys.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';
import { startWebhookReceiver, type WebhookReceiver } from './testing/startWebhookReceiver.js';

const T = Date.UTC(2026, 5, 1);
const ev = (anonymousId: string, name: string, minute: number, patch: Partial<Event> = {}): Event => ({
  id: `${anonymousId}-${name}-${minute}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: T + minute * 60_000,
  ...patch,
});

// Two persons sign up, two drop off; one of those is Carol, identified with traits.
const EVENTS: Event[] = [
  ev('ann', 'home', 0),
  ev('ann', 'signup', 1),
  ev('bob', 'home', 0),
  ev('bob', 'signup', 2),
  ev('carol-phone', 'identify', 0, {
    type: 'identify',
    userId: 'carol',
    properties: { email: 'carol@example.com', plan: 'pro' },
  }),
  ev('carol-phone', 'home', 1, { userId: 'carol' }),
  ev('dan', 'home', 3),
];
const FUNNEL = { steps: [{ name: 'home' }, { name: 'signup' }], windowMs: 3_600_000 };
// Fast retries: 150 ms, then 300 ms.
const BASE_DELAY_MS = 150;

describe('signed webhooks over HTTP', () => {
  let dir: string;
  let filename: string;
  let store: Store;
  let project: CreatedProject;
  let server: Server | undefined;
  let base: string;
  const receivers: WebhookReceiver[] = [];

  async function startServer(options: Partial<ServerOptions> = {}) {
    server = createServer({ store, publicDir: dir, limits: TEST_SERVER_LIMITS, ...options });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function stopServer() {
    server?.closeAllConnections();
    server?.close();
    server = undefined;
  }

  async function call(path: string, input: object, method: 'GET' | 'POST' = 'POST') {
    const body = JSON.stringify({ projectId: project.projectId, ...input });
    const url =
      method === 'GET' ? `${base}/trpc/${path}?input=${encodeURIComponent(body)}` : `${base}/trpc/${path}`;
    const response = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${project.secretKey}`, 'Content-Type': 'application/json' },
      ...(method === 'POST' && { body }),
    });
    const answer = (await response.json()) as { result?: { data: any }; error?: any };
    return { status: response.status, data: answer.result?.data, error: answer.error };
  }

  async function createDestination(receiver: WebhookReceiver) {
    const created = await call('webhooks.create', { name: 'CRM', url: receiver.url });
    expect(created.status, JSON.stringify(created.error)).toBe(200);
    return created.data as { destinationId: string; secret: string };
  }

  const sendDropoffs = (destinationId: string) =>
    call('webhooks.send', {
      destinationId,
      source: 'funnelDropoffs',
      query: { ...FUNNEL, step: 2 },
      ids: ['userIds'],
      traits: ['email'],
    });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-webhooks-'));
    filename = join(dir, 'webhooks.db');
    store = openSqliteStore({ filename });
    project = await store.createProject({ name: 'Shop' });
    await store.insertEvents(project.projectId, EVENTS);
  });

  afterEach(async () => {
    await stopServer();
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("delivers a drop-off list's persons, only the picked ids and traits, with a valid signature", async () => {
    await startServer({ webhooks: { baseDelayMs: BASE_DELAY_MS, pollMs: 50 } });
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const destination = await createDestination(receiver);
    expect(destination.secret).toMatch(/^whsec_/);
    const listed = await call('webhooks.list', {}, 'GET');
    expect(JSON.stringify(listed.data)).not.toContain(destination.secret);

    const sent = await sendDropoffs(destination.destinationId);
    expect(sent.status, JSON.stringify(sent.error)).toBe(200);
    const [request] = await receiver.waitFor(1);

    // The signature, checked as docs/webhooks.md tells a receiver to.
    const header = String(request!.headers['parcours-signature']);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
    expect(v1).toBe(createHmac('sha256', destination.secret).update(`${t}.${request!.body}`).digest('hex'));
    expect(verifyWebhookSignature(destination.secret, request!.body, header)).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', request!.body, header)).toBe(false);
    expect(request!.headers['parcours-delivery']).toBe(sent.data.deliveryId);

    const dropoffs = await queryJourneys(
      { base, projectId: project.projectId, secretKey: project.secretKey },
      'funnelDropoffs',
      { ...FUNNEL, step: 2, limit: 200 },
    );
    const expected = (dropoffs.data.persons as Array<{ personId: string; userIds: string[] }>).map(
      (person) => ({
        personId: person.personId,
        userIds: person.userIds,
        traits: person.userIds.includes('carol') ? { email: 'carol@example.com' } : {},
      }),
    );
    expect(expected).toHaveLength(2);
    const body = JSON.parse(request!.body) as WebhookBody;
    expect(body).toEqual({
      projectId: project.projectId,
      source: 'funnelDropoffs',
      createdAt: expect.any(Number),
      persons: expect.arrayContaining(expected),
    });
    expect(body.persons).toHaveLength(2);
    // Nothing left that was not picked: no devices, no other trait, no touchpoints.
    expect(request!.body).not.toContain('carol-phone');
    expect(request!.body).not.toContain('plan');

    const { entries } = await store.getAuditLog(project.projectId, { limit: 10, action: 'webhook.' });
    expect(entries.map((entry) => entry.action)).toEqual(['webhook.sent', 'webhook.created']);
    expect(entries[0]?.detail).toMatchObject({ source: 'funnelDropoffs', persons: 2, traits: 'email' });
  });

  it('retries a receiver that fails twice with a growing wait, and logs all three attempts', async () => {
    await startServer({ webhooks: { baseDelayMs: BASE_DELAY_MS, pollMs: 25 } });
    const receiver = await startWebhookReceiver([500, 503]);
    receivers.push(receiver);
    const destination = await createDestination(receiver);
    const sent = await sendDropoffs(destination.destinationId);
    const requests = await receiver.waitFor(3);

    expect(new Set(requests.map((r) => r.headers['parcours-delivery']))).toEqual(
      new Set([sent.data.deliveryId]),
    );
    expect(requests.every((r) => r.body === requests[0]!.body)).toBe(true);

    // The log is written after the receiver answered: wait for the third attempt.
    let log: any;
    for (let i = 0; i < 100; i++) {
      log = await call('webhooks.deliveries', { destinationId: destination.destinationId }, 'GET');
      if (log.data?.[0]?.status === 'delivered') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({ deliveryId: sent.data.deliveryId, status: 'delivered', persons: 2 });
    expect(
      log.data[0].attempts.map((a: { status: number; error: string | null }) => [a.status, a.error]),
    ).toEqual([
      [500, 'HTTP 500'],
      [503, 'HTTP 503'],
      [200, null],
    ]);
    // Backoff: each try at least the doubling wait after the one before (the deliverer's
    // clock; the receiver's differs by the request's latency).
    const times = log.data[0].attempts.map((a: { at: number }) => a.at);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(BASE_DELAY_MS);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(2 * BASE_DELAY_MS);
  });

  it('gives up after the last attempt, and logs why when nobody answers', async () => {
    await startServer({ webhooks: { baseDelayMs: 20, maxAttempts: 2, pollMs: 10 } });
    // A port nobody listens on: a receiver started and closed.
    const gone = await startWebhookReceiver();
    await gone.close();
    const destination = await call('webhooks.create', { name: 'Gone', url: gone.url });
    await sendDropoffs(destination.data.destinationId);
    let log: any;
    for (let i = 0; i < 150; i++) {
      log = await call('webhooks.deliveries', { destinationId: destination.data.destinationId }, 'GET');
      if (log.data?.[0]?.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(log.data[0].status).toBe('failed');
    expect(log.data[0].attempts).toHaveLength(2);
    expect(log.data[0].attempts[0]).toMatchObject({
      status: null,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('keeps a queued delivery across a restart: the next server delivers it', async () => {
    await startServer(); // no deliverer: the send only queues
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const destination = await createDestination(receiver);
    const sent = await sendDropoffs(destination.destinationId);
    expect(sent.status).toBe(200);
    await stopServer();
    await store.close();
    expect(receiver.received).toHaveLength(0);

    store = openSqliteStore({ filename });
    await startServer({ webhooks: { baseDelayMs: BASE_DELAY_MS, pollMs: 50 } });
    const [request] = await receiver.waitFor(1);
    expect(request!.headers['parcours-delivery']).toBe(sent.data.deliveryId);
  });

  it('answers 400 naming the bad field, 404 for an unknown destination', async () => {
    await startServer();
    const ftp = await call('webhooks.create', { name: 'CRM', url: 'ftp://crm.example/hook' });
    expect(ftp.status).toBe(400);
    expect(JSON.stringify(ftp.error)).toContain('http:// or https://');
    const unknown = await sendDropoffs('whk_nope');
    expect(unknown.status).toBe(404);
    expect(unknown.error.message).toContain('whk_nope');
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const destination = await createDestination(receiver);
    const badQuery = await call('webhooks.send', {
      destinationId: destination.destinationId,
      source: 'funnelDropoffs',
      query: { steps: [], windowMs: 1 },
    });
    expect(badQuery.status).toBe(400);
    expect(badQuery.error.message).toMatch(/steps: Too small/);
    expect(badQuery.error.message).toMatch(/step: .*expected number/);
    const badSource = await call('webhooks.send', {
      destinationId: destination.destinationId,
      source: 'everyone',
      query: {},
    });
    expect(badSource.status).toBe(400);
    expect(JSON.stringify(badSource.error)).toContain('source');
  });
});
