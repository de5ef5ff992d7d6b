import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { describeStoreConformance } from '../Store.conformance.js';
import { MIGRATIONS } from './migrations.js';
import { migrate } from './migrate.js';
import { openSqliteStore, openSqliteStoreEngine } from './openSqliteStore.js';

const dir = mkdtempSync(join(tmpdir(), 'parcours-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `store-${++files}.db`);

// A file each, the journey engine on its worker thread: as the server runs it.
describeStoreConformance({
  engine: 'SQLite',
  openEngine: async () => openSqliteStoreEngine({ filename: newFile() }),
});

describe('openSqliteStore', () => {
  it('upgrades in place a database written by Parcours 0.1.0, whose secret keys keep working as admin', async () => {
    // Written by the 0.1.0 store (before accounts): a project, its default key, a
    // `demo` key, two events and a consent record.
    const fixture = new URL('./fixtures/parcours-0.1.0.db', import.meta.url);
    const before = JSON.parse(
      readFileSync(new URL('./fixtures/parcours-0.1.0.json', import.meta.url), 'utf8'),
    ) as { projectId: string; writeKey: string; secretKey: string; demoKey: string };
    const filename = newFile();
    copyFileSync(fixture, filename);
    const raw = new Database(filename, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    raw.close();

    const store = openSqliteStore({ filename });
    for (const key of [before.secretKey, before.demoKey]) {
      expect(await store.getKeyGrant(key)).toMatchObject({ projectId: before.projectId, scope: 'admin' });
    }
    expect((await store.getProjectByWriteKey(before.writeKey))?.name).toBe('Before accounts');
    expect(await store.countEvents(before.projectId)).toBe(2);
    expect((await store.getConsentRecords(before.projectId, { limit: 10 })).records).toHaveLength(1);
    const keys = await store.listSecretKeys(before.projectId);
    expect(keys.map((k) => [k.label, k.scope]).sort()).toEqual([
      ['default', 'admin'],
      ['demo', 'admin'],
    ]);
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(2);
    expect(await store.revokeSecretKey(before.projectId, keys.find((k) => k.label === 'demo')!.keyId)).toBe(
      true,
    );
    expect(await store.getKeyGrant(before.demoKey)).toBeUndefined();
    // Migration 5 rebuilt the key table for the ingest scope: old keys kept, new scope allowed.
    expect(await store.getKeyGrant(before.secretKey)).toMatchObject({ scope: 'admin' });
    const ingest = await store.createSecretKey(before.projectId, { scope: 'ingest', label: 'till' });
    expect((await store.getKeyGrant(ingest.key))?.scope).toBe('ingest');
    expect(await store.countUsers()).toBe(0);
    // Issue 13: old links still stitch persons; the project gets its identity secret, not required.
    const person = await store.getPersonTimeline(before.projectId, { anonymousId: 'a1' });
    expect(person?.person).toEqual({ id: 'user:u1', anonymousIds: ['a1'], userIds: ['u1'] });
    expect(person?.events.map((e) => e.name)).toEqual(['/pricing', 'Signed up']);
    const identity = await store.getIdentitySettings(before.projectId);
    expect(identity).toMatchObject({
      requireSignedIdentities: false,
      identitySecret: expect.stringMatching(/^ids_/),
    });
    await store.close();
  });

  it('keeps the one journey map saved before several maps as the main map, at version 1', async () => {
    const filename = newFile();
    const store = openSqliteStore({ filename });
    const { projectId } = await store.createProject({ name: 'One map' });
    const other = await store.createProject({ name: 'No map' });
    await store.close();
    // Back to the schema before migration 21, with the map a 0.x server saved (22 undone first).
    const raw = new Database(filename);
    raw.exec('DROP INDEX events_by_project_day');
    raw.exec('ALTER TABLE projects DROP COLUMN links_swept_generation');
    raw.exec('DROP TABLE named_journey_maps');
    raw.exec(
      'CREATE TABLE journey_maps (project_id INTEGER PRIMARY KEY, stages TEXT NOT NULL, updated_at INTEGER NOT NULL)',
    );
    const stages = [{ name: 'visit', touchpoints: [{ name: '/', goal: true }] }];
    raw
      .prepare(`INSERT INTO journey_maps SELECT id, ?, 1234 FROM projects WHERE public_id = ?`)
      .run(JSON.stringify(stages), projectId);
    raw.pragma('user_version = 20');
    expect(migrate(raw)).toBe(MIGRATIONS.length - 20);
    raw.close();
    const upgraded = openSqliteStore({ filename });
    expect(await upgraded.listJourneyMaps(projectId)).toEqual([
      { mapId: 'main', name: 'Main journey', stages, version: 1, updatedAt: 1234, updatedBy: null },
    ]);
    expect((await upgraded.listJourneyMaps(other.projectId))[0]!.version).toBe(0);
    await upgraded.close();
  });

  it('keeps data in the file across reopen, in WAL mode, migrated once', async () => {
    const filename = newFile();
    const store = openSqliteStore({ filename });
    const { projectId, writeKey } = await store.createProject({ name: 'Durable' });
    await store.insertEvents(projectId, [
      { id: 'e1', type: 'page', name: '/', anonymousId: 'a', timestamp: Date.UTC(2026, 0, 1) },
    ]);
    await store.close();

    const reopened = openSqliteStore({ filename });
    expect((await reopened.getProjectByWriteKey(writeKey))?.projectId).toBe(projectId);
    expect(await reopened.countEvents(projectId)).toBe(1);
    await reopened.close();

    const raw = new Database(filename, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.prepare('SELECT count(*) FROM secret_keys WHERE hash LIKE ?').pluck().get('sk_%')).toBe(0);
    raw.close();
  });

  it('makes an acknowledged batch visible to another connection at once', async () => {
    const filename = newFile();
    const store = openSqliteStore({ filename });
    const { projectId } = await store.createProject({ name: 'Visible' });
    const batch = Array.from({ length: 50 }, (_, i) => ({
      id: `v${i}`,
      type: 'track' as const,
      name: 'Tapped',
      anonymousId: 'a',
      timestamp: Date.UTC(2026, 0, 1) + i,
    }));
    await store.insertEvents(projectId, batch);
    const other = new Database(filename, { readonly: true });
    expect(other.prepare('SELECT count(*) FROM events').pluck().get()).toBe(50);
    other.close();
    await store.close();
  });

  it('rebuilds the journey index from the file on open, equal to the live one', async () => {
    const filename = newFile();
    const store = openSqliteStore({ filename });
    const { projectId } = await store.createProject({ name: 'Rebuild' });
    const t = Date.UTC(2026, 0, 1);
    const funnel = { steps: [{ name: 'A' }, { name: 'B' }], windowMs: 10_000, breakdown: 'plan' };
    await store.getFunnel(projectId, funnel); // built empty, then kept current
    await store.insertEvents(projectId, [
      { id: '1', type: 'track', name: 'A', anonymousId: 'a', timestamp: t, properties: { plan: 'pro' } },
      { id: '2', type: 'track', name: 'B', anonymousId: 'b', timestamp: t + 1 },
      { id: '3', type: 'identify', name: 'identify', anonymousId: 'b', userId: 'u', timestamp: t + 2 },
      { id: '4', type: 'identify', name: 'identify', anonymousId: 'a', userId: 'u', timestamp: t + 3 },
    ]);
    const live = await store.getFunnel(projectId, funnel);
    expect(live.steps.map((s) => s.count)).toEqual([1, 1]);
    await store.close();
    const reopened = openSqliteStore({ filename });
    expect(await reopened.getFunnel(projectId, funnel)).toEqual(live);
    await reopened.close();
  });

  it('applies identity settings changed by another process at once (the CLI beside a running server)', async () => {
    const filename = newFile();
    const server = openSqliteStore({ filename });
    const cli = openSqliteStore({ filename });
    const { projectId } = await server.createProject({ name: 'Shared file' });
    const first = await server.getIdentitySettings(projectId);
    expect(await cli.getIdentitySettings(projectId)).toEqual(first);
    const changed = await cli.setIdentitySettings(projectId, {
      requireSignedIdentities: true,
      rotateSecret: true,
    });
    expect(await server.getIdentitySettings(projectId)).toEqual(changed);
    expect(changed.identitySecret).not.toBe(first.identitySecret);
    await cli.close();
    await server.close();
  });

  it('refuses a database from a newer Parcours', () => {
    const filename = newFile();
    const raw = new Database(filename);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openSqliteStore({ filename })).toThrow(/newer than this Parcours/);
  });
});
