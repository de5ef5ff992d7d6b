import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, StoredEvent } from '../Store.js';
import { PERSON_EXPORT_SCHEMA_VERSION } from './types.js';

/**
 * Access and erasure as every Store engine must do them (issue 9). The SQLite store
 * runs it in `openSqliteStore.test.ts`; its own tests go further (the file's bytes,
 * the registry against the schema, random streams against a fresh store).
 */
export function describePrivacyStoreConformance(engine: string, openStore: () => Promise<Store>): void {
  describe(`PrivacyStore conformance: ${engine}`, () => {
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
      store = await openStore();
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
  });
}
