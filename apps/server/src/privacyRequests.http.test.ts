import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type CreatedProject, type Role, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 9 item 4 over real HTTP on a real SQLite file: privacy.requests.* from receipt
// to the answer (export, erasure, note, refusal), its rules, and the audit log.
let dir: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;
let officer: { cookie: string; userId: string };
let analyst: { cookie: string; userId: string };

const USER = 'erin-4c1d@example.test';
const DEVICE = 'erin-device-9f2b7a';
const REQUESTER = 'Erin Requester-6e0a';
const DAY = 86_400_000;
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-privacy-requests-'));
  store = openSqliteStore({ filename: join(dir, 'requests.db') });
  server = createServer({ store, publicDir: dir, logError: () => {}, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  project = await store.createProject({ name: 'Shop' });
  const t = Date.UTC(2026, 5, 1);
  await store.insertEvents(project.projectId, [
    { id: 'e1', type: 'page', name: 'home', anonymousId: DEVICE, timestamp: t },
    { id: 'e2', type: 'identify', name: 'identify', anonymousId: DEVICE, userId: USER, timestamp: t + 1 },
    { id: 'e3', type: 'track', name: 'buy', anonymousId: DEVICE, userId: USER, timestamp: t + 2 },
    { id: 'f1', type: 'page', name: 'home', anonymousId: 'frank-device', timestamp: t },
  ]);
  officer = await member('privacy');
  analyst = await member('analyst');
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let users = 0;
async function member(role: Role) {
  const user = await store.createUser({
    email: `m${++users}@example.com`,
    name: `${role} ${users}`,
    passwordHash: 'x',
  });
  await store.setMember(project.projectId, user.userId, role);
  return {
    userId: user.userId,
    cookie: `parcours_session=${(await store.createSession(user.userId)).token}`,
  };
}

async function call(path: string, input: object, { as = officer, mutation = true } = {}) {
  const headers = { Cookie: as.cookie, Origin: base };
  const response = mutation
    ? await fetch(`${base}/trpc/privacy.requests.${path}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ projectId: project.projectId, ...input }),
      })
    : await fetch(
        `${base}/trpc/privacy.requests.${path}?input=${encodeURIComponent(JSON.stringify({ projectId: project.projectId, ...input }))}`,
        { headers },
      );
  const json = (await response.json()) as { result?: { data: any }; error?: { message: string } };
  return { status: response.status, data: json.result?.data, message: json.error?.message ?? '' };
}
const create = (input: object) => call('create', { kind: 'access', receivedOn: dayOf(Date.now()), ...input });

describe('privacy.requests over HTTP', () => {
  it('records a request with a due date one calendar month later; refuses bad input naming the field', async () => {
    const { status, data } = await create({ receivedOn: '2026-01-31', userId: 'someone' });
    expect(status).toBe(200);
    expect(data).toMatchObject({ dueOn: '2026-02-28', effectiveDueOn: '2026-02-28', status: 'received' });
    expect(data.dueState).toBe('overdue');
    for (const [input, field] of [
      [{ receivedOn: '2026-02-30', userId: 'x' }, 'receivedOn'],
      [{ receivedOn: '2026-1-5', userId: 'x' }, 'receivedOn'],
      [{ receivedOn: dayOf(Date.now() + 3 * DAY), userId: 'x' }, 'receivedOn'],
      [{}, 'userId'],
      [{ kind: 'complaint', userId: 'x' }, 'kind'],
      [{ userId: 'x', assigneeId: analyst.userId }, 'assigneeId'],
    ] as const) {
      const refused = await create(input);
      expect(refused.status, JSON.stringify(input)).toBe(400);
      expect(refused.message).toContain(field);
    }
    expect((await call('list', {}, { as: analyst, mutation: false })).status).toBe(403);
  });

  it('lists overdue and due-this-week requests as such, open ones by deadline first', async () => {
    const overdue = await create({ receivedOn: dayOf(Date.now() - 40 * DAY), userId: 'late' });
    const soon = await create({ receivedOn: dayOf(Date.now() - 27 * DAY), userId: 'soon' });
    const fresh = await create({ userId: 'fresh' });
    const { data } = await call('list', {}, { mutation: false });
    const states = Object.fromEntries(
      data.requests.map((r: { requestId: string; dueState: string }) => [r.requestId, r.dueState]),
    );
    expect(states[overdue.data.requestId]).toBe('overdue');
    expect(states[soon.data.requestId]).toBe('dueThisWeek');
    expect(states[fresh.data.requestId]).toBe('onTime');
    const order = data.requests.map((r: { requestId: string }) => r.requestId);
    expect(order.indexOf(overdue.data.requestId)).toBeLessThan(order.indexOf(soon.data.requestId));
    expect(order.indexOf(soon.data.requestId)).toBeLessThan(order.indexOf(fresh.data.requestId));
  });

  it('verifies before work, extends once by two months, refuses with a reason, then changes nothing', async () => {
    const { data: request } = await create({ receivedOn: '2026-11-30', userId: 'x' });
    const early = await call('update', { requestId: request.requestId, status: 'in_progress' });
    expect(early.status).toBe(412);
    const verified = await call('update', {
      requestId: request.requestId,
      verification: 'verified',
      assigneeId: officer.userId,
    });
    expect(verified.data).toMatchObject({ status: 'verified', assignee: { userId: officer.userId } });
    const extended = await call('extend', {
      requestId: request.requestId,
      reason: 'three systems to search',
    });
    expect(extended.data).toMatchObject({ extendedDueOn: '2027-02-28', effectiveDueOn: '2027-02-28' });
    expect((await call('extend', { requestId: request.requestId, reason: 'again' })).status).toBe(409);
    const exportOnObjection = await create({ kind: 'objection', userId: 'y' });
    expect((await call('exportData', { requestId: exportOnObjection.data.requestId })).status).toBe(400);
    expect((await call('complete', { requestId: request.requestId })).status).toBe(412); // not exported
    const refused = await call('refuse', { requestId: request.requestId, reason: 'manifestly unfounded' });
    expect(refused.data).toMatchObject({
      status: 'refused',
      refusalReason: 'manifestly unfounded',
      dueState: 'closed',
    });
    expect((await call('update', { requestId: request.requestId, verification: 'failed' })).status).toBe(409);
    expect((await call('get', { requestId: 'req_missing' }, { mutation: false })).status).toBe(404);
  });

  it('an access request: the export downloaded is the one hashed on the request, then done; audited without the person', async () => {
    const { data: request } = await create({
      requesterName: REQUESTER,
      requesterEmail: 'erin@example.test',
      anonymousIds: [DEVICE],
    });
    expect((await call('exportData', { requestId: request.requestId })).status).toBe(412); // not verified
    await call('update', { requestId: request.requestId, verification: 'verified' });
    const exported = await call('exportData', { requestId: request.requestId });
    expect(exported.status).toBe(200);
    const document = JSON.parse(exported.data.json);
    expect(document).toMatchObject({ schemaVersion: 1, requestId: request.requestId });
    expect(document.persons).toHaveLength(1);
    expect(document.persons[0].person).toEqual({
      id: `user:${USER}`,
      anonymousIds: [DEVICE],
      userIds: [USER],
    });
    expect(document.persons[0].tables.events.map((r: { event_id: string }) => r.event_id)).toEqual([
      'e1',
      'e2',
      'e3',
    ]);
    const sha256 = createHash('sha256').update(exported.data.json).digest('hex');
    expect(exported.data.request.outcome).toMatchObject({
      kind: 'export',
      sha256,
      filename: `parcours-export-${request.requestId}.json`,
      rows: { events: 3, identity_links: 1, privacy_requests: 1 },
    });
    expect(exported.data.request.status).toBe('in_progress');
    const done = await call('complete', { requestId: request.requestId });
    expect(done.data).toMatchObject({ status: 'done', outcome: { sha256 } });
    expect(typeof done.data.closedAt).toBe('number');

    const { entries } = await store.getAuditLog(project.projectId, { limit: 200, action: 'privacy.request' });
    const mine = entries.filter((e) => e.target === request.requestId).map((e) => e.action);
    expect(mine.sort()).toEqual(
      [
        'privacy.requestCompleted',
        'privacy.requestCreated',
        'privacy.requestExported',
        'privacy.requestUpdated',
      ].sort(),
    );
    for (const entry of entries) expect(entry.actor).toMatchObject({ kind: 'user', id: officer.userId });
    expect(JSON.stringify(entries)).not.toMatch(new RegExp(`${REQUESTER}|erin@|${DEVICE}`));
  });

  it('an erasure request: completing erases every id given, attaches the receipt, keeps the request without the person', async () => {
    const { data: request } = await create({
      kind: 'erasure',
      requesterName: REQUESTER,
      userId: USER,
      anonymousIds: [DEVICE],
    });
    await call('update', { requestId: request.requestId, verification: 'verified' });
    const done = await call('complete', { requestId: request.requestId });
    expect(done.status).toBe(200);
    expect(done.data).toMatchObject({
      status: 'done',
      requesterName: null,
      userId: null,
      anonymousIds: [],
      outcome: {
        kind: 'erasure',
        receipt: {
          requestId: request.requestId,
          // Both requests naming Erin (this one and the access request) lose their ids.
          tables: { events: 3, identity_links: 1, consent_records: 0, privacy_requests: 2 },
        },
      },
    });
    const person = await fetch(
      `${base}/trpc/journeys.person?input=${encodeURIComponent(JSON.stringify({ projectId: project.projectId, userId: USER }))}`,
      { headers: { Cookie: officer.cookie } },
    );
    expect(person.status).toBe(404);
    const { entries } = await store.getAuditLog(project.projectId, {
      limit: 50,
      action: 'privacy.personErased',
    });
    expect(entries[0]).toMatchObject({
      target: request.requestId,
      detail: { events: 3, requestId: request.requestId },
    });
    expect(await store.countEvents(project.projectId)).toBe(1); // frank's
  });

  it('rectification and objection are done with a note of what was done', async () => {
    const { data: request } = await create({ kind: 'rectification', userId: 'z' });
    await call('update', { requestId: request.requestId, verification: 'verified' });
    const noNote = await call('complete', { requestId: request.requestId });
    expect(noNote.status).toBe(400);
    expect(noNote.message).toContain('note');
    const done = await call('complete', { requestId: request.requestId, note: 'CRM e-mail corrected' });
    expect(done.data).toMatchObject({
      status: 'done',
      outcome: { kind: 'note', note: 'CRM e-mail corrected' },
    });
  });
});
