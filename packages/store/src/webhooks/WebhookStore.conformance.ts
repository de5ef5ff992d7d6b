import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../Store.js';
import { openConformanceStore, type ConformanceTarget } from '../testing/openConformanceStore.js';

/**
 * Webhook destinations, the persisted delivery queue and the delivery log as every
 * engine must keep them (issue 12, item 4; `describeStoreConformance` runs this).
 */
export function describeWebhookStoreConformance(target: ConformanceTarget): void {
  describe(`WebhookStore conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;
    const t = Date.UTC(2026, 5, 1);

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Webhooks' }));
    });
    afterEach(() => store.close());

    const createDestination = (name = 'CRM') =>
      store.createWebhookDestination({ projectId, name, url: 'https://crm.example/hook', createdBy: 'ann' });

    it('creates destinations with a secret shown once, lists them without it, deletes them', async () => {
      const created = await createDestination();
      expect(created.secret).toMatch(/^whsec_.{32}$/);
      const other = await createDestination('Mailer');
      expect(other.secret).not.toBe(created.secret);
      const listed = await store.listWebhookDestinations(projectId);
      expect(listed.map((d) => d.name)).toEqual(['CRM', 'Mailer']);
      expect(listed[0]).toEqual({
        destinationId: created.destinationId,
        projectId,
        name: 'CRM',
        url: 'https://crm.example/hook',
        createdBy: 'ann',
        createdAt: created.createdAt,
      });
      const { projectId: elsewhere } = await store.createProject({ name: 'Other' });
      expect(await store.deleteWebhookDestination(elsewhere, created.destinationId)).toBe(false);
      expect(await store.deleteWebhookDestination(projectId, created.destinationId)).toBe(true);
      expect(await store.deleteWebhookDestination(projectId, created.destinationId)).toBe(false);
      expect((await store.listWebhookDestinations(projectId)).map((d) => d.name)).toEqual(['Mailer']);
    });

    it('queues a delivery, hands it out when due, logs each attempt and blanks a finished one', async () => {
      const destination = await createDestination();
      const enqueued = await store.enqueueWebhookDelivery({
        projectId,
        destinationId: destination.destinationId,
        source: 'funnelDropoffs',
        persons: 2,
        body: '{"persons":["a","b"]}',
        at: t,
      });
      expect(enqueued).toMatchObject({ status: 'pending', persons: 2, nextAttemptAt: t, attempts: [] });
      const deliveryId = enqueued!.deliveryId;
      expect(await store.getDueWebhookDeliveries(t - 1, 10)).toEqual([]);
      expect(await store.getDueWebhookDeliveries(t, 10)).toEqual([
        {
          deliveryId,
          projectId,
          destinationId: destination.destinationId,
          url: 'https://crm.example/hook',
          secret: destination.secret,
          body: '{"persons":["a","b"]}',
          attempts: 0,
        },
      ]);

      await store.recordWebhookAttempt(deliveryId, {
        at: t,
        status: 500,
        error: 'HTTP 500',
        delivered: false,
        nextAttemptAt: t + 1_000,
      });
      expect(await store.getDueWebhookDeliveries(t + 999, 10)).toEqual([]);
      expect((await store.getDueWebhookDeliveries(t + 1_000, 10))[0]?.attempts).toBe(1);
      await store.recordWebhookAttempt(deliveryId, {
        at: t + 1_000,
        status: 204,
        error: null,
        delivered: true,
        nextAttemptAt: null,
      });
      expect(await store.getDueWebhookDeliveries(t + 100_000, 10)).toEqual([]);
      const [logged] = await store.listWebhookDeliveries(projectId, destination.destinationId, 10);
      expect(logged).toMatchObject({ deliveryId, status: 'delivered', nextAttemptAt: null });
      expect(logged?.attempts).toEqual([
        { at: t, status: 500, error: 'HTTP 500' },
        { at: t + 1_000, status: 204, error: null },
      ]);
    });

    it('gives a delivery up when no next attempt is given, and refuses an unknown destination', async () => {
      const destination = await createDestination();
      const input = { projectId, source: 'persons', persons: 1, body: '{}', at: t };
      expect(await store.enqueueWebhookDelivery({ ...input, destinationId: 'whk_nope' })).toBeUndefined();
      const enqueued = await store.enqueueWebhookDelivery({
        ...input,
        destinationId: destination.destinationId,
      });
      await store.recordWebhookAttempt(enqueued!.deliveryId, {
        at: t,
        status: null,
        error: 'connection refused',
        delivered: false,
        nextAttemptAt: null,
      });
      expect(await store.getDueWebhookDeliveries(t + 100_000, 10)).toEqual([]);
      const log = await store.listWebhookDeliveries(projectId, destination.destinationId, 10);
      expect(log.map((d) => [d.status, d.attempts.length])).toEqual([['failed', 1]]);
      expect(await store.listWebhookDeliveries(projectId, 'whk_nope', 10)).toEqual([]);
    });

    it('keeps a report brand per project, replaced whole', async () => {
      expect(await store.getReportBrand(projectId)).toBeUndefined();
      const brand = {
        title: 'Weekly',
        primaryColor: '#112233',
        accentColor: '#445566',
        logoDataUrl: 'data:image/png;base64,AA==',
      };
      await store.setReportBrand(projectId, brand);
      expect(await store.getReportBrand(projectId)).toEqual(brand);
      await store.setReportBrand(projectId, { ...brand, logoDataUrl: null });
      expect(await store.getReportBrand(projectId)).toEqual({ ...brand, logoDataUrl: null });
      const { projectId: other } = await store.createProject({ name: 'Other' });
      expect(await store.getReportBrand(other)).toBeUndefined();
    });
  });
}
