import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type CreatedProject, type Role, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 9 over real HTTP on a real SQLite file (worker journey engine): who may export
// and erase a person, what the answers hold, and what the audit log keeps.
let dir: string;
let file: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;

const USER = 'carol-7d2f@example.test';
const DEVICE = 'carol-device-3a9e1c';
const SECRET = 'carol-secret-delivery-note';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-privacy-person-'));
  file = join(dir, 'privacy.db');
  store = openSqliteStore({ filename: file });
  server = createServer({ store, publicDir: dir, logError: () => {}, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  project = await store.createProject({ name: 'Shop' });
  const t = Date.UTC(2026, 5, 1);
  await store.insertEvents(project.projectId, [
    { id: 'c1', type: 'page', name: 'home', anonymousId: DEVICE, timestamp: t, properties: { note: SECRET } },
    { id: 'c2', type: 'identify', name: 'identify', anonymousId: DEVICE, userId: USER, timestamp: t + 1 },
    { id: 'c3', type: 'track', name: 'buy', anonymousId: DEVICE, userId: USER, timestamp: t + 2 },
    { id: 'd1', type: 'page', name: 'home', anonymousId: 'dave-device', timestamp: t },
  ]);
  await store.insertConsentRecords(project.projectId, [
    {
      id: 'r1',
      timestamp: t,
      granted: ['analytics'],
      denied: [],
      policyVersion: '1',
      source: 'banner',
      anonymousId: DEVICE,
    },
  ]);
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

type As = { cookie: string } | { key: string };
let users = 0;
async function member(role: Role): Promise<As> {
  const user = await store.createUser({
    email: `m${++users}@example.com`,
    name: `${role} member`,
    passwordHash: 'x',
  });
  await store.setMember(project.projectId, user.userId, role);
  return { cookie: `parcours_session=${(await store.createSession(user.userId)).token}` };
}
async function key(scope: 'read' | 'privacy' | 'admin' | 'ingest'): Promise<As> {
  return { key: (await store.createSecretKey(project.projectId, { scope, label: `${scope} key` })).key };
}

async function call(path: string, as: As, input: object, mutation = false) {
  const headers: Record<string, string> =
    'cookie' in as ? { Cookie: as.cookie, Origin: base } : { Authorization: `Bearer ${as.key}` };
  const response = mutation
    ? await fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      })
    : await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  const json = (await response.json()) as { result?: { data: any }; error?: { message: string } };
  return { status: response.status, data: json.result?.data, error: json.error };
}

describe('privacy.exportPerson and privacy.erasePerson over HTTP', () => {
  it('refuse analysts, viewers, read and ingest keys; a write key is unauthorised', async () => {
    const subject = { projectId: project.projectId, userId: USER };
    for (const as of [
      await member('analyst'),
      await member('viewer'),
      await key('read'),
      await key('ingest'),
    ]) {
      expect((await call('privacy.exportPerson', as, subject)).status).toBe(403);
      expect((await call('privacy.erasePerson', as, subject, true)).status).toBe(403);
    }
    expect((await call('privacy.exportPerson', { key: project.writeKey }, subject)).status).toBe(401);
    expect(
      (await call('privacy.exportPerson', await member('privacy'), { projectId: project.projectId })).status,
    ).toBe(400);
  });

  it('export the person to the privacy officer, owners and privacy/admin keys; 404 for nobody', async () => {
    for (const as of [
      await member('privacy'),
      await member('owner'),
      await key('privacy'),
      await key('admin'),
    ]) {
      const { status, data } = await call('privacy.exportPerson', as, {
        projectId: project.projectId,
        anonymousId: DEVICE,
      });
      expect(status).toBe(200);
      expect(data.person).toEqual({ id: `user:${USER}`, anonymousIds: [DEVICE], userIds: [USER] });
      expect(data.tables.events.map((r: { event_id: string }) => r.event_id)).toEqual(['c1', 'c2', 'c3']);
      expect(data.tables.consent_records).toHaveLength(1);
    }
    const missing = await call('privacy.exportPerson', await key('privacy'), {
      projectId: project.projectId,
      userId: 'nobody',
    });
    expect(missing.status).toBe(404);
    expect(missing.error?.message).toContain('userId');
  });

  it('erase: a receipt in the audit log naming the actor, the person gone from journeys and the file; again answers zeros', async () => {
    const officer = await member('privacy');
    const owner = await member('owner');
    expect(
      (await call('journeys.person', owner, { projectId: project.projectId, userId: USER })).status,
    ).toBe(200);
    const { status, data: receipt } = await call(
      'privacy.erasePerson',
      officer,
      { projectId: project.projectId, userId: USER },
      true,
    );
    expect(status).toBe(200);
    expect(receipt).toMatchObject({ tables: { events: 3, identity_links: 1, consent_records: 1 } });
    expect(receipt.requestId).toMatch(/^era_/);
    expect(typeof receipt.erasedAt).toBe('number');

    const { entries } = await store.getAuditLog(project.projectId, { limit: 50, action: 'privacy.person' });
    const erased = entries.find((e) => e.action === 'privacy.personErased')!;
    expect(erased).toMatchObject({
      actor: { kind: 'user', label: `m${users - 1}@example.com` },
      target: receipt.requestId,
      detail: {
        requestId: receipt.requestId,
        erasedAt: receipt.erasedAt,
        events: 3,
        identity_links: 1,
        consent_records: 1,
      },
    });
    expect(entries.some((e) => e.action === 'privacy.personExported')).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/carol/);

    const ledger = await call('privacy.verifyLedger', officer, { projectId: project.projectId });
    expect(ledger.data).toEqual({ ok: true, records: 1 });
    expect(
      (await call('journeys.person', owner, { projectId: project.projectId, userId: USER })).status,
    ).toBe(404);
    expect(
      (await call('privacy.exportPerson', officer, { projectId: project.projectId, userId: USER })).status,
    ).toBe(404);
    const funnel = await call('journeys.funnel', owner, {
      projectId: project.projectId,
      steps: [{ name: 'home' }],
      windowMs: 1000,
    });
    expect(funnel.data.steps[0].count).toBe(1); // dave only
    const bytes =
      readFileSync(file, 'latin1') + (existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`, 'latin1') : '');
    for (const trace of [USER, DEVICE, SECRET]) expect(bytes.includes(trace), trace).toBe(false);

    const again = await call(
      'privacy.erasePerson',
      await key('admin'),
      { projectId: project.projectId, userId: USER },
      true,
    );
    expect(again.status).toBe(200);
    expect(again.data.tables).toEqual({
      events: 0,
      identity_links: 0,
      consent_records: 0,
      privacy_requests: 0,
    });
  });
});
