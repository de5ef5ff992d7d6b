import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsentRecord, Event } from '@parcours/schema';
import {
  openSqliteStore,
  type CreatedProject,
  type Role,
  type SqliteStoreOptions,
  type Store,
} from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 8 over real HTTP on a real SQLite file: the consent ledger's server facts
// (origin, path, Sec-GPC), GPC on the collector, and the privacy officer's reads.
type Connection = Parameters<NonNullable<SqliteStoreOptions['onConnection']>>[0];

let dir: string;
let connection: Connection;
let store: Store;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-ledger-http-'));
  store = openSqliteStore({ filename: join(dir, 'ledger.db'), onConnection: (db) => (connection = db) });
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

type As = { cookie: string } | { key: string };
let users = 0;
async function member(project: CreatedProject, role: Role): Promise<As> {
  const user = await store.createUser({ email: `l${++users}@example.com`, name: role, passwordHash: 'x' });
  await store.setMember(project.projectId, user.userId, role);
  return { cookie: `parcours_session=${(await store.createSession(user.userId)).token}` };
}
async function key(project: CreatedProject, scope: 'read' | 'privacy' | 'admin' | 'ingest'): Promise<As> {
  return { key: (await store.createSecretKey(project.projectId, { scope, label: `${scope} key` })).key };
}
async function query(path: string, as: As, input: object) {
  const headers: Record<string, string> =
    'cookie' in as ? { Cookie: as.cookie, Origin: base } : { Authorization: `Bearer ${as.key}` };
  const response = await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers,
  });
  const json = (await response.json()) as any;
  return { status: response.status, data: json.result?.data, error: json.error };
}

