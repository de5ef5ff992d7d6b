import { afterEach, beforeEach, describe, expect } from 'vitest';
import { selectTests, type ConformanceOptions } from './testing/selectTests.js';
import type { Event } from '@parcours/schema';
import { InvalidCursorError } from './InvalidCursorError.js';
import type { Store, StoredEvent } from './Store.js';
import { DEFAULT_COLLECTION_SETTINGS } from './CollectionSettings.js';

/**
 * The behaviour every Store engine must have. The SQLite store runs it in
 * `openSqliteStore.test.ts`; a ClickHouse store will run the same suite.
 */
export function describeStoreConformance(
  engine: string,
  openStore: () => Promise<Store>,
  options: ConformanceOptions = {},
): void {
  const it = selectTests(options);
  describe(`Store conformance: ${engine}`, () => {
    let store: Store;
    let projectId: string;
    let seq = 0;
    const at = (minute: number) => Date.UTC(2026, 5, 1) + minute * 60_000;
    const event = (patch: Partial<StoredEvent> & Pick<Event, 'anonymousId'>): StoredEvent => ({
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
      expect(byUser?.person).toEqual({
        id: 'user:u-42',
        anonymousIds: ['laptop', 'phone'],
        userIds: ['u-42'],
      });
      expect(byUser?.events.map((e) => e.name)).toEqual(['Clicked ad', 'Opened app', 'Bought', 'identify']);
      expect(byUser?.events[2]).toMatchObject({ userId: 'u-42', properties: { total: 42.5 } });
      expect(byUser?.events[0]).not.toHaveProperty('userId');
      expect(byUser?.truncated).toBe(false);
      expect(await store.getPersonTimeline(projectId, { anonymousId: 'phone' })).toEqual(byUser);
      expect(await store.getPersonTimeline(projectId, { personId: 'user:u-42' })).toEqual(byUser);
      // A device's id, from before it identified, still finds its (latest) user.
      expect(await store.getPersonTimeline(projectId, { personId: 'laptop' })).toEqual(byUser);
      expect((await store.getPersonTimeline(projectId, { anonymousId: 'stranger' }))?.person).toEqual({
        id: 'stranger',
        anonymousIds: ['stranger'],
        userIds: [],
      });
    });

    // Issue 13 changed this contract: a device shared by two users no longer joins them.
    it('never joins two user ids through a shared device, and keeps equal timestamps in arrival order', async () => {
      await store.insertEvents(projectId, [
        event({ anonymousId: 'b', userId: 'u1', name: 'first', timestamp: at(0) }),
        event({ anonymousId: 'b', userId: 'u2', name: 'second', timestamp: at(0) }),
        event({ anonymousId: 'c', userId: 'u2', name: 'third', timestamp: at(0) }),
        event({ anonymousId: 'a', userId: 'u1', name: 'fourth', timestamp: at(0) }),
        event({ anonymousId: 'b', name: 'fifth', timestamp: at(0) }),
      ]);
      const timeline = await store.getPersonTimeline(projectId, { anonymousId: 'c' });
      expect(timeline?.person).toEqual({ id: 'user:u2', anonymousIds: ['b', 'c'], userIds: ['u2'] });
      expect(timeline?.events.map((e) => e.name)).toEqual(['second', 'third', 'fifth']);
      const u1 = await store.getPersonTimeline(projectId, { userId: 'u1' });
      expect(u1?.person).toEqual({ id: 'user:u1', anonymousIds: ['a', 'b'], userIds: ['u1'] });
      expect(u1?.events.map((e) => e.name)).toEqual(['first', 'fourth']);
    });

    it("gives a family computer's events to whoever was logged in, the first login taking what came before", async () => {
      const pc = 'family-pc';
      await store.insertEvents(projectId, [
        event({ anonymousId: pc, name: 'Browsed', timestamp: at(1) }),
        event({ type: 'identify', name: 'identify', anonymousId: pc, userId: 'alice', timestamp: at(2) }),
        event({ anonymousId: pc, name: 'Alice bought', timestamp: at(3) }),
        event({ type: 'identify', name: 'identify', anonymousId: pc, userId: 'bob', timestamp: at(5) }),
        event({ anonymousId: pc, name: 'Bob bought', timestamp: at(6) }),
      ]);
      // Late: Alice logged in again at minute 7, sent after Bob's later events.
      await store.insertEvents(projectId, [
        event({ anonymousId: pc, name: 'Alice again', timestamp: at(8) }),
        event({ type: 'identify', name: 'identify', anonymousId: pc, userId: 'alice', timestamp: at(7) }),
      ]);
      const names = async (userId: string) =>
        (await store.getPersonTimeline(projectId, { userId }))?.events.map((e) => e.name);
      expect(await names('alice')).toEqual([
        'Browsed',
        'identify',
        'Alice bought',
        'identify',
        'Alice again',
      ]);
      expect(await names('bob')).toEqual(['identify', 'Bob bought']);
      expect((await store.getPersonTimeline(projectId, { anonymousId: pc }))?.person.id).toBe('user:alice');
      const funnel = await store.getFunnel(projectId, { steps: [{ name: 'Browsed' }], windowMs: 1 });
      expect(funnel.steps[0]!.count).toBe(1);
    });

    it('links nobody with a claimed (unsigned) user id, but keeps it on the event', async () => {
      await store.insertEvents(projectId, [
        event({ anonymousId: 'bob-phone', userId: 'bob', name: 'Bob' }),
        event({ anonymousId: 'attacker', claimedUserId: 'bob', name: 'Claimed', type: 'identify' }),
        event({ anonymousId: 'attacker', name: 'Snooped' }),
      ]);
      const bob = await store.getPersonTimeline(projectId, { userId: 'bob' });
      expect(bob?.person).toEqual({ id: 'user:bob', anonymousIds: ['bob-phone'], userIds: ['bob'] });
      expect(bob?.events.map((e) => e.name)).toEqual(['Bob']);
      const attacker = await store.getPersonTimeline(projectId, { anonymousId: 'attacker' });
      expect(attacker?.person).toEqual({ id: 'attacker', anonymousIds: ['attacker'], userIds: [] });
      expect(attacker?.events[0]).toMatchObject({ name: 'Claimed', claimedUserId: 'bob' });
      expect(attacker?.events[0]).not.toHaveProperty('userId');
      const paths = await store.getPaths(projectId, { depth: 3, limit: 10 });
      expect(paths.paths.map((p) => p.steps)).toEqual([['Bob'], ['Snooped']]);
    });

    it('tells a device person id from a user person id, whatever the device calls itself', async () => {
      await store.insertEvents(projectId, [
        event({ anonymousId: 'user:mallory', name: 'Pretending' }),
        event({ anonymousId: 'phone', userId: 'mallory', name: 'Real' }),
      ]);
      const device = await store.getPersonTimeline(projectId, { personId: 'device:user:mallory' });
      expect(device?.person.id).toBe('device:user:mallory');
      expect(device?.events.map((e) => e.name)).toEqual(['Pretending']);
      const user = await store.getPersonTimeline(projectId, { personId: 'user:mallory' });
      expect(user?.events.map((e) => e.name)).toEqual(['Real']);
    });

    it('makes an identity secret, requires signatures on demand and rotates the secret', async () => {
      const first = await store.getIdentitySettings(projectId);
      expect(first.requireSignedIdentities).toBe(false);
      expect(first.identitySecret).toMatch(/^ids_[\w-]{43}$/);
      expect(await store.getIdentitySettings(projectId)).toEqual(first);
      const required = await store.setIdentitySettings(projectId, { requireSignedIdentities: true });
      expect(required).toEqual({ ...first, requireSignedIdentities: true });
      const rotated = await store.setIdentitySettings(projectId, { rotateSecret: true });
      expect(rotated.requireSignedIdentities).toBe(true);
      expect(rotated.identitySecret).not.toBe(first.identitySecret);
      expect(await store.getIdentitySettings(projectId)).toEqual(rotated);
      const other = await store.createProject({ name: 'Other' });
      expect((await store.getIdentitySettings(other.projectId)).identitySecret).not.toBe(
        rotated.identitySecret,
      );
    });

    it('keeps data-collection settings per project, defaulting to utm_* and redaction on', async () => {
      expect(await store.getCollectionSettings(projectId)).toEqual(DEFAULT_COLLECTION_SETTINGS);
      const changed = await store.setCollectionSettings(projectId, {
        queryAllowList: ['utm_*', 'ref'],
        piiExemptProperties: ['plan', 'context.title'],
      });
      expect(changed).toEqual({
        queryAllowList: ['utm_*', 'ref'],
        redactPii: true,
        piiExemptProperties: ['plan', 'context.title'],
      });
      expect(await store.setCollectionSettings(projectId, { redactPii: false })).toEqual({
        ...changed,
        redactPii: false,
      });
      expect((await store.getCollectionSettings(projectId)).redactPii).toBe(false);
      const other = await store.createProject({ name: 'Other' });
      expect(await store.getCollectionSettings(other.projectId)).toEqual(DEFAULT_COLLECTION_SETTINGS);
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

    it('appends consent decisions to a ledger that verifies, newest first, with the server facts', async () => {
      const decision = (id: string, granted: ('analytics' | 'marketing')[], anonymousId?: string) => ({
        id,
        timestamp: at(1),
        granted,
        denied: granted.length === 2 ? [] : (['marketing'] as 'marketing'[]),
        policyVersion: '1',
        source: 'banner',
        path: '/p?q=1',
        ...(anonymousId !== undefined && { anonymousId }),
      });
      await store.insertConsentRecords(projectId, [decision('l1', ['analytics', 'marketing'], 'dev')], {
        origin: 'https://a.example',
        gpc: true,
      });
      await store.insertConsentRecords(projectId, [decision('l2', [], 'dev'), decision('l1', ['analytics'])]);
      expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 2 });
      const log = await store.getConsentLog(projectId, { limit: 10 });
      expect(
        log.records.map((r) => [r.recordId, r.action, r.anonymousId, r.path, r.origin, r.gpc, r.verified]),
      ).toEqual([
        ['l2', 'refuse_all', null, '/p', null, false, true],
        ['l1', 'accept_all', 'dev', '/p', 'https://a.example', true, true],
      ]);
      expect(log.records[1]!.configHash).toBe((await store.getConsentConfig(projectId)).configHash);
      expect(await store.getLatestConsent(projectId, 'dev')).toEqual({
        action: 'accept_all',
        granted: ['analytics', 'marketing'],
        gpc: true,
      });
      const stats = await store.getConsentStats(projectId, { from: 0, to: Date.now() + 1 });
      expect(stats.totals).toEqual({ decisions: 2, acceptAll: 1, refuseAll: 1, custom: 0, gpcShare: 0.5 });
      await expect(store.getConsentLog(projectId, { limit: 1, cursor: 'nope' })).rejects.toThrow(
        InvalidCursorError,
      );
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
