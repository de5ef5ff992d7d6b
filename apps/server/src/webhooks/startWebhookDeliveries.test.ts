import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStore } from '@parcours/store';
import { startWebhookDeliveries } from './startWebhookDeliveries.js';

const dir = mkdtempSync(join(tmpdir(), 'parcours-deliveries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('stops quietly when its store closes under a delivery on its way, which stays due for the next start', async () => {
  // A receiver that holds its answer until the test lets it go.
  const held: ServerResponse[] = [];
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => held.push(res));
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const filename = join(dir, 'store.db');
  const store = openSqliteStore({ filename });
  const { projectId } = await store.createProject({ name: 'Shop' });
  const destination = await store.createWebhookDestination({
    projectId,
    name: 'CRM',
    url,
    createdBy: 'test',
  });
  const delivery = await store.enqueueWebhookDelivery({
    projectId,
    destinationId: destination.destinationId,
    source: 'persons',
    persons: 1,
    body: '{"persons":[]}',
    at: Date.now(),
  });
  const logged: unknown[] = [];
  const deliveries = startWebhookDeliveries(store, { pollMs: 50, logError: (...args) => logged.push(args) });
  for (const deadline = Date.now() + 10_000; held.length === 0;) {
    if (Date.now() > deadline) throw new Error('the delivery never reached the receiver');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  // The server stops, then closes its store; the receiver answers only after that.
  deliveries.stop();
  await store.close();
  held[0]!.writeHead(200).end();
  await new Promise((resolve) => setTimeout(resolve, 300));
  receiver.closeAllConnections();
  receiver.close();
  expect(logged).toEqual([]);

  // Its attempt was not recorded: the next start sends it again (at least once).
  const reopened = openSqliteStore({ filename });
  const due = await reopened.getDueWebhookDeliveries(Date.now(), 10);
  expect(due.map((d) => d.deliveryId)).toEqual([delivery!.deliveryId]);
  await reopened.close();
}, 30_000);
