import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../Store.js';
import { openSqliteStore } from '../openSqliteStore.js';
import { fileContains } from './fileContains.js';

const dir = mkdtempSync(join(tmpdir(), 'parcours-erase-device-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const T = Date.UTC(2026, 5, 1);
const FUNNEL = { steps: [{ name: 'view' }, { name: 'buy' }], windowMs: 86_400_000 };

const event = (id: string, over: Partial<StoredEvent>): StoredEvent => ({
  id,
  type: 'track',
  name: 'view',
  anonymousId: 'phone',
  timestamp: T,
  ...over,
});

describe('eraseDevice (a consent withdrawal)', () => {
  it("removes the device's events and links, not its user's other devices, and keeps the ledger", async () => {
    const file = join(dir, 'device.db');
    const store = openSqliteStore({ filename: file, journeyEngine: 'inline' });
    const { projectId } = await store.createProject({ name: 'Shop' });
    await store.insertEvents(projectId, [
      event('p1', { userId: 'u1', properties: { note: 'phone-only-value-7f3a9c' } }),
      event('p2', { name: 'buy', timestamp: T + 1000 }),
      event('l1', { anonymousId: 'laptop', userId: 'u1', timestamp: T + 2000 }),
      event('o1', { anonymousId: 'other-device', name: 'buy', timestamp: T + 3000 }),
    ]);
    await store.insertConsentRecords(projectId, [
      {
        id: 'c1',
        timestamp: T,
        granted: ['analytics'],
        denied: [],
        policyVersion: '1',
        source: 'banner',
        anonymousId: 'phone',
      },
    ]);
    expect((await store.getFunnel(projectId, FUNNEL)).steps.map((s) => s.count)).toEqual([1, 1]);

    const receipt = await store.eraseDevice(projectId, 'phone');
    expect(receipt.tables).toEqual({ events: 2, identity_links: 1, consent_records: 0, privacy_requests: 0 });
    expect(receipt.requestId).toMatch(/^era_/);
    expect(await store.getPersonTimeline(projectId, { anonymousId: 'phone' })).toBeUndefined();
    const u1 = await store.getPersonTimeline(projectId, { userId: 'u1' });
    expect(u1?.person.anonymousIds).toEqual(['laptop']);
    expect(u1?.events.map((e) => e.id)).toEqual(['l1']);
    expect(await store.countEvents(projectId)).toBe(2);
    // The index forgets the device at once: u1 (laptop) viewed, nobody of theirs bought.
    expect((await store.getFunnel(projectId, FUNNEL)).steps.map((s) => s.count)).toEqual([1, 0]);
    const ledger = await store.getConsentLog(projectId, { limit: 10 });
    expect(ledger.records.map((r) => r.anonymousId)).toEqual(['phone']);
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 1 });
    expect(await fileContains([file, `${file}-wal`], ['phone-only-value-7f3a9c'])).toBe(false);
    expect((await store.eraseDevice(projectId, 'phone')).tables.events).toBe(0);
    await store.close();
  });

  it('erases only the withdrawn categories on a partial withdrawal', async () => {
    const store = openSqliteStore({ filename: ':memory:' });
    const { projectId } = await store.createProject({ name: 'Shop' });
    await store.insertEvents(projectId, [
      event('a', { userId: 'u1' }),
      event('m', { category: 'marketing', userId: 'u2', timestamp: T + 1 }),
      event('p', { category: 'personalization', timestamp: T + 2 }),
      event('x', { anonymousId: 'laptop', category: 'marketing', timestamp: T + 3 }),
    ]);
    const receipt = await store.eraseDevice(projectId, 'phone', { categories: ['marketing'] });
    // Its marketing event goes, and the u2 link it alone supported; u1's link stays.
    expect(receipt.tables).toEqual({ events: 1, identity_links: 1, consent_records: 0, privacy_requests: 0 });
    const left = await store.getPersonTimeline(projectId, { userId: 'u1' });
    expect(left?.events.map((e) => e.id)).toEqual(['a', 'p']);
    expect(await store.countEvents(projectId)).toBe(3);
    await store.close();
  });
});
