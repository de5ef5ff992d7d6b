import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type { ConsentRecord } from '@parcours/schema';
import type { Store, StoredEvent } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openClickHouseStore } from '../openClickHouseStore.js';
import { queryRows } from '../queryRows.js';
import { describeWithClickHouse } from '../testing/describeWithClickHouse.js';
import { deleteHiddenEvents, hideEvents } from './removeEvents.js';

const t = Date.UTC(2026, 5, 1);
const visit = (id: string, anonymousId: string, userId?: string): StoredEvent => ({
  id,
  type: 'page',
  name: 'home',
  anonymousId,
  timestamp: t,
  ...(userId === undefined ? {} : { userId }),
});
const grant = (id: string, anonymousId: string, userId?: string): ConsentRecord => ({
  id,
  timestamp: t,
  granted: ['analytics'],
  denied: [],
  policyVersion: '1',
  source: 'banner',
  anonymousId,
  ...(userId === undefined ? {} : { userId }),
});

/**
 * What the tables themselves hold, read without the store's filters: removals must
 * leave no row behind in any part, not only hide them from queries.
 */
describeWithClickHouse('removals on ClickHouse: hidden at once, then gone from the tables', (server) => {
  const database = 'removals';
  let client: ClickHouseClient;
  let store: Store;
  beforeAll(async () => {
    store = await openClickHouseStore({ url: server().url, database });
    client = createClient({ url: server().url });
  });
  afterAll(async () => {
    await store?.close();
    await client?.close();
  });
  const count = async (query: string) => Number((await queryRows<{ n: string }>(client, query))[0]!.n);
  const rawEvents = (projectId: string, where = '1') =>
    count(`SELECT count() AS n FROM ${database}.events WHERE project_id = '${projectId}' AND ${where}`);
  const pendingMutations = () =>
    count(`SELECT count() AS n FROM system.mutations WHERE database = '${database}' AND is_done = 0`);

  it('hides the chosen events from every query before the mutation, and deletes them after', async () => {
    const { projectId } = await store.createProject({ name: 'hide' });
    await store.insertEvents(projectId, [
      visit('a1', 'ann'),
      visit('a2', 'ann', 'ann-user'),
      visit('b1', 'bo'),
    ]);
    const target = { database, projectId };
    const hidden = await hideEvents(client, target, `anonymous_id = 'ann'`);
    expect(hidden).toEqual({ events: 2, identity_links: 1 });
    // Still in the table, already invisible: counts, timelines, funnels, persons.
    expect(await rawEvents(projectId)).toBe(3);
    expect(await store.countEvents(projectId)).toBe(1);
    expect(await store.getPersonTimeline(projectId, { anonymousId: 'ann' })).toBeUndefined();
    expect((await store.getPersons(projectId, { limit: 10 })).persons.map((p) => p.personId)).toEqual(['bo']);
    expect(
      (await store.getFunnel(projectId, { steps: [{ name: 'home' }], windowMs: 1 })).steps[0]!.count,
    ).toBe(1);
    await deleteHiddenEvents(client, target);
    expect(await rawEvents(projectId)).toBe(1);
    expect(
      await count(`SELECT count() AS n FROM ${database}.event_ids WHERE project_id = '${projectId}'`),
    ).toBe(1);
    expect(
      await count(`SELECT count() AS n FROM ${database}.removed_events WHERE project_id = '${projectId}'`),
    ).toBe(0);
    expect(await pendingMutations()).toBe(0);
    // The ids left with the rows: a replay of an erased event is stored again, as on SQLite.
    expect(await store.insertEvents(projectId, [visit('a1', 'ann')])).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('finishes the tombstones a failed removal left, at the next removal of the project', async () => {
    const { projectId } = await store.createProject({ name: 'leftover' });
    await store.insertEvents(projectId, [visit('c1', 'cy'), visit('d1', 'dee'), visit('e1', 'eve')]);
    const target = { database, projectId };
    // A removal that stopped after hiding (a crash): its events stay hidden...
    await hideEvents(client, target, `anonymous_id = 'cy'`);
    expect(await store.countEvents(projectId)).toBe(2);
    // ...and the next one deletes them with its own.
    const receipt = await store.eraseDevice(projectId, 'dee');
    expect(receipt.tables).toMatchObject({ events: 1 });
    expect(await rawEvents(projectId)).toBe(1);
    expect(await rawEvents(projectId, `anonymous_id IN ('cy', 'dee')`)).toBe(0);
  });

  it('leaves no id of an erased person in events, the ledger or the requests once erasePerson resolves', async () => {
    const { projectId } = await store.createProject({ name: 'erase' });
    await store.insertEvents(projectId, [
      visit('g1', 'gina-phone'),
      visit('g2', 'gina-phone', 'gina'),
      visit('g3', 'gina-laptop', 'gina'),
      visit('h1', 'hugo-phone'),
    ]);
    await store.insertConsentRecords(projectId, [
      grant('cg', 'gina-phone', 'gina'),
      grant('ch', 'hugo-phone'),
    ]);
    const request = await store.createPrivacyRequest(projectId, {
      kind: 'erasure',
      receivedOn: '2026-06-02',
      requesterName: 'Gina Example',
      requesterEmail: 'gina@example.test',
      userId: 'gina',
      anonymousIds: ['gina-phone'],
    });
    // Another version of the request, as a workflow leaves: every version must lose the e-mail.
    await store.updatePrivacyRequest(projectId, request.requestId, { verification: 'verified' });
    const receipt = await store.erasePerson(projectId, { userId: 'gina' });
    expect(receipt.tables).toEqual({ events: 3, identity_links: 2, consent_records: 1, privacy_requests: 1 });
    // Read straight from the tables, the moment it resolved.
    expect(await pendingMutations()).toBe(0);
    expect(await rawEvents(projectId, `anonymous_id LIKE 'gina%' OR user_id = 'gina'`)).toBe(0);
    expect(await rawEvents(projectId)).toBe(1);
    const ledger = await queryRows<{
      record_id: string;
      anonymous_id: string | null;
      user_id: string | null;
    }>(
      client,
      `SELECT record_id, anonymous_id, user_id FROM ${database}.consent_ledger WHERE project_id = '${projectId}' ORDER BY record_id`,
    );
    expect(ledger).toEqual([
      { record_id: 'cg', anonymous_id: null, user_id: null },
      { record_id: 'ch', anonymous_id: 'hugo-phone', user_id: null },
    ]);
    expect(await count(`SELECT count() AS n FROM ${database}.records WHERE position(body, 'gina') > 0`)).toBe(
      0,
    );
    expect(await store.getPrivacyRequest(projectId, request.requestId)).toMatchObject({
      requesterName: null,
      requesterEmail: null,
      userId: null,
      anonymousIds: [],
      verification: 'verified',
    });
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 2 });
  });

  it('purges a prefix of each process’s ledger chain, and every chain still verifies', async () => {
    const other = await openClickHouseStore({ url: server().url, database });
    try {
      const { projectId } = await store.createProject({ name: 'chains' });
      const refuse = (id: string): ConsentRecord => ({
        ...grant(id, 'x'),
        granted: [],
        denied: ['analytics'],
      });
      // Chain 1: a refusal, then a grant still running. Chain 2: two refusals, then a grant.
      await store.insertConsentRecords(projectId, [refuse('a1')]);
      await other.insertConsentRecords(projectId, [refuse('b1')]);
      await store.insertConsentRecords(projectId, [grant('a2', 'dev-a')]);
      await other.insertConsentRecords(projectId, [refuse('b2')]);
      await other.insertConsentRecords(projectId, [grant('b3', 'dev-b')]);
      await store.setRetention(projectId, { ledgerProofYears: 1 });
      const receipt = await store.purge(projectId, Date.now() + 367 * 86_400_000);
      expect(receipt.tables.consent_records).toBe(3);
      const left = await other.getConsentRecords(projectId, { limit: 10 });
      expect(left.records.map((record) => record.id).sort()).toEqual(['a2', 'b3']);
      for (const reader of [store, other])
        expect(await reader.verifyLedger(projectId)).toEqual({ ok: true, records: 2 });
      const log = await other.getConsentLog(projectId, { limit: 10 });
      expect(log.records.map((entry) => entry.verified)).toEqual([true, true]);
      // Appending after a purge continues the chain from its head; all still verifies.
      await store.insertConsentRecords(projectId, [grant('a3', 'dev-a')]);
      expect(await other.verifyLedger(projectId)).toEqual({ ok: true, records: 3 });
      // a3 replaces a2 (same device): the next purge moves chain 1's anchor past a2.
      expect((await store.purge(projectId, Date.now() + 367 * 86_400_000)).tables.consent_records).toBe(1);
      expect(await other.verifyLedger(projectId)).toEqual({ ok: true, records: 2 });
    } finally {
      await other.close();
    }
  });
});
