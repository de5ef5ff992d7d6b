import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsentConfigInput, Event } from '@parcours/schema';
import {
  createDefaultConsentConfig,
  openSqliteStore,
  type CreatedProject,
  type Role,
  type SqliteStoreOptions,
  type Store,
} from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 8 over real HTTP on a real SQLite file: the banner's public, cacheable config;
// publishing versions (privacy officers only); the collector's policy-version rule.
/** The store's own better-sqlite3 connection, from its test hook (this package may not import the driver). */
type Connection = Parameters<NonNullable<SqliteStoreOptions['onConnection']>>[0];

let dir: string;
let file: string;
let connection: Connection;
let store: Store;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-consent-config-'));
  file = join(dir, 'consent.db');
  store = openSqliteStore({ filename: file, onConnection: (db) => (connection = db) });
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

const configUrl = (writeKey: string) =>
  `${base}/trpc/consent.config?input=${encodeURIComponent(JSON.stringify({ writeKey }))}`;

/** Credentials: a member's session cookie (with the dashboard's Origin) or a secret key. */
type As = { cookie: string } | { key: string };
let users = 0;
async function member(project: CreatedProject, role: Role, name = `${role} person`): Promise<As> {
  // Not scrypt: sessions are made directly, sign-in is tested elsewhere.
  const user = await store.createUser({ email: `u${++users}@example.com`, name, passwordHash: 'x' });
  await store.setMember(project.projectId, user.userId, role);
  const { token } = await store.createSession(user.userId);
  return { cookie: `parcours_session=${token}` };
}
async function key(project: CreatedProject, scope: 'read' | 'privacy' | 'admin' | 'ingest'): Promise<As> {
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
  const json = (await response.json()) as any;
  return { status: response.status, data: json.result?.data, error: json.error };
}

const publish = (project: CreatedProject, as: As, config: ConsentConfigInput) =>
  call('privacy.publishConsentConfig', as, { projectId: project.projectId, ...config }, true);

let seq = 0;
const page = (category?: Event['category']): Event => ({
  id: `pv-${++seq}`,
  type: 'page',
  name: '/',
  anonymousId: 'device',
  timestamp: Date.UTC(2026, 5, 1) + seq,
  ...(category && { category }),
});
async function collect(project: CreatedProject, batch: Event[], policyVersion?: number) {
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    body: JSON.stringify({
      writeKey: project.writeKey,
      batch,
      consent: ['analytics'],
      ...(policyVersion !== undefined && { policyVersion }),
    }),
  });
  return { status: response.status, data: ((await response.json()) as any).result?.data };
}
/** The events' ids and policy versions, as the SQLite file holds them (committed rows). */
function storedVersions(ids: string[]): Array<[string, number | null]> {
  const select = connection.prepare(`SELECT event_id, policy_version FROM events WHERE event_id = ?`).raw();
  return ids.flatMap((id) => select.all(id) as Array<[string, number | null]>);
}

