import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '@parcours/schema';
import { InvalidCursorError } from './InvalidCursorError.js';
import type { Store } from './Store.js';

/**
 * The behaviour every Store engine must have. The SQLite store runs it in
 * `openSqliteStore.test.ts`; a ClickHouse store will run the same suite.
 */
export function describeStoreConformance(engine: string, openStore: () => Promise<Store>): void {
  describe(`Store conformance: ${engine}`, () => {
    let store: Store;
    let projectId: string;
    let seq = 0;
    const at = (minute: number) => Date.UTC(2026, 5, 1) + minute * 60_000;
    const event = (patch: Partial<Event> & Pick<Event, 'anonymousId'>): Event => ({
      id: `evt_${++seq}`,
      type: 'track',
      name: 'Viewed product',
      timestamp: at(seq),
      ...patch,
    });

    beforeEach(async () => {
      store = await openStore();
      ({ projectId } = await store.createProject({ name: 'Conformance' }));
    });
    afterEach(() => store.close());

    it('creates projects whose keys find them back, the secret key stored only as a hash', async () => {
      const created = await store.createProject({ name: 'Shop' });
      expect(created.writeKey).toMatch(/^wk_/);
      expect(created.secretKey).toMatch(/^sk_/);
      expect((await store.getProjectByWriteKey(created.writeKey))?.projectId).toBe(created.projectId);
      expect((await store.getProjectBySecretKey(created.secretKey))?.name).toBe('Shop');
      expect(await store.getProjectByWriteKey(created.secretKey)).toBeUndefined();
      expect(await store.getProjectBySecretKey(created.writeKey)).toBeUndefined();
      expect((await store.getProjects()).map((p) => p.name)).toEqual(['Conformance', 'Shop']);
    });

    it('gives a new project an admin key, and revokes one key without touching the others', async () => {
      const created = await store.createProject({ name: 'Demo' });
      expect(await store.getKeyGrant(created.secretKey)).toMatchObject({
        projectId: created.projectId,
        scope: 'admin',
        label: 'default',
      });
      const read = await store.createSecretKey(created.projectId, { scope: 'read', label: 'BI export' });
      expect(read.key.startsWith(read.prefix)).toBe(true);
      expect((await store.getKeyGrant(read.key))?.scope).toBe('read');
      expect(await store.revokeSecretKey(projectId, read.keyId)).toBe(false);
      expect(await store.revokeSecretKey(created.projectId, read.keyId)).toBe(true);
      expect(await store.getKeyGrant(read.key)).toBeUndefined();
      expect((await store.getProjectBySecretKey(created.secretKey))?.projectId).toBe(created.projectId);
      const ingest = await store.createSecretKey(created.projectId, { scope: 'ingest', label: 'CRM sync' });
      expect(await store.getKeyGrant(ingest.key)).toMatchObject({
        projectId: created.projectId,
        scope: 'ingest',
      });
      expect(await store.revokeSecretKey(created.projectId, ingest.keyId)).toBe(true);
      const listed = await store.listSecretKeys(created.projectId);
      expect(listed.map((k) => k.label)).toEqual(['default']);
      expect(JSON.stringify(listed)).not.toContain(created.secretKey);
    });

    it('stores each event id once per project: replays and in-batch repeats are duplicates', async () => {
      const batch = [event({ anonymousId: 'a' }), event({ anonymousId: 'a' })];
      expect(await store.insertEvents(projectId, batch)).toEqual({ accepted: 2, duplicates: 0 });
      expect(await store.insertEvents(projectId, batch)).toEqual({ accepted: 0, duplicates: 2 });
      const repeated = event({ anonymousId: 'a' });
      expect(await store.insertEvents(projectId, [repeated, repeated])).toEqual({
        accepted: 1,
        duplicates: 1,
      });
      expect(await store.countEvents(projectId)).toBe(3);
      const other = await store.createProject({ name: 'Other' });
      expect(await store.insertEvents(other.projectId, batch)).toEqual({ accepted: 2, duplicates: 0 });
    });

    it('settles concurrent inserts each with its own counts', async () => {
      const batches = Array.from({ length: 40 }, (_, i) =>
        Array.from({ length: 25 }, (_, j) => event({ anonymousId: `dev-${i}`, id: `c-${i}-${j}` })),
      );
      const replayed = batches[0]!;
      const results = await Promise.all([
        ...batches.map((batch) => store.insertEvents(projectId, batch)),
        store.insertEvents(projectId, replayed),
      ]);
      expect(results.slice(0, 40)).toEqual(batches.map(() => ({ accepted: 25, duplicates: 0 })));
      expect(results[40]).toEqual({ accepted: 0, duplicates: 25 });
      expect(await store.countEvents(projectId)).toBe(1000);
    });

    it('merges devices linked by identify into one timeline, earlier events included, in time order', async () => {
      await store.insertEvents(projectId, [
        event({ anonymousId: 'laptop', name: 'Clicked ad', channel: 'ads', timestamp: at(1) }),
        event({ anonymousId: 'phone', name: 'Opened app', channel: 'mobile', timestamp: at(2) }),
        event({ anonymousId: 'stranger', name: 'Visited', timestamp: at(3) }),
      ]);
      // Out of order on purpose: the phone's identify arrives before the laptop's.
      await store.insertEvents(projectId, [
        event({ type: 'identify', name: 'identify', anonymousId: 'phone', userId: 'u-42', timestamp: at(5) }),
        event({
          anonymousId: 'laptop',
          name: 'Bought',
          userId: 'u-42',
          timestamp: at(4),
          properties: { total: 42.5 },
        }),
      ]);
      const byUser = await store.getPersonTimeline(projectId, { userId: 'u-42' });
      expect(byUser?.person).toEqual({ id: 'laptop', anonymousIds: ['laptop', 'phone'], userIds: ['u-42'] });
      expect(byUser?.events.map((e) => e.name)).toEqual(['Clicked ad', 'Opened app', 'Bought', 'identify']);
      expect(byUser?.events[2]).toMatchObject({ userId: 'u-42', properties: { total: 42.5 } });
      expect(byUser?.events[0]).not.toHaveProperty('userId');
      expect(byUser?.truncated).toBe(false);
      expect(await store.getPersonTimeline(projectId, { anonymousId: 'phone' })).toEqual(byUser);
      expect(await store.getPersonTimeline(projectId, { personId: 'laptop' })).toEqual(byUser);
      expect((await store.getPersonTimeline(projectId, { anonymousId: 'stranger' }))?.person).toEqual({
        id: 'stranger',
        anonymousIds: ['stranger'],
        userIds: [],
      });
    });

    it('joins persons transitively and keeps equal timestamps in arrival order', async () => {
      await store.insertEvents(projectId, [
        event({ anonymousId: 'b', userId: 'u1', name: 'first', timestamp: at(0) }),
        event({ anonymousId: 'b', userId: 'u2', name: 'second', timestamp: at(0) }),
        event({ anonymousId: 'c', userId: 'u2', name: 'third', timestamp: at(0) }),
        event({ anonymousId: 'a', userId: 'u1', name: 'fourth', timestamp: at(0) }),
      ]);
      const timeline = await store.getPersonTimeline(projectId, { anonymousId: 'c' });
      expect(timeline?.person).toEqual({ id: 'a', anonymousIds: ['a', 'b', 'c'], userIds: ['u1', 'u2'] });
      expect(timeline?.events.map((e) => e.name)).toEqual(['first', 'second', 'third', 'fourth']);
    });

    it('cuts a long timeline at the limit and says so', async () => {
      await store.insertEvents(
        projectId,
        Array.from({ length: 5 }, () => event({ anonymousId: 'busy' })),
      );
      const timeline = await store.getPersonTimeline(projectId, { anonymousId: 'busy' }, { limit: 3 });
      expect(timeline?.events).toHaveLength(3);
      expect(timeline?.truncated).toBe(true);
    });

    it('knows nobody it has not seen', async () => {
      await store.insertEvents(projectId, [event({ anonymousId: 'known' })]);
      expect(await store.getPersonTimeline(projectId, { anonymousId: 'unknown' })).toBeUndefined();
      expect(await store.getPersonTimeline(projectId, { userId: 'unknown' })).toBeUndefined();
      const other = await store.createProject({ name: 'Other' });
      expect(await store.getPersonTimeline(other.projectId, { anonymousId: 'known' })).toBeUndefined();
    });

    describe('journey engine', () => {
      const funnel = {
        steps: [{ name: 'Ad clicked' }, { name: 'Signed up', where: { plan: 'pro' } }, { name: 'Purchased' }],
        windowMs: 60 * 60_000,
        breakdown: 'channel',
      };
      const journey = (anonymousId: string, names: string[], extra: Partial<Event> = {}) =>
        names.map((name, i) =>
          event({
            anonymousId,
            name,
            timestamp: at(i * 10),
            ...(name === 'Signed up' && { properties: { plan: 'pro', trial: true } }),
            ...extra,
          }),
        );

      it('answers funnels and paths, and reflects events committed after the index was built', async () => {
        await store.insertEvents(projectId, [
          ...journey('p1', ['Ad clicked', 'Signed up', 'Purchased'], { channel: 'ads' }),
          ...journey('p2', ['Ad clicked', 'Signed up'], { channel: 'ads' }),
          ...journey('p3', ['Ad clicked'], { channel: 'email' }),
        ]);
        const before = await store.getFunnel(projectId, funnel);
        expect(before.steps.map((s) => s.count)).toEqual([3, 2, 1]);
        expect(before.breakdown?.map((b) => [b.value, b.steps.map((s) => s.count)])).toEqual([
          ['ads', [2, 2, 1]],
          ['email', [1, 0, 0]],
        ]);

        // Live ingest: p3 signs up (a property filter on a column already built) and
        // buys on a second device, linked afterwards.
        await store.insertEvents(projectId, [
          event({ anonymousId: 'p3', name: 'Signed up', timestamp: at(5), properties: { plan: 'pro' } }),
          event({ anonymousId: 'p3-phone', name: 'Purchased', timestamp: at(6) }),
        ]);
        await store.insertEvents(projectId, [
          event({ type: 'identify', name: 'identify', anonymousId: 'p3', userId: 'u3', timestamp: at(7) }),
          event({
            type: 'identify',
            name: 'identify',
            anonymousId: 'p3-phone',
            userId: 'u3',
            timestamp: at(8),
          }),
        ]);
        const after = await store.getFunnel(projectId, funnel);
        expect(after.steps.map((s) => s.count)).toEqual([3, 3, 2]);

        const dropoffs = await store.getFunnelDropoffs(projectId, { ...funnel, step: 3, limit: 10 });
        expect(dropoffs.persons.map((p) => [p.personId, p.lastTouchpoint.name])).toEqual([
          ['p2', 'Signed up'],
        ]);

        const paths = await store.getPaths(projectId, { depth: 3, limit: 10 });
        expect(paths.paths).toEqual([
          { steps: ['Ad clicked', 'Signed up', 'Purchased'], count: 2 },
          { steps: ['Ad clicked', 'Signed up'], count: 1 },
        ]);
      });

      it('tells JSON true from 1 and "1" in property filters', async () => {
        await store.insertEvents(projectId, [
          event({ anonymousId: 'x', name: 'Tapped', properties: { flag: true } }),
          event({ anonymousId: 'y', name: 'Tapped', properties: { flag: 1 } }),
          event({ anonymousId: 'z', name: 'Tapped', properties: { flag: '1' } }),
        ]);
        for (const value of [true, 1, '1']) {
          const result = await store.getFunnel(projectId, {
            steps: [{ name: 'Tapped', where: { flag: value } }],
            windowMs: 1,
          });
          expect(result.steps[0]!.count).toBe(1);
        }
      });
    });

    it('keeps consent records once each, newest first, a page at a time', async () => {
      const record = (id: string, granted: ('analytics' | 'marketing')[]) => ({
        id,
        timestamp: at(++seq),
        granted,
        denied: [],
        policyVersion: 'v1',
        source: 'banner',
        ...(granted.length > 0 && { anonymousId: 'device' }),
      });
      expect(
        await store.insertConsentRecords(projectId, [record('c1', ['analytics']), record('c2', [])]),
      ).toEqual({
        accepted: 2,
        duplicates: 0,
      });
      expect(
        await store.insertConsentRecords(projectId, [record('c2', []), record('c3', ['marketing'])]),
      ).toEqual({
        accepted: 1,
        duplicates: 1,
      });
      const first = await store.getConsentRecords(projectId, { limit: 2 });
      expect(first.records.map((r) => r.id)).toEqual(['c3', 'c2']);
      expect(first.records[1]).not.toHaveProperty('anonymousId');
      const second = await store.getConsentRecords(projectId, { limit: 2, cursor: first.nextCursor! });
      expect(second.records.map((r) => [r.id, r.granted, r.anonymousId])).toEqual([
        ['c1', ['analytics'], 'device'],
      ]);
      expect(second.nextCursor).toBeNull();
      // A cursor it never handed out is refused, not answered with an arbitrary page.
      const other = await store.createProject({ name: 'Other' });
      await expect(
        store.getConsentRecords(other.projectId, { limit: 2, cursor: first.nextCursor! }),
      ).rejects.toThrow(InvalidCursorError);
      await expect(store.getConsentRecords(projectId, { limit: 2, cursor: 9_999_999 })).rejects.toThrow(
        InvalidCursorError,
      );
    });
  });
}
