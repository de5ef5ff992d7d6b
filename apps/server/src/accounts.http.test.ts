import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@parcours/api';
import { openSqliteStore, type CreatedProject, type Store, type User } from '@parcours/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type ServerOptions } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 7: accounts over real HTTP, on a real SQLite file, on loopback.
const PASSWORD = 'correct horse battery staple';
let passwordHash: string | undefined;

interface Running {
  base: string;
  store: Store;
  project: CreatedProject;
  owner: User;
  file: string;
  stop: () => Promise<void>;
}
const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

async function start(options: Partial<ServerOptions> = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-accounts-'));
  const file = join(dir, 'accounts.db');
  const store = openSqliteStore({ filename: file });
  const project = await store.createProject({ name: 'Shop' });
  passwordHash ??= await hashPassword(PASSWORD);
  const owner = await store.createUser({ email: 'owner@example.com', name: 'Olga', passwordHash });
  const server: Server = createServer({
    store,
    publicDir: dir,
    logError: () => {},
    limits: TEST_SERVER_LIMITS,
    ...options,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const r: Running = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    project,
    owner,
    file,
    async stop() {
      server.closeAllConnections();
      server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  running.push(r);
  return r;
}

async function call(
  r: Running,
  path: string,
  options: {
    input?: unknown;
    cookie?: string;
    origin?: string;
    mutation?: boolean;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers['Cookie'] = options.cookie;
  if (options.origin) headers['Origin'] = options.origin;
  let response: Response;
  if (options.mutation) {
    headers['Content-Type'] = 'application/json';
    response = await fetch(`${r.base}/trpc/${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(options.input ?? {}),
    });
  } else {
    const query =
      options.input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(options.input))}`;
    response = await fetch(`${r.base}/trpc/${path}${query}`, { headers });
  }
  const body = (await response.json()) as {
    result?: { data: any };
    error?: { message: string; data: { code: string } };
  };
  return { status: response.status, headers: response.headers, data: body.result?.data, error: body.error };
}

async function signIn(
  r: Running,
  email = 'owner@example.com',
  password = PASSWORD,
  headers: Record<string, string> = {},
) {
  const answer = await call(r, 'auth.signIn', { input: { email, password }, mutation: true, headers });
  const setCookie = answer.headers.get('set-cookie') ?? '';
  const cookie = /^(parcours_session=[^;]+)/.exec(setCookie)?.[1];
  return { ...answer, setCookie, cookie };
}

describe('sign-in and sessions', () => {
  it('signs in with a session cookie that is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP', async () => {
    const r = await start();
    const { status, setCookie, cookie, data } = await signIn(r);
    expect(status).toBe(200);
    expect(setCookie).toMatch(/^parcours_session=[\w-]{30,};/);
    const attributes = setCookie.split(';').map((a) => a.trim());
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=604800']),
    );
    expect(attributes).not.toContain('Secure');
    expect(data.user).toEqual({
      id: r.owner.userId,
      email: 'owner@example.com',
      name: 'Olga',
      isAdmin: true,
    });
    const me = await call(r, 'auth.me', { cookie });
    expect(me.status).toBe(200);
    expect(me.data).toEqual({
      user: { id: r.owner.userId, email: 'owner@example.com', name: 'Olga', isAdmin: true },
      projects: [{ projectId: r.project.projectId, name: 'Shop', role: 'owner' }],
    });
  });

  it('answers a wrong password and an unknown email alike: 401, no cookie', async () => {
    const r = await start();
    for (const email of ['owner@example.com', 'nobody@example.com']) {
      const answer = await signIn(r, email, 'wrong password!');
      expect(answer.status).toBe(401);
      expect(answer.error?.message).toBe('Wrong email or password');
      expect(answer.setCookie).toBe('');
    }
    expect((await call(r, 'auth.me')).status).toBe(401);
  });

  it('marks the cookie Secure over HTTPS behind --trust-proxy, and ignores X-Forwarded-Proto without it', async () => {
    const trusted = await start({ trustProxy: true });
    const overHttps = await signIn(trusted, undefined, undefined, { 'X-Forwarded-Proto': 'https' });
    expect(overHttps.setCookie.split('; ')).toContain('Secure');
    const untrusted = await start();
    const spoofed = await signIn(untrusted, undefined, undefined, { 'X-Forwarded-Proto': 'https' });
    expect(spoofed.setCookie.split('; ')).not.toContain('Secure');
  });

  it('kills the session server-side on sign-out, even if the cookie is replayed', async () => {
    const r = await start();
    const { cookie } = await signIn(r);
    const out = await call(r, 'auth.signOut', { cookie, mutation: true, origin: r.base });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^parcours_session=;.*Max-Age=0/);
    expect((await call(r, 'auth.me', { cookie })).status).toBe(401);
  });

  it('ends a session left idle longer than the configured period', async () => {
    const r = await start({ sessionIdleMs: 300 });
    const { cookie } = await signIn(r);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const me = await call(r, 'auth.me', { cookie });
    expect(me.status).toBe(401);
  });

  it('ends the other sessions when the password changes, and keeps this one', async () => {
    const r = await start();
    const here = await signIn(r);
    const elsewhere = await signIn(r);
    const changed = await call(r, 'auth.changePassword', {
      cookie: here.cookie,
      origin: r.base,
      mutation: true,
      input: { currentPassword: PASSWORD, newPassword: 'another long passphrase' },
    });
    expect(changed.status).toBe(200);
    expect((await call(r, 'auth.me', { cookie: here.cookie })).status).toBe(200);
    expect((await call(r, 'auth.me', { cookie: elsewhere.cookie })).status).toBe(401);
    expect((await signIn(r)).status).toBe(401);
    expect((await signIn(r, undefined, 'another long passphrase')).status).toBe(200);
  });
});

describe('sign-in throttling', () => {
  it('answers 429 with Retry-After after 5 failures for one email within 15 minutes, even to the right password', async () => {
    const r = await start();
    for (let i = 0; i < 5; i++) expect((await signIn(r, 'owner@example.com', `wrong ${i}`)).status).toBe(401);
    const throttled = await signIn(r);
    expect(throttled.status).toBe(429);
    expect(throttled.error?.data.code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(throttled.setCookie).toBe('');
  });

  it('throttles one address trying many emails', async () => {
    const r = await start();
    for (let i = 0; i < 5; i++)
      expect((await signIn(r, `guess${i}@example.com`, 'wrong password')).status).toBe(401);
    const throttled = await signIn(r, 'owner@example.com', PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('records failed and successful sign-ins in the audit log', async () => {
    const r = await start();
    await signIn(r, 'owner@example.com', 'wrong password');
    await signIn(r);
    const log = await r.store.getAuditLog(r.project.projectId, { limit: 10 });
    expect(log.entries.map((e) => [e.action, e.ip])).toEqual([
      ['auth.signIn', '127.0.0.1'],
      ['auth.signInFailed', '127.0.0.1'],
    ]);
  });
});

describe('the web surface', () => {
  it('refuses a cookie-authenticated mutation from another origin or with no Origin, and accepts its own', async () => {
    const r = await start();
    const { cookie } = await signIn(r);
    const input = { projectId: r.project.projectId, stages: [{ name: 'awareness', touchpoints: [] }] };
    for (const origin of ['http://evil.example', undefined]) {
      const refused = await call(r, 'journeys.setJourneyMap', { cookie, origin, input, mutation: true });
      expect(refused.status, `Origin ${origin}`).toBe(403);
    }
    const own = await call(r, 'journeys.setJourneyMap', { cookie, origin: r.base, input, mutation: true });
    expect(own.status).toBe(200);
    // A secret key is not sent by browsers on their own: no Origin needed.
    const byKey = await call(r, 'journeys.setJourneyMap', {
      input,
      mutation: true,
      headers: { Authorization: `Bearer ${r.project.secretKey}` },
    });
    expect(byKey.status).toBe(200);
    // Sign-in from another site's page (login CSRF) is refused too.
    const csrfSignIn = await signIn(r, undefined, undefined, { Origin: 'http://evil.example' });
    expect(csrfSignIn.status).toBe(403);
  });

  it('sends the security headers on pages, API answers and errors; index.html is no-cache', async () => {
    const r = await start();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(r.file, '..', 'index.html'), '<!doctype html><title>Parcours</title>');
    for (const path of ['/', '/trpc/auth.me', '/nope.txt']) {
      const response = await fetch(`${r.base}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, path).toBe("'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const index = await fetch(`${r.base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers other origins only on collect and consent: no authenticated procedure sends CORS headers', async () => {
    const r = await start();
    const { cookie } = await signIn(r);
    const evil = 'http://evil.example';
    const me = await call(r, 'auth.me', { cookie, origin: evil });
    expect(me.headers.get('access-control-allow-origin')).toBeNull();
    const funnel = await call(r, 'journeys.overview', {
      origin: evil,
      headers: { Authorization: `Bearer ${r.project.secretKey}` },
      input: { projectId: r.project.projectId, from: 0, to: 86_400_000 },
    });
    expect(funnel.status).toBe(200);
    expect(funnel.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${r.base}/trpc/auth.signIn`, {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const collect = await fetch(`${r.base}/trpc/collect`, { method: 'OPTIONS', headers: { Origin: evil } });
    expect(collect.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 401 without credentials, 404 for a project the user is not in, 403 for a role that may not', async () => {
    const r = await start();
    const viewer = await r.store.createUser({
      email: 'viewer@example.com',
      name: 'V',
      passwordHash: passwordHash!,
    });
    await r.store.setMember(r.project.projectId, viewer.userId, 'viewer');
    const other = await r.store.createProject({ name: 'Elsewhere' });
    const { cookie } = await signIn(r, 'viewer@example.com');
    const list = (projectId: string, c?: string) =>
      call(r, 'members.list', { cookie: c, input: { projectId } });
    expect((await list(r.project.projectId)).status).toBe(401);
    expect((await list(other.projectId, cookie)).status).toBe(404);
    expect((await list('prj_does_not_exist', cookie)).status).toBe(404);
    const forbidden = await list(r.project.projectId, cookie);
    expect(forbidden.status).toBe(403);
    expect(forbidden.error?.data.code).toBe('FORBIDDEN');
    const stages = await call(r, 'journeys.journeyMap', {
      cookie,
      input: { projectId: r.project.projectId },
    });
    expect(stages.status).toBe(200);
  });
});

describe('the database file', () => {
  it('holds no password, session token, invitation token, share token or secret key in clear', async () => {
    const r = await start();
    const { cookie } = await signIn(r);
    const token = cookie!.split('=')[1]!;
    const invite = await call(r, 'members.invite', {
      cookie,
      origin: r.base,
      mutation: true,
      input: { projectId: r.project.projectId, email: 'new@example.com', role: 'analyst' },
    });
    const invitationToken = new URL(invite.data.url.replace('#/', '')).searchParams.get('token')!;
    const key = await call(r, 'keys.create', {
      cookie,
      origin: r.base,
      mutation: true,
      input: { projectId: r.project.projectId, scope: 'read', label: 'BI' },
    });
    const share = await call(r, 'shares.create', {
      cookie,
      origin: r.base,
      mutation: true,
      input: {
        projectId: r.project.projectId,
        view: 'paths',
        params: {},
        query: { depth: 3, limit: 10 },
        expiresInDays: 7,
      },
    });
    const shareToken = new URL(share.data.url.replace('#/', '')).searchParams.get('token')!;
    const secrets = {
      password: PASSWORD,
      token,
      invitationToken,
      key: key.data.key,
      shareToken,
      projectKey: r.project.secretKey,
    };
    for (const value of Object.values(secrets)) expect(value.length).toBeGreaterThan(15);
    const bytes = ['', '-wal']
      .map((suffix) => r.file + suffix)
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file));
    expect(bytes.length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(secrets)) {
      for (const content of bytes) expect(content.includes(value), `${name} found in the file`).toBe(false);
    }
    // The check can fail: a value that is stored is found.
    expect(bytes.some((content) => content.includes('new@example.com'))).toBe(true);
  });
});

describe('invitations', () => {
  it('lets an invited colleague set a password once, signs them in with their role, and logs it', async () => {
    const r = await start();
    const { cookie } = await signIn(r);
    const invite = await call(r, 'members.invite', {
      cookie,
      origin: r.base,
      mutation: true,
      input: { projectId: r.project.projectId, email: 'Ana@Example.com', role: 'analyst' },
    });
    expect(invite.status).toBe(200);
    expect(invite.data.emailed).toBe(false);
    expect(invite.data.url).toMatch(new RegExp(`^${r.base}/#/invitation\\?token=inv_`));
    expect(invite.data.expiresAt - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    const token = new URLSearchParams(invite.data.url.split('?')[1]).get('token')!;
    const shown = await call(r, 'auth.invitation', { input: { token } });
    expect(shown.data).toMatchObject({
      kind: 'project',
      email: 'ana@example.com',
      projectName: 'Shop',
      role: 'analyst',
      hasAccount: false,
    });

    const accept = () =>
      call(r, 'auth.acceptInvitation', {
        origin: r.base,
        mutation: true,
        input: { token, name: 'Ana', password: 'her own passphrase' },
      });
    const accepted = await accept();
    expect(accepted.status).toBe(200);
    const anaCookie = /^(parcours_session=[^;]+)/.exec(accepted.headers.get('set-cookie') ?? '')?.[1];
    const me = await call(r, 'auth.me', { cookie: anaCookie });
    expect(me.data.projects).toEqual([{ projectId: r.project.projectId, name: 'Shop', role: 'analyst' }]);
    expect((await accept()).status).toBe(404);
    expect((await call(r, 'auth.invitation', { input: { token } })).status).toBe(404);
    const log = await r.store.getAuditLog(r.project.projectId, { limit: 10, action: 'member.' });
    expect(log.entries.map((e) => [e.action, e.target])).toEqual([
      ['member.joined', 'ana@example.com'],
      ['member.invited', 'ana@example.com'],
    ]);
  });

  it('does not let an invitation link take over an existing account', async () => {
    const r = await start();
    const other = await r.store.createProject({ name: 'Other', ownerUserId: r.owner.userId });
    const { cookie } = await signIn(r);
    await r.store.createUser({ email: 'bob@example.com', name: 'Bob', passwordHash: passwordHash! });
    const invite = await call(r, 'members.invite', {
      cookie,
      origin: r.base,
      mutation: true,
      input: { projectId: other.projectId, email: 'bob@example.com', role: 'viewer' },
    });
    const token = new URLSearchParams(invite.data.url.split('?')[1]).get('token')!;
    expect((await call(r, 'auth.invitation', { input: { token } })).data.hasAccount).toBe(true);
    const input = { token, name: 'Mallory', password: 'mallory password' };
    const takeover = await call(r, 'auth.acceptInvitation', { origin: r.base, mutation: true, input });
    expect(takeover.status).toBe(401);
    expect((await signIn(r, 'bob@example.com')).status).toBe(200);
    const joined = await call(r, 'auth.acceptInvitation', {
      origin: r.base,
      mutation: true,
      input: { ...input, password: PASSWORD },
    });
    expect(joined.status).toBe(200);
    expect((await r.store.getUserByEmail('bob@example.com'))?.name).toBe('Bob');
  });
});

describe('share links', () => {
  it('open a view read-only with no account, aggregate figures only, until revoked or expired: then 404', async () => {
    const r = await start();
    const day = Date.UTC(2026, 0, 5);
    await r.store.insertEvents(r.project.projectId, [
      {
        id: 's1',
        type: 'track',
        name: 'Viewed',
        anonymousId: 'secret-device-1',
        userId: 'secret-user-1',
        timestamp: day,
        properties: { email: 'who@example.com' },
      },
      { id: 's2', type: 'track', name: 'Bought', anonymousId: 'secret-device-1', timestamp: day + 60_000 },
      { id: 's3', type: 'track', name: 'Viewed', anonymousId: 'secret-device-2', timestamp: day },
    ]);
    const { cookie } = await signIn(r);
    const query = {
      steps: [{ name: 'Viewed' }, { name: 'Bought' }],
      windowMs: 86_400_000,
      breakdown: 'email',
    };
    const created = await call(r, 'shares.create', {
      cookie,
      origin: r.base,
      mutation: true,
      input: {
        projectId: r.project.projectId,
        view: 'funnel',
        params: { steps: 'Viewed,Bought' },
        query,
        expiresInDays: 7,
      },
    });
    expect(created.status).toBe(200);
    const token = new URLSearchParams(created.data.url.split('?')[1]).get('token')!;
    const open = await call(r, 'share.get', { input: { token } });
    expect(open.status).toBe(200);
    expect(open.data).toMatchObject({
      view: 'funnel',
      projectName: 'Shop',
      params: { steps: 'Viewed,Bought' },
    });
    expect(open.data.data.steps.map((s: { count: number }) => s.count)).toEqual([2, 1]);
    const text = JSON.stringify(open.data);
    for (const id of ['secret-device-1', 'secret-device-2', 'secret-user-1', 'who@example.com'])
      expect(text).not.toContain(id);
    // The shared query is the stored one: nothing in the request can change it.
    const listed = await call(r, 'shares.list', { cookie, input: { projectId: r.project.projectId } });
    expect(listed.data.map((l: { status: string }) => l.status)).toEqual(['live']);
    const revoked = await call(r, 'shares.revoke', {
      cookie,
      origin: r.base,
      mutation: true,
      input: { projectId: r.project.projectId, shareId: created.data.shareId },
    });
    expect(revoked.status).toBe(200);
    expect((await call(r, 'share.get', { input: { token } })).status).toBe(404);

    const expired = await r.store.createShareLink({
      projectId: r.project.projectId,
      view: 'paths',
      state: { params: {}, query: { depth: 3, limit: 10 } },
      createdBy: 'owner@example.com',
      expiresAt: Date.now() - 1,
    });
    expect((await call(r, 'share.get', { input: { token: expired.token } })).status).toBe(404);
  });
});