let seq = 0;
const decision = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: `rec-${++seq}`,
  timestamp: Date.UTC(2026, 5, 1) + seq,
  granted: ['analytics'],
  denied: ['marketing'],
  policyVersion: '1',
  source: 'banner',
  anonymousId: 'device',
  ...over,
});
async function sendConsent(
  project: CreatedProject,
  records: ConsentRecord[],
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${base}/trpc/consent`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', ...headers },
    body: JSON.stringify({ writeKey: project.writeKey, records }),
  });
  return { status: response.status, data: ((await response.json()) as any).result?.data };
}
const event = (anonymousId: string, category: Event['category']): Event => ({
  id: `ev-${++seq}`,
  type: 'track',
  name: 'ad_click',
  anonymousId,
  timestamp: Date.UTC(2026, 5, 1) + seq,
  category,
});
async function collect(project: CreatedProject, batch: Event[], headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', ...headers },
    body: JSON.stringify({
      writeKey: project.writeKey,
      batch,
      consent: ['analytics', 'marketing'],
      policyVersion: 1,
    }),
  });
  return ((await response.json()) as any).result?.data;
}
const storedIds = (ids: string[]) =>
  ids.filter((id) => connection.prepare(`SELECT 1 FROM events WHERE event_id = ?`).get(id) !== undefined);

describe('POST /trpc/consent and the ledger', () => {
  it("records the page's origin, the path without its query, and GPC from Sec-GPC", async () => {
    const project = await store.createProject({ name: 'Facts' });
    const admin = await key(project, 'admin');
    const sent = await sendConsent(
      project,
      [decision({ path: '/checkout?email=jo%40example.com#pay', locale: 'fr-FR' }), decision({ gpc: false })],
      { Origin: 'https://shop.example', 'Sec-GPC': '1' },
    );
    expect(sent).toEqual({ status: 200, data: { accepted: 2, duplicates: 0 } });
    await sendConsent(project, [decision({ path: '/plain' })], { Origin: 'https://other.example' });
    const log = await query('privacy.consentLog', admin, { projectId: project.projectId });
    expect(log.data.records.map((r: any) => [r.origin, r.path, r.gpc, r.locale])).toEqual([
      ['https://other.example', '/plain', false, null],
      ['https://shop.example', null, true, null],
      ['https://shop.example', '/checkout', true, 'fr-FR'],
    ]);
    expect(log.data.records.every((r: any) => r.verified && r.action === 'custom')).toBe(true);
    const { configHash } = await store.getConsentConfig(project.projectId);
    expect(log.data.records[0].configHash).toBe(configHash);
  });

  it('keeps one verifying chain under concurrent consent calls', async () => {
    const project = await store.createProject({ name: 'Concurrent' });
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        sendConsent(project, [decision(), decision({ granted: [], anonymousId: undefined })]),
      ),
    );
    expect(results.every((r) => r.status === 200 && r.data.accepted === 2)).toBe(true);
    const verified = await query('privacy.verifyLedger', await key(project, 'privacy'), {
      projectId: project.projectId,
    });
    expect(verified.data).toEqual({ ok: true, records: 80 });
  });
});

describe('the collector under Sec-GPC: 1', () => {
  it('stores no marketing event unless the device opted in with GPC on', async () => {
    const project = await store.createProject({ name: 'GPC' });
    const gpc = { 'Sec-GPC': '1' };
    // No ledger record: marketing refused, analytics kept.
    const first = [event('fresh', 'marketing'), event('fresh', 'analytics')];
    expect(await collect(project, first, gpc)).toEqual({ accepted: 1, duplicates: 0, refused: 1 });
    // A marketing grant made without GPC does not count under GPC.
    await sendConsent(project, [
      decision({ anonymousId: 'nogpc', granted: ['analytics', 'marketing'], denied: [] }),
    ]);
    const second = [event('nogpc', 'marketing')];
    expect(await collect(project, second, gpc)).toEqual({ accepted: 0, duplicates: 0, refused: 1 });
    // An explicit marketing grant with GPC on (the browser's header): stored.
    await sendConsent(
      project,
      [decision({ anonymousId: 'optin', granted: ['analytics', 'marketing'], denied: [], action: 'custom' })],
      gpc,
    );
    const third = [event('optin', 'marketing'), event('fresh', 'marketing')];
    expect(await collect(project, third, gpc)).toEqual({ accepted: 1, duplicates: 0, refused: 1 });
    // Without the header, the batch's consent list rules as before.
    const fourth = [event('fresh', 'marketing')];
    expect(await collect(project, fourth)).toEqual({ accepted: 1, duplicates: 0 });
    expect(storedIds([...first, ...second, ...third, ...fourth].map((e) => e.id))).toEqual([
      first[1]!.id,
      third[0]!.id,
      fourth[0]!.id,
    ]);
  });
});

describe("the privacy officer's ledger reads", () => {
  it('answers privacy officers, owners, privacy and admin keys; refuses analysts, viewers and read keys', async () => {
    const project = await store.createProject({ name: 'Roles' });
    await sendConsent(project, [decision()]);
    const input = { projectId: project.projectId };
    for (const as of [
      await member(project, 'privacy'),
      await member(project, 'owner'),
      await key(project, 'privacy'),
      await key(project, 'admin'),
    ]) {
      expect((await query('privacy.verifyLedger', as, input)).data).toEqual({ ok: true, records: 1 });
      expect((await query('privacy.consentLog', as, input)).data.records).toHaveLength(1);
      expect((await query('privacy.consentLogCsv', as, input)).status).toBe(200);
      expect(
        (await query('privacy.consentStats', as, { ...input, from: 0, to: Date.now() + 1 })).status,
      ).toBe(200);
    }
    for (const as of [
      await member(project, 'analyst'),
      await member(project, 'viewer'),
      await key(project, 'read'),
    ]) {
      for (const path of ['privacy.verifyLedger', 'privacy.consentLog', 'privacy.consentLogCsv']) {
        expect((await query(path, as, input)).status).toBe(403);
      }
      expect((await query('privacy.consentStats', as, { ...input, from: 0, to: 1 })).status).toBe(403);
    }
  });

  it('filters and pages the log over HTTP; a cursor it never handed out is a 400 naming it', async () => {
    const project = await store.createProject({ name: 'Paging' });
    const officer = await key(project, 'privacy');
    await sendConsent(project, [
      decision({ id: 'p1', anonymousId: 'dev-a', userId: 'user-a' }),
      decision({ id: 'p2', granted: [], anonymousId: undefined }),
      decision({ id: 'p3', anonymousId: 'dev-b', granted: ['analytics', 'marketing'], denied: [] }),
      decision({ id: 'p4', anonymousId: 'dev-a', action: 'withdraw', granted: [] }),
    ]);
    const ids = (data: any) => data.records.map((r: any) => r.recordId);
    const input = { projectId: project.projectId };
    expect(ids((await query('privacy.consentLog', officer, { ...input, search: 'dev-a' })).data)).toEqual([
      'p4',
      'p1',
    ]);
    expect(ids((await query('privacy.consentLog', officer, { ...input, search: 'user-a' })).data)).toEqual([
      'p1',
    ]);
    expect(
      ids((await query('privacy.consentLog', officer, { ...input, action: 'refuse_all' })).data),
    ).toEqual(['p2']);
    const first = await query('privacy.consentLog', officer, { ...input, limit: 3 });
    expect(ids(first.data)).toEqual(['p4', 'p3', 'p2']);
    expect(typeof first.data.nextCursor).toBe('string');
    const second = await query('privacy.consentLog', officer, {
      ...input,
      limit: 3,
      cursor: first.data.nextCursor,
    });
    expect([ids(second.data), second.data.nextCursor]).toEqual([['p1'], null]);
    const bad = await query('privacy.consentLog', officer, { ...input, cursor: 'not-a-cursor' });
    expect(bad.status).toBe(400);
    expect(bad.error.message).toMatch(/^cursor: /);
    expect((await query('privacy.consentLog', officer, { ...input, limit: 501 })).status).toBe(400);
    expect((await query('privacy.consentLog', officer, { ...input, action: 'maybe' })).status).toBe(400);
  });

  it('exports the filtered log as CSV, one row per record, ids as stored', async () => {
    const project = await store.createProject({ name: 'Csv' });
    await sendConsent(
      project,
      [
        decision({ id: 'x1', anonymousId: '=cmd', path: '/a?b=c', locale: 'en' }),
        decision({ id: 'x2', granted: [], anonymousId: undefined }),
      ],
      { Origin: 'https://shop.example' },
    );
    const { status, data } = await query('privacy.consentLogCsv', await key(project, 'admin'), {
      projectId: project.projectId,
      action: 'custom',
    });
    expect(status).toBe(200);
    expect(data.filename).toMatch(
      new RegExp(`^parcours-consent-log-${project.projectId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const lines = (data.csv as string).split('\r\n');
    expect(lines[0]).toBe(
      'seq,record_id,timestamp,received_at,action,source,granted,denied,policy_version,config_hash,locale,origin,path,gpc,anonymous_id,user_id,verified',
    );
    expect(lines).toHaveLength(3); // header, x1, and the final CRLF
    const cells = lines[1]!.split(',');
    expect([
      cells[1],
      cells[4],
      cells[6],
      cells[7],
      cells[10],
      cells[11],
      cells[12],
      cells[14],
      cells[16],
    ]).toEqual([
      'x1',
      'custom',
      'analytics',
      'marketing',
      'en',
      'https://shop.example',
      '/a',
      "'=cmd", // a spreadsheet must not run it
      'true',
    ]);
  });

  it('computes consent stats for a known set of records', async () => {
    const project = await store.createProject({ name: 'Stats' });
    const before = Date.now();
    await sendConsent(project, [
      decision({ granted: ['analytics', 'marketing'], denied: [], locale: 'fr-FR' }),
      decision({ granted: [], anonymousId: undefined, locale: 'en' }),
      decision({ locale: 'en-US' }),
    ]);
    await sendConsent(project, [decision({ granted: [], anonymousId: undefined, locale: 'fr' })], {
      'Sec-GPC': '1',
    });
    const { data } = await query('privacy.consentStats', await key(project, 'privacy'), {
      projectId: project.projectId,
      from: before,
      to: Date.now() + 1,
    });
    expect(data.totals).toEqual({ decisions: 4, acceptAll: 1, refuseAll: 2, custom: 1, gpcShare: 0.25 });
    expect(data.byVersion).toEqual([{ policyVersion: '1', ...data.totals }]);
    expect(data.byLanguage).toEqual([
      { language: 'fr', decisions: 2, acceptAll: 1, refuseAll: 1, custom: 0, gpcShare: 0.5 },
      { language: 'en', decisions: 2, acceptAll: 0, refuseAll: 1, custom: 1, gpcShare: 0 },
    ]);
    expect(data.byDay.reduce((sum: number, day: any) => sum + day.decisions, 0)).toBe(4);
  });
});
