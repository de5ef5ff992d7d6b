import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '@parcours/schema';
import { describeAccountStoreConformance } from './accounts/AccountStore.conformance.js';
import { describeConsentStoreConformance } from './consent/ConsentStore.conformance.js';
import { describeInsightStoreConformance } from './insights/InsightStore.conformance.js';
import { describeJourneyStoreConformance } from './JourneyStore.conformance.js';
import { describeJourneyMapStoreConformance } from './journeyMaps/JourneyMapStore.conformance.js';
import { describePrivacyStoreConformance } from './privacy/PrivacyStore.conformance.js';
import { describeSegmentStoreConformance } from './segments/SegmentStore.conformance.js';
import { describeTimeZoneConformance } from './time/TimeZone.conformance.js';
import { describeWebhookStoreConformance } from './webhooks/WebhookStore.conformance.js';
import { describeReportScheduleStoreConformance } from './reports/ReportScheduleStore.conformance.js';
import type { Store, StoredEvent } from './Store.js';
import { DEFAULT_COLLECTION_SETTINGS } from './CollectionSettings.js';
import {
  getConformanceCoverage,
  openConformanceStore,
  type ConformanceTarget,
} from './testing/openConformanceStore.js';

/**
 * The behaviour every Store engine must have, every method of the Store covered:
 * projects and keys, events and identities (this file), journeys, consent, accounts
 * and privacy (their own files), each test on a new engine through `createStore`; then
 * a check that the suites called every method of the Store. The
 * SQLite engine runs it in `openSqliteStore.test.ts`; another engine passes its own
 * factory (`@parcours/store/conformance`). Call it once per test file: the coverage check
 * counts what the suites before it called.
 */
export function describeStoreConformance(target: ConformanceTarget): void {
  describeProjectAndEventConformance(target);
  describeJourneyStoreConformance(target);
  describeJourneyMapStoreConformance(target);
  describeConsentStoreConformance(target);
  describeAccountStoreConformance(target);
  describePrivacyStoreConformance(target);
  describeSegmentStoreConformance(target);
  describeInsightStoreConformance(target);
  describeTimeZoneConformance(target);
  describeWebhookStoreConformance(target);
  describeReportScheduleStoreConformance(target);
  describe(`Store conformance coverage: ${target.engine}`, () => {
    it('has called every method of the Store', () => {
      const { methods, called } = getConformanceCoverage(target);
      // Sanity: the suites above ran and saw the whole Store.
      expect(methods.size).toBeGreaterThan(60);
      const uncovered = [...methods].filter((name) => !called.has(name)).sort();
      expect(
        uncovered,
        'Store methods no conformance test called: add a test to a *.conformance.ts suite',
      ).toEqual([]);
    });
  });
}

