import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaller } from './appRouter.js';

let dir: string;
let store: Store;
let project: CreatedProject;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-api-'));
  store = openSqliteStore({ filename: join(dir, 'api.db') });
  project = await store.createProject({ name: 'Shop' });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (minute: number) => Date.UTC(2026, 2, 1) + minute * 60_000;
const anonymous = () => createCaller({ store });
const authorised = (key = project.secretKey) => createCaller({ store, authorization: `Bearer ${key}` });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

describe('collect', () => {
  const batch = [
    { id: 'e1', type: 'page' as const, name: '/pricing', anonymousId: 'a1', timestamp: at(1) },
    { id: 'e2', type: 'track' as const, name: 'Signed up', anonymousId: 'a1', timestamp: at(2) },
  ];

  it('stores a batch and reports a replay as duplicates', async () => {
    const collect = anonymous().collect;
    expect(await collect({ writeKey: project.writeKey, batch })).toEqual({ accepted: 2, duplicates: 0 });
    expect(await collect({ writeKey: project.writeKey, batch })).toEqual({ accepted: 0, duplicates: 2 });
    expect(await store.countEvents(project.projectId)).toBe(2);
  });

  it('refuses an unknown write key, a malformed event and an oversized batch', async () => {
    const collect = anonymous().collect;
    expect(await codeOf(collect({ writeKey: 'wk_nope', batch }))).toBe('UNAUTHORIZED');
    const bad = [{ ...batch[0]!, timestamp: 'yesterday' }] as never;
    expect(await codeOf(collect({ writeKey: project.writeKey, batch: bad }))).toBe('BAD_REQUEST');
    const huge = Array.from({ length: 501 }, (_, i) => ({ ...batch[0]!, id: `h${i}` }));
    expect(await codeOf(collect({ writeKey: project.writeKey, batch: huge }))).toBe('PAYLOAD_TOO_LARGE');
    expect(await store.countEvents(project.projectId)).toBe(0);
  });
});

