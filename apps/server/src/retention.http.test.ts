import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsentRecord, Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 9, items 3 and 5, over real HTTP on a real SQLite file (worker journey engine):
// retention settings and purge on demand, and a consent withdrawal erasing its device.
let dir: string;
let store: Store;
let server: Server;
let base: string;
const NOW = Date.now();
const MONTH = 31 * 86_400_000;
const FUNNEL = { steps: [{ name: 'home' }, { name: 'buy' }], windowMs: 86_400_000 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-retention-http-'));
  store = openSqliteStore({ filename: join(dir, 'retention.db') });
  server = createServer({ store, publicDir: dir, logError: () => {}, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(path: string, key: string, input: object, mutation = false) {
  const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
  const response = mutation
    ? await fetch(`${base}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) })
    : await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  const json = (await response.json()) as { result?: { data: any }; error?: { message: string } };
  return { status: response.status, data: json.result?.data, error: json.error };
}
async function post(path: string, body: object) {
  const response = await fetch(`${base}/trpc/${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, data: ((await response.json()) as any).result?.data };
}
const event = (id: string, anonymousId: string, over: Partial<Event> = {}): Event => ({
  id,
  type: 'track',
  name: 'home',
  anonymousId,
  timestamp: NOW - 86_400_000,
  ...over,
});
const consentRecord = (id: string, anonymousId: string, over: Partial<ConsentRecord>): ConsentRecord => ({
  id,
  timestamp: NOW,
  granted: ['analytics', 'marketing'],
  denied: [],
  policyVersion: '1',
  source: 'banner',
  anonymousId,
  ...over,
});
async function privacyKey(project: CreatedProject) {
  return (await store.createSecretKey(project.projectId, { scope: 'privacy', label: 'officer' })).key;
}
async function auditOf(project: CreatedProject, action: string) {
  const { entries } = await store.getAuditLog(project.projectId, { limit: 50 });
  return entries.filter((entry) => entry.action === action);
}

describe('privacy.retention, setRetention and purgeNow over HTTP', () => {
  it('set the retention, purge on demand with a receipt, audited, and the funnel agrees at once', async () => {
    const project = await store.createProject({ name: 'Shop' });
    const key = await privacyKey(project);
    await store.insertEvents(project.projectId, [
      event('o1', 'old', { timestamp: NOW - 20 * MONTH }),
      event('o2', 'old', { name: 'buy', timestamp: NOW - 20 * MONTH + 1 }),
      event('n1', 'new', { timestamp: NOW - 2 * MONTH }),
    ]);
    const before = await call('journeys.funnel', project.secretKey, {
      projectId: project.projectId,
      ...FUNNEL,
    });
    expect(before.error).toBeUndefined();
    expect(before.data.steps.map((s: { count: number }) => s.count)).toEqual([2, 1]);

    const initial = await call('privacy.retention', key, { projectId: project.projectId });
    expect(initial.data).toEqual({ eventsMonths: 25, ledgerProofYears: 5, withdrawalErases: true });
    const refused = await call(
      'privacy.setRetention',
      key,
      { projectId: project.projectId, eventsMonths: 26 },
      true,
    );
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/eventsMonths/);
    const set = await call(
      'privacy.setRetention',
      key,
      { projectId: project.projectId, eventsMonths: 13 },
      true,
    );
    expect(set.data).toEqual({ eventsMonths: 13, ledgerProofYears: 5, withdrawalErases: true });

    const purged = await call('privacy.purgeNow', key, { projectId: project.projectId }, true);
    expect(purged.status).toBe(200);
    expect(purged.data.tables).toEqual({ events: 2, identity_links: 0, consent_records: 0 });
    const after = await call('journeys.funnel', project.secretKey, {
      projectId: project.projectId,
      ...FUNNEL,
    });
    expect(after.data.steps.map((s: { count: number }) => s.count)).toEqual([1, 0]);

    const [receipt] = await auditOf(project, 'privacy.purged');
    expect(receipt?.actor).toMatchObject({ kind: 'key', label: expect.stringContaining('officer') });
    expect(receipt?.detail).toMatchObject({ purgeId: purged.data.purgeId, events: 2, consent_records: 0 });
    const [changed] = await auditOf(project, 'privacy.retentionChanged');
    expect(changed?.detail).toMatchObject({ eventsMonths: 13 });
  }, 30_000);
});

describe('a consent withdrawal over POST /trpc/consent', () => {
  async function seed() {
    const project = await store.createProject({ name: 'Shop' });
    const collect = await post('collect', {
      writeKey: project.writeKey,
      consent: ['analytics', 'marketing'],
      batch: [
        event('p1', 'phone', { userId: 'u1' }),
        event('p2', 'phone', { name: 'buy', category: 'marketing', timestamp: NOW - 86_000_000 }),
        event('l1', 'laptop', { userId: 'u1', name: 'buy' }),
      ],
    });
    expect(collect.data).toMatchObject({ accepted: 3 });
    const grant = await post('consent', {
      writeKey: project.writeKey,
      records: [consentRecord('g', 'phone', {})],
    });
    expect(grant.status).toBe(200);
    return project;
  }

  it("erases the device's data (not its user's other device), keeps the ledger, with a receipt", async () => {
    const project = await seed();
    expect((await store.getFunnel(project.projectId, FUNNEL)).steps.map((s) => s.count)).toEqual([1, 1]);
    const withdrawal = consentRecord('w', 'phone', {
      granted: [],
      denied: ['analytics', 'marketing', 'personalization'],
      action: 'withdraw',
    });
    const answer = await post('consent', { writeKey: project.writeKey, records: [withdrawal] });
    expect(answer).toEqual({ status: 200, data: { accepted: 1, duplicates: 0 } });
    expect(await store.getPersonTimeline(project.projectId, { anonymousId: 'phone' })).toBeUndefined();
    const u1 = await store.getPersonTimeline(project.projectId, { userId: 'u1' });
    expect(u1?.events.map((e) => e.id)).toEqual(['l1']);
    expect(await store.verifyLedger(project.projectId)).toEqual({ ok: true, records: 2 });
    const [receipt] = await auditOf(project, 'privacy.withdrawalErased');
    expect(receipt?.actor.kind).toBe('system');
    expect(receipt?.detail).toMatchObject({
      categories: 'all',
      events: 2,
      identity_links: 1,
      consent_records: 0,
    });
    expect(JSON.stringify(receipt)).not.toContain('phone');
    // The journey index forgets the device at once: u1 is left with the laptop's buy only.
    const funnel = await store.getFunnel(project.projectId, FUNNEL);
    expect(funnel.steps.map((s) => s.count)).toEqual([0, 0]);
  }, 30_000);

  it('erases only the withdrawn category on a partial withdrawal', async () => {
    const project = await seed();
    const partial = consentRecord('w', 'phone', { granted: ['analytics'], denied: ['marketing'] });
    await post('consent', { writeKey: project.writeKey, records: [partial] });
    const phone = await store.getPersonTimeline(project.projectId, { anonymousId: 'phone' });
    expect(phone?.events.map((e) => e.id)).toEqual(['p1', 'l1']);
    const [receipt] = await auditOf(project, 'privacy.withdrawalErased');
    expect(receipt?.detail).toMatchObject({ categories: 'marketing', events: 1 });
  }, 30_000);

  it('erases nothing when the privacy officer turned it off', async () => {
    const project = await seed();
    const key = await privacyKey(project);
    const off = { projectId: project.projectId, eventsMonths: 25, withdrawalErases: false };
    expect((await call('privacy.setRetention', key, off, true)).data.withdrawalErases).toBe(false);
    const withdrawal = consentRecord('w', 'phone', {
      granted: [],
      denied: ['analytics'],
      action: 'withdraw',
    });
    await post('consent', { writeKey: project.writeKey, records: [withdrawal] });
    expect(await store.countEvents(project.projectId)).toBe(3);
    expect(await auditOf(project, 'privacy.withdrawalErased')).toEqual([]);
  }, 30_000);
});