/** Projects, keys, events, identities and their settings. */
function describeProjectAndEventConformance(target: ConformanceTarget): void {
  describe(`Store conformance: ${target.engine}`, () => {
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
      store = await openConformanceStore(target);
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
      expect(await store.getProject(created.projectId)).toEqual({
        projectId: created.projectId,
        name: 'Shop',
        writeKey: created.writeKey,
        createdAt: expect.any(Number),
        timeZone: 'UTC',
      });
      expect(await store.getProject('prj_unknown')).toBeUndefined();
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

    it('lists the latest stored events newest first, in arrival order, per project, duplicates once', async () => {
      // Arrival order, not the events' own times: the second batch carries older timestamps.
      const first = [
        event({ anonymousId: 'a', timestamp: at(50) }),
        event({ anonymousId: 'b', timestamp: at(51) }),
      ];
      const second = [
        event({ anonymousId: 'c', timestamp: at(1), channel: 'email', properties: { plan: 'pro' } }),
      ];
      await store.insertEvents(projectId, first);
      await store.insertEvents(projectId, second);
      await store.insertEvents(projectId, first);
      const other = await store.createProject({ name: 'Other' });
      await store.insertEvents(other.projectId, [event({ anonymousId: 'elsewhere' })]);
      expect(await store.getLatestEvents(projectId, { limit: 10 })).toEqual([second[0], first[1], first[0]]);
      expect(await store.getLatestEvents(projectId, { limit: 2 })).toEqual([second[0], first[1]]);
      expect((await store.getLatestEvents(other.projectId, { limit: 10 })).map((e) => e.anonymousId)).toEqual(
        ['elsewhere'],
      );
      const empty = await store.createProject({ name: 'Empty' });
      expect(await store.getLatestEvents(empty.projectId, { limit: 10 })).toEqual([]);
    });

    it('changes a project change mark with each stored batch, not with replays or other projects', async () => {
      const before = await store.getChangeMark(projectId);
      await store.insertEvents(projectId, [event({ anonymousId: 'marked', id: 'mark-1' })]);
      const stored = await store.getChangeMark(projectId);
      expect(stored).not.toBe(before);
      // One batch stored: nothing an engine merges in the background can move it now.
      expect(await store.insertEvents(projectId, [event({ anonymousId: 'marked', id: 'mark-1' })])).toEqual({
        accepted: 0,
        duplicates: 1,
      });
      expect(await store.getChangeMark(projectId)).toBe(stored);
      const other = await store.createProject({ name: 'Other' });
      const otherBefore = await store.getChangeMark(other.projectId);
      await store.insertEvents(other.projectId, [event({ anonymousId: 'elsewhere' })]);
      expect(await store.getChangeMark(projectId)).toBe(stored);
      expect(await store.getChangeMark(other.projectId)).not.toBe(otherBefore);
      await store.insertEvents(projectId, [event({ anonymousId: 'marked', id: 'mark-2' })]);
      expect(await store.getChangeMark(projectId)).not.toBe(stored);
    });

    it('changes the change mark with an un-merge and an erasure too', async () => {
      await store.insertEvents(projectId, [
        event({ anonymousId: 'mark-device', userId: 'mark-user', id: 'mark-linked' }),
      ]);
      const stored = await store.getChangeMark(projectId);
      expect(
        await store.unlinkIdentity(projectId, { anonymousId: 'mark-device', userId: 'mark-user' }),
      ).toEqual({
        events: 1,
      });
      const unlinked = await store.getChangeMark(projectId);
      expect(unlinked).not.toBe(stored);
      await store.erasePerson(projectId, { anonymousId: 'mark-device' });
      expect(await store.getChangeMark(projectId)).not.toBe(unlinked);
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

    it('un-merges a wrong link: the device becomes a person of its own in every answer', async () => {
      await store.insertEvents(projectId, [
        event({ anonymousId: 'laptop', userId: 'u1', name: 'Signed in', timestamp: at(1) }),
        event({ type: 'identify', name: 'identify', anonymousId: 'kiosk', userId: 'u1', timestamp: at(2) }),
        event({ anonymousId: 'kiosk', name: 'Browsed', timestamp: at(3) }),
        event({ anonymousId: 'kiosk', userId: 'u1', name: 'Bought', timestamp: at(4) }),
      ]);
      const funnel = { steps: [{ name: 'Signed in' }, { name: 'Bought' }], windowMs: 3_600_000 };
      expect((await store.getFunnel(projectId, funnel)).steps.map((s) => s.count)).toEqual([1, 1]);
      expect((await store.getPersonTimeline(projectId, { userId: 'u1' }))?.person.anonymousIds).toEqual([
        'kiosk',
        'laptop',
      ]);

      expect(await store.unlinkIdentity(projectId, { anonymousId: 'kiosk', userId: 'u1' })).toEqual({
        events: 2,
      });
      const user = await store.getPersonTimeline(projectId, { userId: 'u1' });
      expect(user?.person).toEqual({ id: 'user:u1', anonymousIds: ['laptop'], userIds: ['u1'] });
      expect(user?.events.map((e) => e.name)).toEqual(['Signed in']);
      const kiosk = await store.getPersonTimeline(projectId, { anonymousId: 'kiosk' });
      expect(kiosk?.person).toEqual({ id: 'kiosk', anonymousIds: ['kiosk'], userIds: [] });
      expect(kiosk?.events.map((e) => [e.name, e.userId, e.claimedUserId])).toEqual([
        ['identify', undefined, 'u1'],
        ['Browsed', undefined, undefined],
        ['Bought', undefined, 'u1'],
      ]);
      // The journey index starts again from the rows as they are now.
      expect((await store.getFunnel(projectId, funnel)).steps.map((s) => s.count)).toEqual([1, 0]);
      expect(
        (await store.getPersonProfile(projectId, { userId: 'u1' }))?.links.map((l) => l.anonymousId),
      ).toEqual(['laptop']);
      expect(await store.unlinkIdentity(projectId, { anonymousId: 'kiosk', userId: 'u1' })).toEqual({
        events: 0,
      });
      // A new sign-in on the device links it again.
      await store.insertEvents(projectId, [
        event({ anonymousId: 'kiosk', userId: 'u1', name: 'Signed in', timestamp: at(5) }),
      ]);
      expect((await store.getPersonTimeline(projectId, { userId: 'u1' }))?.person.anonymousIds).toEqual([
        'kiosk',
        'laptop',
      ]);
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
      // Earliest first: the cut keeps the start of the journey.
      const whole = await store.getPersonTimeline(projectId, { anonymousId: 'busy' });
      expect(timeline?.events).toEqual(whole?.events.slice(0, 3));
      expect([whole?.events.length, whole?.truncated]).toEqual([5, false]);
      const exact = await store.getPersonTimeline(projectId, { anonymousId: 'busy' }, { limit: 5 });
      expect([exact?.events.length, exact?.truncated]).toEqual([5, false]);
    });

    it('knows nobody it has not seen', async () => {
      await store.insertEvents(projectId, [event({ anonymousId: 'known' })]);
      expect(await store.getPersonTimeline(projectId, { anonymousId: 'unknown' })).toBeUndefined();
      expect(await store.getPersonTimeline(projectId, { userId: 'unknown' })).toBeUndefined();
      const other = await store.createProject({ name: 'Other' });
      expect(await store.getPersonTimeline(other.projectId, { anonymousId: 'known' })).toBeUndefined();
    });
  });
}