describe('consent', () => {
  const record = {
    id: 'c1',
    timestamp: at(0),
    granted: ['analytics' as const],
    denied: ['marketing' as const, 'personalization' as const],
    policyVersion: '2026-01',
    source: 'banner',
    anonymousId: 'a1',
  };

  it('keeps consent records as proof, readable by the privacy officer', async () => {
    const refusal = {
      id: 'c2',
      timestamp: at(1),
      granted: [],
      denied: ['analytics' as const],
      policyVersion: '2026-01',
      source: 'banner',
    };
    expect(await anonymous().consent({ writeKey: project.writeKey, records: [record, refusal] })).toEqual({
      accepted: 2,
      duplicates: 0,
    });
    expect(await anonymous().consent({ writeKey: project.writeKey, records: [record] })).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    const { records } = await authorised().privacy.consentRecords({ projectId: project.projectId });
    expect(records.map((r) => [r.id, r.granted, r.anonymousId])).toEqual([
      ['c2', [], undefined],
      ['c1', ['analytics'], 'a1'],
    ]);
    expect(await codeOf(anonymous().privacy.consentRecords({ projectId: project.projectId }))).toBe(
      'UNAUTHORIZED',
    );
  });

  it('refuses a refusal that names the person, and an unknown write key', async () => {
    const namedRefusal = { ...record, granted: [] };
    expect(await codeOf(anonymous().consent({ writeKey: project.writeKey, records: [namedRefusal] }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(anonymous().consent({ writeKey: 'wk_nope', records: [record] }))).toBe(
      'UNAUTHORIZED',
    );
  });

  it('makes the collector refuse events whose category the batch does not grant', async () => {
    const batch = [
      { id: 'k1', type: 'track' as const, name: 'Viewed', anonymousId: 'a1', timestamp: at(1) },
      {
        id: 'k2',
        type: 'track' as const,
        name: 'Ad shown',
        anonymousId: 'a1',
        timestamp: at(2),
        category: 'marketing' as const,
      },
      {
        id: 'k3',
        type: 'track' as const,
        name: 'Styled',
        anonymousId: 'a1',
        timestamp: at(3),
        category: 'personalization' as const,
      },
    ];
    const result = await anonymous().collect({
      writeKey: project.writeKey,
      batch,
      consent: ['analytics', 'personalization'],
    });
    expect(result).toEqual({ accepted: 2, duplicates: 0, refused: 1 });
    const timeline = await authorised().journeys.person({ projectId: project.projectId, anonymousId: 'a1' });
    expect(timeline.events.map((e) => e.id)).toEqual(['k1', 'k3']);
    const nothing = await anonymous().collect({
      writeKey: project.writeKey,
      batch: [batch[1]!],
      consent: [],
    });
    expect(nothing).toEqual({ accepted: 0, duplicates: 0, refused: 1 });
  });
});

describe('journeys.person', () => {
  beforeEach(async () => {
    await store.insertEvents(project.projectId, [
      { id: 'w1', type: 'page', name: '/', anonymousId: 'web', timestamp: at(1), channel: 'web' },
      {
        id: 'm1',
        type: 'track',
        name: 'Opened app',
        anonymousId: 'app',
        timestamp: at(2),
        channel: 'mobile',
      },
      { id: 'i1', type: 'identify', name: 'identify', anonymousId: 'web', userId: 'u1', timestamp: at(3) },
      { id: 'i2', type: 'identify', name: 'identify', anonymousId: 'app', userId: 'u1', timestamp: at(4) },
    ]);
  });

  it('answers the merged timeline to the project secret key', async () => {
    const timeline = await authorised().journeys.person({ projectId: project.projectId, userId: 'u1' });
    expect(timeline.person).toEqual({ id: 'user:u1', anonymousIds: ['app', 'web'], userIds: ['u1'] });
    expect(timeline.events.map((e) => e.id)).toEqual(['w1', 'm1', 'i1', 'i2']);
  });

  it('refuses callers without the project secret key', async () => {
    const input = { projectId: project.projectId, userId: 'u1' };
    expect(await codeOf(anonymous().journeys.person(input))).toBe('UNAUTHORIZED');
    expect(await codeOf(authorised('sk_wrong').journeys.person(input))).toBe('UNAUTHORIZED');
    expect(await codeOf(authorised(project.writeKey).journeys.person(input))).toBe('UNAUTHORIZED');
    // Another project's key: this project answers as if it did not exist (issue 7).
    const other = await store.createProject({ name: 'Other' });
    expect(await codeOf(authorised(other.secretKey).journeys.person(input))).toBe('NOT_FOUND');
  });

  it('asks for exactly one id and answers NOT_FOUND for a stranger', async () => {
    const person = authorised().journeys.person;
    const projectId = project.projectId;
    expect(await codeOf(person({ projectId, userId: 'u1', anonymousId: 'web' }))).toBe('BAD_REQUEST');
    expect(await codeOf(person({ projectId }))).toBe('BAD_REQUEST');
    expect(await codeOf(person({ projectId, anonymousId: 'stranger' }))).toBe('NOT_FOUND');
  });
});

describe('admin.project', () => {
  it('tells which project a secret key opens, and refuses other keys', async () => {
    expect(await authorised().admin.project()).toEqual({
      projectId: project.projectId,
      name: 'Shop',
      writeKey: project.writeKey,
      timeZone: 'UTC',
      role: null,
      hasTouchpoints: false,
    });
    expect(await codeOf(authorised('sk_wrong').admin.project())).toBe('UNAUTHORIZED');
  });

  it('says whether the project has received a touchpoint yet (the first-run page)', async () => {
    const other = await store.createProject({ name: 'Other' });
    await store.insertEvents(other.projectId, [
      { id: 'o1', type: 'track', name: 'Elsewhere', anonymousId: 'a1', timestamp: at(1) },
    ]);
    expect((await authorised().admin.project()).hasTouchpoints).toBe(false);
    await anonymous().collect({
      writeKey: project.writeKey,
      batch: [{ id: 'f1', type: 'page', name: '/', anonymousId: 'a1', timestamp: at(2) }],
    });
    expect((await authorised().admin.project()).hasTouchpoints).toBe(true);
  });
});

describe('paged reads', () => {
  it('page consent records and the audit log with opaque string cursors, a foreign one a 400', async () => {
    const records = ['r1', 'r2', 'r3'].map((id, i) => ({
      id,
      timestamp: at(i),
      granted: [],
      denied: ['analytics' as const],
      policyVersion: '2026-01',
      source: 'banner',
    }));
    await anonymous().consent({ writeKey: project.writeKey, records });
    const privacy = authorised().privacy;
    const first = await privacy.consentRecords({ projectId: project.projectId, limit: 2 });
    expect(typeof first.nextCursor).toBe('string');
    const second = await privacy.consentRecords({
      projectId: project.projectId,
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect([...first.records, ...second.records].map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    expect(second.nextCursor).toBeNull();

    for (const action of ['key.created', 'key.revoked', 'member.invited']) {
      await store.appendAudit({
        projectId: project.projectId,
        actor: { kind: 'system', label: 'test' },
        action,
      });
    }
    const audit = authorised().audit;
    const list = { projectId: project.projectId, action: 'key.', limit: 1 };
    const page = await audit.list(list);
    expect(typeof page.nextCursor).toBe('string');
    const rest = await audit.list({ ...list, cursor: page.nextCursor! });
    expect([...page.entries, ...rest.entries].map((e) => e.action)).toEqual(['key.revoked', 'key.created']);
    expect(rest.nextCursor).toBeNull();

    const error = await privacy
      .consentRecords({ projectId: project.projectId, cursor: page.nextCursor! })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toMatch(/^cursor: /);
    expect(await codeOf(audit.list({ projectId: project.projectId, cursor: first.nextCursor! }))).toBe(
      'BAD_REQUEST',
    );
  });
});
