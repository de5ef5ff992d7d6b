import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConsentRecord } from '@parcours/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../InvalidCursorError.js';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from '../migrations.js';
import { openSqliteStore } from '../openSqliteStore.js';

const dir = mkdtempSync(join(tmpdir(), 'parcours-consent-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `store-${++files}.db`);
const open = (filename: string) => openSqliteStore({ filename, journeyEngine: 'inline' });

const record = (id: string, over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id,
  timestamp: 1_700_000_000_000,
  granted: ['analytics'],
  denied: ['marketing'],
  policyVersion: '1',
  source: 'banner',
  anonymousId: `anon-${id}`,
  ...over,
});

/** A file with five chained records (r1…r5); returns it with its project id. */
async function writeFive() {
  const file = newFile();
  const store = open(file);
  const { projectId } = await store.createProject({ name: 'Shop' });
  await store.insertConsentRecords(
    projectId,
    ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => record(id)),
  );
  await store.close();
  return { file, projectId };
}

describe('consent ledger (SQLite)', () => {
  it('appends with receipt time, inferred action, stripped path, origin, GPC, ids only for grants', async () => {
    const store = open(newFile());
    const { projectId } = await store.createProject({ name: 'Shop' });
    const published = (await store.getConsentConfig(projectId)).configHash;
    const before = Date.now();
    const own = 'a'.repeat(64);
    const result = await store.insertConsentRecords(
      projectId,
      [
        record('grant', { path: '/shop/cart?email=a@b.fr#x', locale: 'fr-FR', configHash: own }),
        record('refusal', {
          granted: [],
          denied: ['analytics', 'marketing'],
          userId: 'u1',
          policyVersion: 'v2',
          configHash: own,
        }),
        record('withdrawal', { granted: [], action: 'withdraw', gpc: true, policyVersion: '7' }),
      ],
      { origin: 'https://shop.example', gpc: false },
    );
    expect(result).toEqual({ accepted: 3, duplicates: 0 });
    await store.insertConsentRecords(
      projectId,
      [record('gpc', { granted: ['analytics', 'marketing'], denied: [] })],
      {
        gpc: true,
      },
    );
    const { records } = await store.getConsentLog(projectId, { limit: 10 });
    const byId = Object.fromEntries(records.map((entry) => [entry.recordId, entry]));
    expect(records.map((entry) => entry.recordId)).toEqual(['gpc', 'withdrawal', 'refusal', 'grant']);
    expect(byId.grant).toMatchObject({
      action: 'custom',
      path: '/shop/cart',
      locale: 'fr-FR',
      origin: 'https://shop.example',
      gpc: false,
      anonymousId: 'anon-grant',
      configHash: published, // "1" is a published version: its hash wins over the record's
      verified: true,
    });
    expect(byId.grant!.receivedAt).toBeGreaterThanOrEqual(before);
    // A refusal names nobody; an unpublished version keeps the record's own hash.
    expect(byId.refusal).toMatchObject({
      action: 'refuse_all',
      anonymousId: null,
      userId: null,
      configHash: own,
    });
    expect(byId.withdrawal).toMatchObject({
      action: 'withdraw',
      anonymousId: 'anon-withdrawal',
      gpc: true,
      configHash: null,
    });
    expect(byId.gpc).toMatchObject({ action: 'accept_all', gpc: true, origin: null, path: null });
    expect(await store.getLatestConsent(projectId, 'anon-gpc')).toEqual({
      action: 'accept_all',
      granted: ['analytics', 'marketing'],
      gpc: true,
    });
    expect(await store.getLatestConsent(projectId, 'nobody')).toBeUndefined();
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 4 });
    await store.close();
  });

  it('names the record whose category was changed in the file, and only its link fails', async () => {
    const { file, projectId } = await writeFive();
    const raw = new Database(file);
    raw.exec(`DROP TRIGGER consent_records_no_update`);
    raw
      .prepare(`UPDATE consent_records SET granted = '["analytics","marketing"]' WHERE record_id = 'r3'`)
      .run();
    raw.close();
    const store = open(file);
    const verification = await store.verifyLedger(projectId);
    expect(verification).toMatchObject({ ok: false, records: 5, firstBroken: { recordId: 'r3' } });
    expect(verification.firstBroken!.reason).toMatch(/changed after it was written/);
    const { records } = await store.getConsentLog(projectId, { limit: 10 });
    expect(records.filter((entry) => !entry.verified).map((entry) => entry.recordId)).toEqual(['r3']);
    await store.close();
  });

  it('names the record after a deleted one', async () => {
    const { file, projectId } = await writeFive();
    const raw = new Database(file);
    raw.exec(`DROP TRIGGER consent_records_no_delete`);
    raw.prepare(`DELETE FROM consent_records WHERE record_id = 'r2'`).run();
    raw.close();
    const store = open(file);
    const verification = await store.verifyLedger(projectId);
    expect(verification).toMatchObject({ ok: false, records: 4, firstBroken: { recordId: 'r3' } });
    expect(verification.firstBroken!.reason).toMatch(/deleted/);
    await store.close();
  });

  it('refuses UPDATE and DELETE but lets erasure blank both ids, and the chain still verifies', async () => {
    const { file, projectId } = await writeFive();
    const raw = new Database(file);
    expect(() => raw.prepare(`DELETE FROM consent_records WHERE record_id = 'r1'`).run()).toThrow(
      /append-only/,
    );
    expect(() => raw.prepare(`UPDATE consent_records SET gpc = 1 WHERE record_id = 'r1'`).run()).toThrow(
      /append-only/,
    );
    // Blanking the ids while changing something else, or one id only, is refused too.
    expect(() =>
      raw
        .prepare(
          `UPDATE consent_records SET anonymous_id = NULL, user_id = NULL, path = '/x' WHERE record_id = 'r1'`,
        )
        .run(),
    ).toThrow(/append-only/);
    expect(() =>
      raw.prepare(`UPDATE consent_records SET anonymous_id = 'someone-else' WHERE record_id = 'r1'`).run(),
    ).toThrow(/append-only/);
    const blanked = raw
      .prepare(`UPDATE consent_records SET anonymous_id = NULL, user_id = NULL WHERE record_id = 'r2'`)
      .run();
    expect(blanked.changes).toBe(1);
    raw.close();
    const store = open(file);
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 5 });
    const { records } = await store.getConsentLog(projectId, { limit: 10 });
    expect(records.find((entry) => entry.recordId === 'r2')).toMatchObject({
      anonymousId: null,
      verified: true,
    });
    await store.close();
  });

  it('keeps one correct chain under concurrent appends, across projects', async () => {
    const store = open(newFile());
    const a = await store.createProject({ name: 'A' });
    const b = await store.createProject({ name: 'B' });
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        store.insertConsentRecords(i % 2 === 0 ? a.projectId : b.projectId, [
          record(`c${i}`),
          record(`d${i}`),
        ]),
      ),
    );
    expect(await store.verifyLedger(a.projectId)).toEqual({ ok: true, records: 60 });
    expect(await store.verifyLedger(b.projectId)).toEqual({ ok: true, records: 60 });
    await store.close();
  });

  it('chains the records a file had before migration 9, in their order', async () => {
    const file = newFile();
    const raw = new Database(file);
    migrate(raw, MIGRATIONS.slice(0, 8));
    raw
      .prepare(
        `INSERT INTO projects (public_id, name, write_key, created_at) VALUES ('prj_old', 'Old', 'wk_old', 1)`,
      )
      .run();
    const insert = raw.prepare(`
      INSERT INTO consent_records (project_id, record_id, timestamp, granted, denied, policy_version, source, anonymous_id, received_at)
      VALUES (1, ?, 1, ?, ?, 'v1', 'banner', ?, 2)
    `);
    insert.run('old1', '["analytics"]', '[]', 'dev');
    insert.run('old2', '[]', '["analytics"]', null);
    raw.close();
    const store = open(file);
    expect(await store.verifyLedger('prj_old')).toEqual({ ok: true, records: 2 });
    await store.insertConsentRecords('prj_old', [record('new')]);
    expect(await store.verifyLedger('prj_old')).toEqual({ ok: true, records: 3 });
    const { records } = await store.getConsentLog('prj_old', { limit: 10 });
    expect(records.map((entry) => [entry.recordId, entry.action])).toEqual([
      ['new', 'custom'],
      ['old2', 'refuse_all'],
      ['old1', 'accept_all'],
    ]);
    await store.close();
  });

  it('filters the log, pages it newest first with opaque cursors, and refuses a bad cursor', async () => {
    const store = open(newFile());
    const { projectId } = await store.createProject({ name: 'Log' });
    const other = await store.createProject({ name: 'Other' });
    await store.insertConsentRecords(other.projectId, [record('o1'), record('o2')]);
    await store.insertConsentRecords(projectId, [
      record('a', { anonymousId: 'dev-1', userId: 'user-1' }),
      record('b', { granted: [], denied: ['analytics'], anonymousId: 'dev-1' }),
      record('c', {
        anonymousId: 'dev-2',
        policyVersion: '2',
        granted: ['analytics', 'marketing'],
        denied: [],
      }),
      record('d', { anonymousId: 'dev-1', action: 'withdraw', granted: [] }),
      record('e', { anonymousId: 'dev-3' }),
    ]);
    const ids = (page: { records: Array<{ recordId: string }> }) => page.records.map((r) => r.recordId);
    expect(ids(await store.getConsentLog(projectId, { limit: 10, search: 'dev-1' }))).toEqual(['d', 'a']);
    expect(ids(await store.getConsentLog(projectId, { limit: 10, search: 'user-1' }))).toEqual(['a']);
    expect(ids(await store.getConsentLog(projectId, { limit: 10, action: 'accept_all' }))).toEqual(['c']);
    expect(ids(await store.getConsentLog(projectId, { limit: 10, policyVersion: 2 }))).toEqual(['c']);
    expect(ids(await store.getConsentLog(projectId, { limit: 10, from: Date.now() + 60_000 }))).toEqual([]);
    expect(ids(await store.getConsentLog(projectId, { limit: 10, to: Date.now() + 60_000 }))).toHaveLength(5);
    const first = await store.getConsentLog(projectId, { limit: 2 });
    expect(ids(first)).toEqual(['e', 'd']);
    const second = await store.getConsentLog(projectId, { limit: 2, cursor: first.nextCursor! });
    expect(ids(second)).toEqual(['c', 'b']);
    const third = await store.getConsentLog(projectId, { limit: 2, cursor: second.nextCursor! });
    expect([ids(third), third.nextCursor]).toEqual([['a'], null]);
    for (const cursor of ['garbage', '12', Buffer.from('l999999').toString('base64url')]) {
      await expect(store.getConsentLog(projectId, { limit: 2, cursor })).rejects.toThrow(InvalidCursorError);
    }
    // Another project's cursor is not this one's.
    const foreign = (await store.getConsentLog(other.projectId, { limit: 1 })).nextCursor!;
    await expect(store.getConsentLog(projectId, { limit: 2, cursor: foreign })).rejects.toThrow(
      InvalidCursorError,
    );
    await store.close();
  });

  it('computes the rates per version, language and UTC day from the ledger', async () => {
    const store = open(newFile());
    const { projectId } = await store.createProject({ name: 'Stats' });
    const empty = await store.getConsentStats(projectId, { from: 0, to: Date.now() + 1 });
    expect(empty.totals).toEqual({ decisions: 0, acceptAll: 0, refuseAll: 0, custom: 0, gpcShare: 0 });
    const all: Partial<ConsentRecord> = { granted: ['analytics', 'marketing'], denied: [] };
    const none: Partial<ConsentRecord> = { granted: [], denied: ['analytics', 'marketing'] };
    await store.insertConsentRecords(projectId, [
      record('1', { ...all, locale: 'fr-FR', policyVersion: '1' }),
      record('2', { ...none, locale: 'fr', policyVersion: '1', gpc: true }),
      record('3', { locale: 'en-GB', policyVersion: '2' }),
      record('4', { ...all, policyVersion: '2' }),
    ]);
    await store.insertConsentRecords(
      projectId,
      [record('5', { ...none, locale: 'EN', policyVersion: '2' })],
      { gpc: true },
    );
    const stats = await store.getConsentStats(projectId, { from: 0, to: Date.now() + 1 });
    expect(stats.totals).toEqual({ decisions: 5, acceptAll: 2, refuseAll: 2, custom: 1, gpcShare: 0.4 });
    expect(stats.byVersion).toEqual([
      { policyVersion: '1', decisions: 2, acceptAll: 1, refuseAll: 1, custom: 0, gpcShare: 0.5 },
      { policyVersion: '2', decisions: 3, acceptAll: 1, refuseAll: 1, custom: 1, gpcShare: 1 / 3 },
    ]);
    expect(stats.byLanguage).toEqual([
      { language: 'fr', decisions: 2, acceptAll: 1, refuseAll: 1, custom: 0, gpcShare: 0.5 },
      { language: 'en', decisions: 2, acceptAll: 0, refuseAll: 1, custom: 1, gpcShare: 0.5 },
      { language: 'unknown', decisions: 1, acceptAll: 1, refuseAll: 0, custom: 0, gpcShare: 0 },
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(stats.byDay).toEqual([{ day: today, ...stats.totals }]);
    // Outside the range: nothing.
    expect((await store.getConsentStats(projectId, { from: 0, to: 1 })).totals.decisions).toBe(0);
    await store.close();
  });
});
