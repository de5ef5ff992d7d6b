import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsentRecord } from '@parcours/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, StoredEvent } from '../../Store.js';
import { PERSON_EXPORT_SCHEMA_VERSION } from '../../privacy/types.js';
import { openSqliteStore } from '../openSqliteStore.js';
import { PERSON_TABLES } from './personTables.js';

const t0 = Date.UTC(2026, 0, 5);
let n = 0;
const event = (anonymousId: string, extra: Partial<StoredEvent> = {}): StoredEvent => ({
  id: `ev${++n}`,
  type: 'track',
  name: 'page_view',
  anonymousId,
  timestamp: t0 + n * 1_000,
  properties: { note: `value-${n}` },
  ...extra,
});
const consent = (id: string, ids: Pick<ConsentRecord, 'anonymousId' | 'userId'>): ConsentRecord => ({
  id,
  timestamp: t0,
  granted: ['analytics'],
  denied: ['marketing'],
  policyVersion: '1',
  source: 'banner',
  ...ids,
});

/**
 * Alice: user `alice`, two devices (a phone and a laptop, both identified), consent
 * records on both and one naming only her user id, and an unsigned event claiming
 * her id from a third device. Bob shares nothing with her; the same ids in another
 * project belong to someone else.
 */
describe('exportPerson', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-export-'));
  let store: Store;
  let projectId: string;
  const aliceEvents: StoredEvent[] = [];
  beforeAll(async () => {
    store = openSqliteStore({ filename: join(dir, 'export.db'), journeyEngine: 'inline' });
    projectId = (await store.createProject({ name: 'Shop' })).projectId;
    const other = (await store.createProject({ name: 'Other' })).projectId;
    aliceEvents.push(
      event('phone'),
      event('phone', { type: 'identify', name: 'identify', userId: 'alice' }),
      event('laptop', { userId: 'alice', channel: 'web' }),
      event('laptop'),
      event('kiosk', { claimedUserId: 'alice' }),
    );
    const bobEvents = [event('bob-phone'), event('bob-phone', { userId: 'bob' }), event('kiosk')];
    await store.insertEvents(projectId, [
      ...aliceEvents.slice(0, 2),
      bobEvents[0]!,
      ...aliceEvents.slice(2),
      ...bobEvents.slice(1),
    ]);
    await store.insertEvents(other, [event('phone', { userId: 'alice' })]);
    await store.insertConsentRecords(projectId, [
      consent('c-phone', { anonymousId: 'phone' }),
      consent('c-laptop', { anonymousId: 'laptop', userId: 'alice' }),
      consent('c-user', { userId: 'alice' }),
      consent('c-bob', { anonymousId: 'bob-phone' }),
      consent('c-refuser', { anonymousId: 'refuser' }),
    ]);
    await store.insertConsentRecords(other, [consent('c-other', { anonymousId: 'phone' })]);
    // Her access request names one device only; Bob's names his user id.
    await store.createPrivacyRequest(projectId, {
      kind: 'access',
      receivedOn: '2026-01-31',
      requesterName: 'Alice A.',
      anonymousIds: ['kiosk-x', 'laptop'],
    });
    await store.createPrivacyRequest(projectId, { kind: 'erasure', receivedOn: '2026-02-01', userId: 'bob' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds exactly her rows of every person table, by user id or by any of her devices', async () => {
    for (const ref of [{ userId: 'alice' }, { anonymousId: 'phone' }, { anonymousId: 'laptop' }]) {
      const exported = await store.exportPerson(projectId, ref);
      expect(exported?.schemaVersion).toBe(PERSON_EXPORT_SCHEMA_VERSION);
      expect(exported?.person).toEqual({
        id: 'user:alice',
        anonymousIds: ['laptop', 'phone'],
        userIds: ['alice'],
      });
      const tables = exported!.tables;
      // Every registered table is seeded: one added to the registry without a seed here fails.
      expect(Object.keys(tables).sort()).toEqual(PERSON_TABLES.map((t) => t.table).sort());
      for (const [table, rows] of Object.entries(tables)) expect(rows.length, table).toBeGreaterThan(0);
      expect(tables.events!.map((row) => row.event_id)).toEqual(aliceEvents.map((e) => e.id));
      expect(tables.events![0]).toMatchObject({
        anonymous_id: 'phone',
        properties: { note: aliceEvents[0]!.properties!.note },
      });
      expect(tables.events![4]).toMatchObject({
        anonymous_id: 'kiosk',
        claimed_user_id: 'alice',
        user_id: null,
      });
      expect(tables.identity_links!.map((r) => [r.anonymous_id, r.user_id])).toEqual([
        ['laptop', 'alice'],
        ['phone', 'alice'],
      ]);
      expect(tables.consent_records!.map((r) => r.record_id)).toEqual(['c-phone', 'c-laptop', 'c-user']);
      expect(tables.consent_records![0]).toMatchObject({ granted: ['analytics'], denied: ['marketing'] });
      expect(tables.privacy_requests).toHaveLength(1);
      expect(tables.privacy_requests![0]).toMatchObject({
        kind: 'access',
        requester_name: 'Alice A.',
        subject_anonymous_ids: ['kiosk-x', 'laptop'],
        due_on: '2026-02-28',
      });
      expect(JSON.stringify(exported)).not.toMatch(/bob|c-other|project_id/);
    }
  });

  it('finds a visitor known only from the consent ledger', async () => {
    const exported = await store.exportPerson(projectId, { anonymousId: 'refuser' });
    expect(exported?.person).toEqual({ id: 'refuser', anonymousIds: ['refuser'], userIds: [] });
    expect(exported?.tables.consent_records?.map((r) => r.record_id)).toEqual(['c-refuser']);
    expect(exported?.tables.events).toEqual([]);
  });

  it('answers undefined for ids nobody has', async () => {
    expect(await store.exportPerson(projectId, { userId: 'nobody' })).toBeUndefined();
    expect(await store.exportPerson(projectId, { anonymousId: 'nowhere' })).toBeUndefined();
  });
});