describe('GET /trpc/consent.config', () => {
  it('answers the published config with its ETag, cacheable, to any origin, and 304 when it has not changed', async () => {
    const project = await store.createProject({ name: 'Banner shop' });
    const response = await fetch(configUrl(project.writeKey), {
      headers: { Origin: 'https://shop.example' },
    });
    expect(response.status).toBe(200);
    const config = ((await response.json()) as any).result.data;
    expect(config).toEqual(await store.getConsentConfig(project.projectId));
    expect(config.policyVersion).toBe(1);
    expect(config.texts.fr.acceptAll).toBe('Tout accepter');
    const { policyVersion: _v, configHash, publishedAt: _p, ...input } = config;
    expect(
      createHash('sha256')
        .update(JSON.stringify(sortKeys(input)))
        .digest('hex'),
    ).toBe(configHash);
    const etag = `"1-${configHash}"`;
    expect(response.headers.get('etag')).toBe(etag);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag');

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await fetch(configUrl(project.writeKey), { headers: { 'If-None-Match': ifNoneMatch } });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('public, max-age=60');
      expect(again.headers.get('access-control-allow-origin')).toBe('*');
    }
    const stale = await fetch(configUrl(project.writeKey), { headers: { 'If-None-Match': '"abc"' } });
    expect(stale.status).toBe(200);
    expect(((await stale.json()) as any).result.data.configHash).toBe(configHash);

    // A new version: the old ETag no longer matches.
    const owner = await member(project, 'owner');
    const edited = { ...createDefaultConsentConfig('Banner shop'), controllerName: 'Banner shop SAS' };
    expect((await publish(project, owner, edited)).status).toBe(200);
    const changed = await fetch(configUrl(project.writeKey), {
      headers: { 'If-None-Match': etag },
    });
    expect(changed.status).toBe(200);
    const next = ((await changed.json()) as any).result.data;
    expect(next).toMatchObject({ policyVersion: 2, controllerName: 'Banner shop SAS' });
    expect(changed.headers.get('etag')).toBe(`"2-${next.configHash}"`);
    expect(next.configHash).not.toBe(configHash);

    // Republishing the same settings is a new version with the same hash: the banner
    // holding version 2's ETag must still get version 3 (and re-ask).
    expect((await publish(project, owner, edited)).status).toBe(200);
    const republished = await fetch(configUrl(project.writeKey), {
      headers: { 'If-None-Match': `"2-${next.configHash}"` },
    });
    expect(republished.status).toBe(200);
    const third = ((await republished.json()) as any).result.data;
    expect(third).toMatchObject({ policyVersion: 3, configHash: next.configHash });
    expect(republished.headers.get('etag')).toBe(`"3-${next.configHash}"`);
  });

  it('answers an unknown write key 401, never cached; takes GET only; answers its preflight', async () => {
    const unknown = await fetch(configUrl('wk_unknown'), { headers: { 'If-None-Match': '*' } });
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as any).error.data.code).toBe('UNAUTHORIZED');
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect(unknown.headers.get('etag')).toBeNull();
    expect(unknown.headers.get('access-control-allow-origin')).toBe('*');

    const noKey = await fetch(`${base}/trpc/consent.config?input=${encodeURIComponent('{}')}`);
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as any).error.message).toMatch(/writeKey/);

    const project = await store.createProject({ name: 'Methods' });
    const post = await fetch(`${base}/trpc/consent.config`, {
      method: 'POST',
      body: JSON.stringify({ writeKey: project.writeKey }),
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, OPTIONS');
    const preflight = await fetch(configUrl(project.writeKey), {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('If-None-Match');
    // The collector's own preflight is unchanged.
    const collectPreflight = await fetch(`${base}/trpc/collect`, { method: 'OPTIONS' });
    expect(collectPreflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
  });

  it("is charged to the write key's bucket like the collector: 429 with Retry-After past it", async () => {
    const limited = createServer({
      store,
      publicDir: dir,
      logError: () => {},
      limits: TEST_SERVER_LIMITS,
      rateLimits: { perIp: false, perWriteKey: { ratePerSecond: 0.01, burst: 3 } },
    });
    limited.listen(0, '127.0.0.1');
    await once(limited, 'listening');
    const project = await store.createProject({ name: 'Limited' });
    const url = configUrl(project.writeKey).replace(
      base,
      `http://127.0.0.1:${(limited.address() as AddressInfo).port}`,
    );
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(url)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await fetch(url);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      limited.closeAllConnections();
      limited.close();
    }
  });
});

describe('publishing consent settings', () => {
  it('lets privacy officers (session or privacy key) publish, audited; refuses viewers, analysts and read keys', async () => {
    const project = await store.createProject({ name: 'Roles' });
    const config = createDefaultConsentConfig('Roles');
    const officer = await member(project, 'privacy', 'Paula');
    const first = await publish(project, officer, config);
    expect(first.status).toBe(200);
    expect(first.data).toEqual({
      policyVersion: 2,
      configHash: (await store.getConsentConfig(project.projectId)).configHash,
      publishedAt: expect.any(Number),
    });
    const privacyKey = await publish(project, await key(project, 'privacy'), config);
    expect(privacyKey.data.policyVersion).toBe(3);
    // Unchanged config, new version, same hash.
    expect(privacyKey.data.configHash).toBe(first.data.configHash);

    for (const as of [
      await member(project, 'viewer'),
      await member(project, 'analyst'),
      await key(project, 'read'),
      await key(project, 'ingest'),
    ]) {
      const refused = await publish(project, as, config);
      expect(refused.status).toBe(403);
      expect(refused.error.data.code).toBe('FORBIDDEN');
      const read = await call('privacy.consentConfig', as, { projectId: project.projectId });
      expect(read.status).toBe(403);
    }
    expect((await store.getConsentPolicy(project.projectId)).policyVersion).toBe(3);

    const { entries } = await store.getAuditLog(project.projectId, {
      limit: 10,
      action: 'privacy.consentConfigPublished',
    });
    expect(entries.map((e) => [e.target, e.actor.kind, e.detail])).toEqual([
      ['v3', 'key', { policyVersion: 3, configHash: first.data.configHash, minimumPolicyVersion: null }],
      ['v2', 'user', { policyVersion: 2, configHash: first.data.configHash, minimumPolicyVersion: null }],
    ]);
  });

  it('refuses an invalid config with a 400 naming the field, and publishes nothing', async () => {
    const project = await store.createProject({ name: 'Invalid' });
    const owner = await member(project, 'owner');
    const config = createDefaultConsentConfig('Invalid');
    const cases: Array<[ConsentConfigInput, RegExp]> = [
      [{ ...config, reaskMonths: 14 }, /reaskMonths/],
      [{ ...config, categories: [] }, /categories/],
      [{ ...config, privacyPolicyUrl: 'javascript:alert(1)' }, /privacyPolicyUrl/],
      [
        { ...config, texts: { ...config.texts, fr: { ...config.texts.fr, title: '  ' } } },
        /texts\.fr\.title/,
      ],
      // The next version is 2: a minimum of 3 would refuse every batch.
      [{ ...config, minimumPolicyVersion: 3 }, /minimumPolicyVersion: at most 2/],
    ];
    for (const [bad, field] of cases) {
      const answer = await publish(project, owner, bad);
      expect(answer.status).toBe(400);
      expect(answer.error.message).toMatch(field);
    }
    expect((await store.getConsentPolicy(project.projectId)).policyVersion).toBe(1);
    const atNext = await publish(project, owner, { ...config, minimumPolicyVersion: 2 });
    expect(atNext.data.policyVersion).toBe(2);
  });

  it('lists the versions newest first with who published them, and answers one version whole', async () => {
    const project = await store.createProject({ name: 'Versions' });
    const officer = await member(project, 'privacy', 'Paula');
    const edited = { ...createDefaultConsentConfig('Versions'), reaskMonths: 3 };
    const second = (await publish(project, officer, edited)).data;
    const privacyKey = await key(project, 'privacy');
    const third = (await publish(project, privacyKey, { ...edited, categories: ['analytics'] })).data;

    const list = await call('privacy.consentConfigVersions', officer, { projectId: project.projectId });
    expect(list.status).toBe(200);
    const officerId = (await store.listMembers(project.projectId)).find((m) => m.name === 'Paula')!.userId;
    expect(list.data).toEqual([
      { ...third, publishedBy: { key: 'privacy key' } },
      { ...second, publishedBy: { userId: officerId, name: 'Paula' } },
      {
        policyVersion: 1,
        configHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        publishedAt: expect.any(Number),
        publishedBy: null,
      },
    ]);
    const two = await call('privacy.consentConfigVersion', privacyKey, {
      projectId: project.projectId,
      policyVersion: 2,
    });
    expect(two.data).toEqual({ ...edited, ...second });
    const current = await call('privacy.consentConfig', officer, { projectId: project.projectId });
    expect(current.data).toMatchObject({ ...third, categories: ['analytics'], reaskMonths: 3 });
    const none = await call('privacy.consentConfigVersion', officer, {
      projectId: project.projectId,
      policyVersion: 4,
    });
    expect(none.status).toBe(404);
    expect(none.error.message).toMatch(/policyVersion/);
  });
});

