import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConsentRecord } from '@parcours/schema';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { subtractCalendarMonths } from '../../retention/subtractCalendarMonths.js';
import type { Store } from '../../Store.js';
import { openSqliteStore } from '../openSqliteStore.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const monthsAgo = (months: number) => subtractCalendarMonths(NOW, months);
const dir = mkdtempSync(join(tmpdir(), 'parcours-purge-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());
let files = 0;

const record = (id: string, anonymousId: string, over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id,
  timestamp: NOW,
  granted: ['analytics'],
  denied: [],
  policyVersion: '1',
  source: 'banner',
  anonymousId,
  ...over,
});

/** Appends records as the server would have received them `months` ago (the mocked clock). */
async function receiveAt(store: Store, projectId: string, months: number, records: ConsentRecord[]) {
  vi.useFakeTimers({ toFake: ['Date'], now: monthsAgo(months) });
  await store.insertConsentRecords(projectId, records);
  vi.useRealTimers();
}

async function openWithLedger() {
  const file = join(dir, `ledger-${++files}.db`);
  const store = openSqliteStore({ filename: file, journeyEngine: 'inline' });
  const { projectId } = await store.createProject({ name: 'Shop' });
  // Proof period 5 years (the default): consent must have ended before 2021-12-03.
  await receiveAt(store, projectId, 90, [record('a1', 'dev-a')]); // replaced 80 months ago: ended
  await receiveAt(store, projectId, 80, [
    record('a2', 'dev-a', { granted: [], denied: ['analytics'], action: 'withdraw' }), // ends at once
    record('b1', 'dev-b'), // nothing replaces it: ends 13 months later, 67 months ago
  ]);
  await receiveAt(store, projectId, 70, [record('c1', 'dev-c')]); // ends 57 months ago: kept
  await receiveAt(store, projectId, 65, [record('d1', 'dev-d', { granted: [], denied: ['analytics'] })]);
  await receiveAt(store, projectId, 2, [record('e1', 'dev-e')]);
  return { file, store, projectId };
}

const recordIds = async (store: Store, projectId: string) =>
  (await store.getConsentLog(projectId, { limit: 100 })).records.map((r) => r.recordId).reverse();

describe('purge of the consent ledger', () => {
  it('drops the oldest records whose consent ended over 5 years ago, and what is left verifies', async () => {
    const { store, projectId } = await openWithLedger();
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 6 });
    const receipt = await store.purge(projectId, NOW);
    expect(receipt.tables.consent_records).toBe(3);
    // d1 (a refusal, ended 65 months ago) could go, but follows c1, which cannot: a prefix only.
    expect(await recordIds(store, projectId)).toEqual(['c1', 'd1', 'e1']);
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 3 });
    const log = await store.getConsentLog(projectId, { limit: 100 });
    expect(log.records.every((r) => r.verified)).toBe(true);
    // The chain goes on from what is left.
    await store.insertConsentRecords(projectId, [record('f1', 'dev-f')]);
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 4 });
    expect((await store.purge(projectId, NOW)).tables.consent_records).toBe(0);
    await store.close();
  });

  it('follows the proof period, and a ledger purged to nothing goes on from its anchor', async () => {
    const { store, projectId } = await openWithLedger();
    await store.setRetention(projectId, { ledgerProofYears: 1 });
    // Everything but e1 ended over a year ago; e1 (2 months) still runs.
    expect((await store.purge(projectId, NOW)).tables.consent_records).toBe(5);
    const later = subtractCalendarMonths(NOW, -30);
    expect((await store.purge(projectId, later)).tables.consent_records).toBe(1);
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 0 });
    await store.insertConsentRecords(projectId, [record('g1', 'dev-g')]);
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 1 });
    await store.close();
  });

  it('still detects a record rewritten or removed after a purge', async () => {
    const { file, store, projectId } = await openWithLedger();
    await store.purge(projectId, NOW);
    const db = new Database(file);
    // Deleting what follows the anchor: the trigger refuses.
    expect(() => db.prepare(`DELETE FROM consent_records WHERE record_id = 'c1'`).run()).toThrow(
      /append-only/,
    );
    // An anchor that is not the hash of a record, or moves nowhere: refused.
    const seqOf = (id: string) =>
      db.prepare(`SELECT seq FROM consent_records WHERE record_id = ?`).pluck().get(id) as number;
    const insertAnchor = db.prepare(
      `INSERT INTO consent_ledger_anchors (project_id, through_seq, hash, records, purged_at) VALUES (1, ?, ?, 1, 0)`,
    );
    expect(() => insertAnchor.run(seqOf('c1'), 'f'.repeat(64))).toThrow(/anchor/);
    expect(() => db.prepare(`DELETE FROM consent_ledger_anchors`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE consent_ledger_anchors SET hash = 'x'`).run()).toThrow(/append-only/);
    // Dropping the trigger to delete the first record left is caught by verification.
    db.exec(`DROP TRIGGER consent_records_no_delete`);
    db.prepare(`DELETE FROM consent_records WHERE record_id = 'c1'`).run();
    db.close();
    const broken = await store.verifyLedger(projectId);
    expect(broken.ok).toBe(false);
    expect(broken.firstBroken?.recordId).toBe('d1');
    await store.close();
  });

  it('lets a deleted project take its anchors along', async () => {
    const { store, projectId } = await openWithLedger();
    await store.purge(projectId, NOW);
    await store.deleteProject(projectId);
    const next = await store.createProject({ name: 'Next' });
    await store.insertConsentRecords(next.projectId, [record('n1', 'dev-n')]);
    expect(await store.verifyLedger(next.projectId)).toEqual({ ok: true, records: 1 });
    await store.close();
  });
});
