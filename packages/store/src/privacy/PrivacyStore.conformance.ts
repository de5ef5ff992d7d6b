import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../retention/types.js';
import type { Store, StoredEvent } from '../Store.js';
import { openConformanceStore, type ConformanceTarget } from '../testing/openConformanceStore.js';
import { PERSON_EXPORT_SCHEMA_VERSION } from './types.js';

/**
 * Access, erasure, retention, data-subject requests and the register as every Store
 * engine must do them (issue 9; `describeStoreConformance` runs this). The SQLite
 * store's own tests go further (the file's bytes, the registry against the schema,
 * random streams against a fresh store).
 */
export function describePrivacyStoreConformance(target: ConformanceTarget): void {
  describe(`PrivacyStore conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;
    const t = Date.UTC(2026, 5, 1);
    const events: StoredEvent[] = [
      { id: 'g1', type: 'page', name: 'home', anonymousId: 'gina-phone', timestamp: t },
      {
        id: 'g2',
        type: 'track',
        name: 'signup',
        anonymousId: 'gina-phone',
        userId: 'gina',
        timestamp: t + 1,
      },
      { id: 'g3', type: 'page', name: 'home', anonymousId: 'gina-laptop', userId: 'gina', timestamp: t + 2 },
      { id: 'h1', type: 'page', name: 'home', anonymousId: 'hugo-phone', timestamp: t },
      { id: 'h2', type: 'track', name: 'signup', anonymousId: 'hugo-phone', timestamp: t + 5 },
    ];
    const funnel = { steps: [{ name: 'home' }, { name: 'signup' }], windowMs: 60_000 };

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Privacy' }));
      await store.insertEvents(projectId, events);
    });
    afterEach(() => store.close());

    it('exports a person with all their linked ids, by user id or any device', async () => {
      for (const ref of [{ userId: 'gina' }, { anonymousId: 'gina-laptop' }]) {
        const exported = await store.exportPerson(projectId, ref);
        expect(exported).toMatchObject({ schemaVersion: PERSON_EXPORT_SCHEMA_VERSION, projectId });
        expect(exported!.person).toEqual({
          id: 'user:gina',
          anonymousIds: ['gina-laptop', 'gina-phone'],
          userIds: ['gina'],
        });
        expect(exported!.tables.events!.map((row) => row.event_id)).toEqual(['g1', 'g2', 'g3']);
      }
      expect(await store.exportPerson(projectId, { userId: 'nobody' })).toBeUndefined();
    });

    it('erases a person: counts per table, gone from timelines and funnels, zeros the second time', async () => {
      expect((await store.getFunnel(projectId, funnel)).steps.map((s) => s.count)).toEqual([2, 2]);
      const receipt = await store.erasePerson(projectId, { anonymousId: 'gina-phone' });
      expect(receipt.tables.events).toBe(3);
      expect(typeof receipt.requestId).toBe('string');
      expect(receipt.erasedAt).toBeGreaterThan(0);
      expect((await store.getFunnel(projectId, funnel)).steps.map((s) => s.count)).toEqual([1, 1]);
      expect(await store.getPersonTimeline(projectId, { userId: 'gina' })).toBeUndefined();
      expect(await store.getPersonTimeline(projectId, { anonymousId: 'gina-laptop' })).toBeUndefined();
      expect(await store.countEvents(projectId)).toBe(2);
      const again = await store.erasePerson(projectId, { userId: 'gina' });
      expect(Object.keys(again.tables)).toEqual(Object.keys(receipt.tables));
      expect(Object.values(again.tables).every((count) => count === 0)).toBe(true);
    });

    it("erases one device: its events and links go, its user's other devices stay, the ledger keeps its proof", async () => {
      await store.insertConsentRecords(projectId, [
        {
          id: 'cg',
          timestamp: t,
          granted: ['analytics'],
          denied: [],
          policyVersion: '1',
          source: 'banner',
          anonymousId: 'gina-phone',
        },
      ]);
      const receipt = await store.eraseDevice(projectId, 'gina-phone');
      expect(receipt.tables.events).toBe(2);
      expect(receipt.requestId).toMatch(/^era_/);
      const gina = await store.getPersonTimeline(projectId, { userId: 'gina' });
      expect(gina?.person.anonymousIds).toEqual(['gina-laptop']);
      expect(gina?.events.map((e) => e.id)).toEqual(['g3']);
      expect(await store.getPersonTimeline(projectId, { anonymousId: 'gina-phone' })).toBeUndefined();
      expect((await store.getFunnel(projectId, funnel)).steps.map((s) => s.count)).toEqual([2, 1]);
      expect(await store.getLatestConsent(projectId, 'gina-phone')).toMatchObject({ granted: ['analytics'] });
    });

    it('keeps retention settings within their limits and purges what is older', async () => {
      expect(await store.getRetention(projectId)).toEqual(DEFAULT_RETENTION);
      const changed = await store.setRetention(projectId, { eventsMonths: 13 });
      expect(changed).toEqual({ ...DEFAULT_RETENTION, eventsMonths: 13 });
      await expect(store.setRetention(projectId, { eventsMonths: 0 })).rejects.toThrow(RangeError);
      expect(await store.getRetention(projectId)).toEqual(changed);
      // Fourteen months after the events above, one newer event is kept.
      const now = Date.UTC(2027, 7, 1);
      await store.insertEvents(projectId, [
        { id: 'n1', type: 'page', name: 'home', anonymousId: 'hugo-phone', timestamp: now - 86_400_000 },
      ]);
      const receipt = await store.purge(projectId, now);
      expect(receipt).toMatchObject({ purgeId: expect.stringMatching(/^prg_/), purgedAt: now });
      expect(receipt.eventsBefore).toBeGreaterThan(t);
      expect(receipt.eventsBefore).toBeLessThan(now - 86_400_000);
      expect(receipt.tables.events).toBe(5);
      expect(await store.countEvents(projectId)).toBe(1);
      expect((await store.getFunnel(projectId, funnel)).steps.map((s) => s.count)).toEqual([1, 0]);
    });

    it('keeps data-subject requests per project, by deadline, and applies changes', async () => {
      const late = await store.createPrivacyRequest(projectId, { kind: 'access', receivedOn: '2026-03-31' });
      const early = await store.createPrivacyRequest(projectId, {
        kind: 'erasure',
        receivedOn: '2026-01-31',
        requesterEmail: 'gina@example.test',
        userId: 'gina',
        anonymousIds: ['gina-phone'],
      });
      expect(early).toMatchObject({
        requestId: expect.stringMatching(/^req_/),
        dueOn: '2026-02-28',
        status: 'received',
        verification: 'pending',
        anonymousIds: ['gina-phone'],
        closedAt: null,
      });
      expect((await store.listPrivacyRequests(projectId)).map((r) => r.requestId)).toEqual([
        early.requestId,
        late.requestId,
      ]);
      const other = await store.createProject({ name: 'Other' });
      expect(await store.listPrivacyRequests(other.projectId)).toEqual([]);
      expect(await store.getPrivacyRequest(other.projectId, early.requestId)).toBeUndefined();
      const done = await store.updatePrivacyRequest(projectId, early.requestId, {
        verification: 'verified',
        status: 'done',
        outcome: { kind: 'note', note: 'erased' },
      });
      expect(done).toMatchObject({
        status: 'done',
        verification: 'verified',
        outcome: { kind: 'note', note: 'erased' },
      });
      expect(done?.closedAt).toEqual(expect.any(Number));
      expect(await store.getPrivacyRequest(projectId, early.requestId)).toEqual(done);
      expect(await store.updatePrivacyRequest(projectId, 'req_unknown', { status: 'done' })).toBeUndefined();
    });

    it("keeps the register's contacts per project and reads the names stored", async () => {
      const blank = { name: '', email: '', phone: '', address: '' };
      expect(await store.getRegisterContacts(projectId)).toEqual({
        controller: blank,
        dpo: blank,
        recipients: [],
        updatedAt: null,
      });
      const contacts = {
        controller: { ...blank, name: 'Acme SAS', email: 'privacy@acme.example' },
        dpo: blank,
        recipients: [{ name: 'Hosting GmbH', purpose: 'hosting', country: 'DE', safeguard: '' }],
      };
      const saved = await store.setRegisterContacts(projectId, contacts);
      expect(saved).toMatchObject(contacts);
      expect(saved.updatedAt).toEqual(expect.any(Number));
      expect(await store.getRegisterContacts(projectId)).toEqual(saved);
      await store.insertEvents(projectId, [
        {
          id: 'r1',
          type: 'track',
          name: 'signup',
          anonymousId: 'ines',
          timestamp: t,
          properties: { plan: 'pro', coupon: 'X' },
          context: { locale: 'fr' },
        },
      ]);
      const facts = await store.getStoredDataFacts(projectId);
      expect([facts.propertyNames, facts.contextNames, facts.namesTruncated]).toEqual([
        ['coupon', 'plan'],
        ['locale'],
        false,
      ]);
      expect(facts.tables.find((table) => table.table === 'events')?.rows).toBe(6);
    });
  });
}