describe('the collector and policy versions', () => {
  it('refuses a batch under a version never published, stores one under a published version with it', async () => {
    const project = await store.createProject({ name: 'Collector' });
    const refusedBatch = [page(), page()];
    const refused = await collect(project, refusedBatch, 2);
    expect(refused).toEqual({ status: 200, data: { accepted: 0, duplicates: 0, refused: 2 } });
    expect(storedVersions(refusedBatch.map((e) => e.id))).toEqual([]);

    const accepted = [page(), page('marketing')];
    expect((await collect(project, accepted, 1)).data).toEqual({ accepted: 1, duplicates: 0, refused: 1 });
    const unversioned = [page()];
    expect((await collect(project, unversioned)).data).toEqual({ accepted: 1, duplicates: 0 });
    expect(storedVersions([...accepted, ...unversioned].map((e) => e.id))).toEqual([
      [accepted[0]!.id, 1],
      [unversioned[0]!.id, null],
    ]);

    // Once version 2 is published, a batch under it is stored with it.
    await publish(project, await member(project, 'privacy'), createDefaultConsentConfig('Collector'));
    const later = [page()];
    expect((await collect(project, later, 2)).data).toEqual({ accepted: 1, duplicates: 0 });
    expect(storedVersions([later[0]!.id])).toEqual([[later[0]!.id, 2]]);
  });

  it('enforces the minimum version: older and unversioned batches refused, newer stored', async () => {
    const project = await store.createProject({ name: 'Minimum' });
    const officer = await key(project, 'privacy');
    const base2 = createDefaultConsentConfig('Minimum');
    await publish(project, officer, base2);
    await publish(project, officer, { ...base2, minimumPolicyVersion: 2 });
    const tooOld = [page()];
    const unversioned = [page(), page(), page()];
    expect((await collect(project, tooOld, 1)).data).toEqual({ accepted: 0, duplicates: 0, refused: 1 });
    expect((await collect(project, unversioned)).data).toEqual({ accepted: 0, duplicates: 0, refused: 3 });
    const atMinimum = [page()];
    const current = [page()];
    expect((await collect(project, atMinimum, 2)).data).toEqual({ accepted: 1, duplicates: 0 });
    expect((await collect(project, current, 3)).data).toEqual({ accepted: 1, duplicates: 0 });
    expect((await collect(project, [page()], 4)).data).toEqual({ accepted: 0, duplicates: 0, refused: 1 });
    expect(storedVersions([...tooOld, ...unversioned, ...atMinimum, ...current].map((e) => e.id))).toEqual([
      [atMinimum[0]!.id, 2],
      [current[0]!.id, 3],
    ]);

    // Lifting the minimum (a new version with null) lets unversioned batches in again.
    await publish(project, officer, base2);
    const again = [page()];
    expect((await collect(project, again)).data).toEqual({ accepted: 1, duplicates: 0 });
    expect(storedVersions([again[0]!.id])).toEqual([[again[0]!.id, null]]);
  });
});

/** An independent canonical form: keys sorted at every level (JSON.stringify adds no white space). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
