import { TRPCError } from '@trpc/server';
import {
  createDefaultConsentConfig,
  KEY_SCOPES,
  openSqliteStore,
  type KeyScope,
  type Store,
} from '@parcours/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './appRouter.js';
import { DEFAULT_SESSION_IDLE_MS } from './auth/createApiServices.js';
import { hashPassword } from './auth/password.js';
import { SignInThrottle } from './auth/SignInThrottle.js';
import type { Context } from './context.js';
import { PERMISSIONS } from './permissions.js';
import { createCallerFactory, projectProcedure, router } from './trpc.js';

/**
 * Issue 7: every procedure of the router, called by every kind of caller, answers as
 * the permission table says. Allowed callers must succeed (each procedure has a
 * sample input that works on a fresh fixture); the others get the exact error code.
 */
const PASSWORD = 'a long enough password';
const SELF = 'http://parcours.test';
const DAY = 86_400_000;
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

interface Fixture {
  store: Store;
  projectId: string;
  writeKey: string;
  sessions: Record<'owner' | 'analyst' | 'privacy' | 'viewer' | 'outsider', string>;
  keys: Record<KeyScope, string>;
  extraUserId: string;
  extraKeyId: string;
  invitationId: string;
  invitationToken: string;
  shareId: string;
  shareToken: string;
  segmentId: string;
  /** A saved insight, a dashboard holding it, an annotation on touchpoint B. */
  insightId: string;
  dashboardId: string;
  annotationId: string;
  webhookId: string;
  scheduleId: string;
  mapId: string;
  /** A verified access request, and a verified erasure request (to complete). */
  accessRequestId: string;
  erasureRequestId: string;
}

async function createFixture(): Promise<Fixture> {
  const store = openSqliteStore({ filename: ':memory:' });
  const outsiderProject = await store.createProject({ name: 'Elsewhere' });
  const outsider = await store.createUser({ email: 'outsider@example.com', name: 'O', passwordHash });
  const { projectId, writeKey } = await store.createProject({ name: 'Shop' });
  await store.insertEvents(projectId, [
    { id: 'e1', type: 'track', name: 'A', anonymousId: 'a1', timestamp: 1_000 },
    { id: 'e2', type: 'track', name: 'B', anonymousId: 'a1', timestamp: 2_000 },
    // A signed-in device, for the un-merge.
    { id: 'e3', type: 'track', name: 'C', anonymousId: 'a9', userId: 'u9', timestamp: 3_000 },
  ]);
  const sessions = { outsider: (await store.createSession(outsider.userId)).token } as Fixture['sessions'];
  for (const role of ['owner', 'analyst', 'privacy', 'viewer'] as const) {
    const user = await store.createUser({ email: `${role}@example.com`, name: role, passwordHash });
    await store.setMember(projectId, user.userId, role);
    sessions[role] = (await store.createSession(user.userId)).token;
  }
  expect(await store.getRole(outsiderProject.projectId, outsider.userId)).toBe('owner');
  const keys = {} as Fixture['keys'];
  for (const scope of KEY_SCOPES) {
    keys[scope] = (await store.createSecretKey(projectId, { scope, label: scope })).key;
  }
  const extra = await store.createUser({ email: 'extra@example.com', name: 'Extra', passwordHash });
  await store.setMember(projectId, extra.userId, 'viewer');
  const extraKey = await store.createSecretKey(projectId, { scope: 'read', label: 'extra' });
  const invitation = await store.createInvitation({
    projectId,
    email: 'new@example.com',
    role: 'viewer',
    ttlMs: DAY,
  });
  const share = await store.createShareLink({
    projectId,
    view: 'paths',
    state: { params: {}, query: { depth: 3, limit: 10 } },
    createdBy: 'owner@example.com',
    expiresAt: Date.now() + DAY,
  });
  const segment = await store.createSegment(projectId, {
    name: 'Buyers',
    description: '',
    definition: { kind: 'did', name: 'Purchase' },
    persona: false,
  });
  const insight = await store.createInsight({
    projectId,
    name: 'Paths',
    description: '',
    view: 'paths',
    params: {},
    createdBy: 'owner@example.com',
  });
  const dashboard = await store.createDashboard({
    projectId,
    name: 'Weekly',
    description: '',
    insightIds: [insight.insightId],
    createdBy: 'owner@example.com',
  });
  const annotation = await store.createAnnotation({
    projectId,
    fromDay: '1970-01-02',
    toDay: '1970-01-02',
    text: 'Fixed B',
    touchpoint: 'B',
    createdBy: 'owner@example.com',
  });
  const journeyMap = await store.createJourneyMap(projectId, { name: 'Cancellation' });
  const schedule = await store.createReportSchedule({
    projectId,
    dashboardId: dashboard.dashboardId,
    frequency: 'weekly',
    recipients: ['team@example.com'],
    createdBy: 'owner@example.com',
    nextRunAt: Date.now() + DAY,
  });
  const webhook = await store.createWebhookDestination({
    projectId,
    name: 'CRM',
    url: 'http://127.0.0.1:9/hook',
    createdBy: 'owner@example.com',
  });
  const [accessRequest, erasureRequest] = await Promise.all(
    (['access', 'erasure'] as const).map((kind) =>
      store.createPrivacyRequest(projectId, { kind, receivedOn: '2026-01-31', anonymousIds: ['a1'] }),
    ),
  );
  for (const request of [accessRequest!, erasureRequest!])
    await store.updatePrivacyRequest(projectId, request.requestId, { verification: 'verified' });
  return {
    accessRequestId: accessRequest!.requestId,
    erasureRequestId: erasureRequest!.requestId,
    store,
    projectId,
    writeKey,
    sessions,
    keys,
    extraUserId: extra.userId,
    extraKeyId: extraKey.keyId,
    invitationId: invitation.invitationId,
    invitationToken: invitation.token,
    shareId: share.shareId,
    shareToken: share.token,
    segmentId: segment.segmentId,
    insightId: insight.insightId,
    dashboardId: dashboard.dashboardId,
    annotationId: annotation.annotationId,
    webhookId: webhook.destinationId,
    scheduleId: schedule.scheduleId,
    mapId: journeyMap.mapId,
  };
}

/** A working input for every procedure; a new procedure needs one here. */
const SAMPLES: Record<string, (f: Fixture) => unknown> = {
  collect: (f) => ({
    writeKey: f.writeKey,
    batch: [{ id: 'e9', type: 'track', name: 'C', anonymousId: 'a2', timestamp: Date.UTC(2026, 0, 1) }],
  }),
  consent: (f) => ({
    writeKey: f.writeKey,
    records: [
      {
        id: 'c1',
        timestamp: Date.UTC(2026, 0, 1),
        granted: ['analytics'],
        denied: [],
        policyVersion: '1',
        source: 'banner',
      },
    ],
  }),
  'consent.config': (f) => ({ writeKey: f.writeKey }),
  'auth.signIn': () => ({ email: 'viewer@example.com', password: PASSWORD }),
  'auth.invitation': (f) => ({ token: f.invitationToken }),
  'auth.acceptInvitation': (f) => ({ token: f.invitationToken, name: 'Newcomer', password: PASSWORD }),
  'auth.me': () => undefined,
  'auth.signOut': () => undefined,
  'auth.changePassword': () => ({ currentPassword: PASSWORD, newPassword: 'another long password' }),
  'journeys.person': (f) => ({ projectId: f.projectId, anonymousId: 'a1' }),
  'journeys.funnel': (f) => ({
    projectId: f.projectId,
    steps: [{ name: 'A' }, { name: 'B' }],
    windowMs: DAY,
  }),
  'journeys.funnelDropoffs': (f) => ({
    projectId: f.projectId,
    steps: [{ name: 'A' }, { name: 'B' }],
    windowMs: DAY,
    step: 2,
  }),
  'journeys.funnelDrivers': (f) => ({
    projectId: f.projectId,
    steps: [{ name: 'A' }, { name: 'B' }],
    windowMs: DAY,
    step: 1,
  }),
  'journeys.paths': (f) => ({ projectId: f.projectId }),
  'journeys.pathPersons': (f) => ({ projectId: f.projectId, at: 0, name: 'A' }),
  'journeys.persons': (f) => ({ projectId: f.projectId, search: 'a' }),
  'journeys.personProfile': (f) => ({ projectId: f.projectId, anonymousId: 'a1' }),
  'journeys.journeyMap': (f) => ({ projectId: f.projectId }),
  'journeys.stages': (f) => ({ projectId: f.projectId }),
  'journeys.overview': (f) => ({ projectId: f.projectId, from: 0, to: DAY }),
  'journeys.retention': (f) => ({ projectId: f.projectId, from: 0, to: DAY }),
  'journeys.friction': (f) => ({ projectId: f.projectId }),
  'journeys.setJourneyMap': (f) => ({
    projectId: f.projectId,
    stages: [{ name: 'awareness', touchpoints: [] }],
  }),
  'journeys.unlinkIdentity': (f) => ({ projectId: f.projectId, anonymousId: 'a9', userId: 'u9' }),
  'journeys.maps': (f) => ({ projectId: f.projectId }),
  'journeys.map': (f) => ({ projectId: f.projectId, mapId: 'main' }),
  'journeys.createMap': (f) => ({ projectId: f.projectId, name: 'Onboarding', template: 'saas-onboarding' }),
  'journeys.saveMap': (f) => ({
    projectId: f.projectId,
    mapId: f.mapId,
    name: 'Cancellation',
    baseVersion: 1,
    stages: [{ name: 'cancel', touchpoints: [] }],
  }),
  'journeys.deleteMap': (f) => ({ projectId: f.projectId, mapId: f.mapId }),
  'live.changes': (f) => ({ projectId: f.projectId }),
  'live.touchpoints': (f) => ({ projectId: f.projectId }),
  'privacy.consentRecords': (f) => ({ projectId: f.projectId }),
  'privacy.consentConfig': (f) => ({ projectId: f.projectId }),
  'privacy.publishConsentConfig': (f) => ({ projectId: f.projectId, ...createDefaultConsentConfig('Shop') }),
  'privacy.consentConfigVersions': (f) => ({ projectId: f.projectId }),
  'privacy.consentConfigVersion': (f) => ({ projectId: f.projectId, policyVersion: 1 }),
  'privacy.exportPerson': (f) => ({ projectId: f.projectId, anonymousId: 'a1' }),
  'privacy.erasePerson': (f) => ({ projectId: f.projectId, anonymousId: 'a1' }),
  'privacy.collectionSettings': (f) => ({ projectId: f.projectId }),
  'privacy.setCollectionSettings': (f) => ({ projectId: f.projectId, queryAllowList: ['utm_*', 'ref'] }),
  'privacy.retention': (f) => ({ projectId: f.projectId }),
  'privacy.setRetention': (f) => ({ projectId: f.projectId, eventsMonths: 13 }),
  'privacy.purgeNow': (f) => ({ projectId: f.projectId }),
  'privacy.register': (f) => ({ projectId: f.projectId }),
  'privacy.registerHtml': (f) => ({ projectId: f.projectId }),
  'privacy.setRegisterContacts': (f) => ({
    projectId: f.projectId,
    controller: { name: 'Acme', email: '', phone: '', address: '' },
    dpo: { name: '', email: '', phone: '', address: '' },
    recipients: [],
  }),
  'privacy.verifyLedger': (f) => ({ projectId: f.projectId }),
  'privacy.requests.list': (f) => ({ projectId: f.projectId }),
  'privacy.requests.get': (f) => ({ projectId: f.projectId, requestId: f.accessRequestId }),
  'privacy.requests.assignees': (f) => ({ projectId: f.projectId }),
  'privacy.requests.create': (f) => ({
    projectId: f.projectId,
    kind: 'objection',
    receivedOn: '2026-02-01',
    userId: 'u1',
  }),
  'privacy.requests.update': (f) => ({
    projectId: f.projectId,
    requestId: f.accessRequestId,
    status: 'in_progress',
  }),
  'privacy.requests.extend': (f) => ({
    projectId: f.projectId,
    requestId: f.accessRequestId,
    reason: 'complex',
  }),
  'privacy.requests.exportData': (f) => ({ projectId: f.projectId, requestId: f.accessRequestId }),
  'privacy.requests.complete': (f) => ({ projectId: f.projectId, requestId: f.erasureRequestId }),
  'privacy.requests.refuse': (f) => ({
    projectId: f.projectId,
    requestId: f.accessRequestId,
    reason: 'unfounded',
  }),
  'privacy.consentLog': (f) => ({ projectId: f.projectId }),
  'privacy.consentLogCsv': (f) => ({ projectId: f.projectId }),
  'privacy.consentStats': (f) => ({ projectId: f.projectId, from: 0, to: 1 }),
  'admin.project': (f) => ({ projectId: f.projectId }),
  'admin.renameProject': (f) => ({ projectId: f.projectId, name: 'Renamed' }),
  'admin.setTimeZone': (f) => ({ projectId: f.projectId, timeZone: 'Europe/Paris' }),
  'admin.deleteProject': (f) => ({ projectId: f.projectId, confirmName: 'Shop' }),
  'identity.settings': (f) => ({ projectId: f.projectId }),
  'identity.update': (f) => ({ projectId: f.projectId, requireSignedIdentities: true }),
  'members.list': (f) => ({ projectId: f.projectId }),
  'members.invite': (f) => ({ projectId: f.projectId, email: 'invitee@example.com', role: 'analyst' }),
  'members.setRole': (f) => ({ projectId: f.projectId, userId: f.extraUserId, role: 'analyst' }),
  'members.remove': (f) => ({ projectId: f.projectId, userId: f.extraUserId }),
  'members.revokeInvitation': (f) => ({ projectId: f.projectId, invitationId: f.invitationId }),
  'keys.list': (f) => ({ projectId: f.projectId }),
  'keys.create': (f) => ({ projectId: f.projectId, scope: 'read', label: 'CI' }),
  'keys.revoke': (f) => ({ projectId: f.projectId, keyId: f.extraKeyId }),
  'audit.list': (f) => ({ projectId: f.projectId }),
  'audit.exportCsv': (f) => ({ projectId: f.projectId }),
  'shares.create': (f) => ({
    projectId: f.projectId,
    view: 'paths',
    params: {},
    query: {},
    expiresInDays: 7,
  }),
  'shares.list': (f) => ({ projectId: f.projectId }),
  'shares.revoke': (f) => ({ projectId: f.projectId, shareId: f.shareId }),
  'share.get': (f) => ({ token: f.shareToken }),
  'segments.list': (f) => ({ projectId: f.projectId }),
  'segments.get': (f) => ({ projectId: f.projectId, segmentId: f.segmentId }),
  'segments.create': (f) => ({
    projectId: f.projectId,
    name: 'Visitors',
    definition: { kind: 'did', name: 'C' },
  }),
  'segments.update': (f) => ({
    projectId: f.projectId,
    segmentId: f.segmentId,
    name: 'Buyers again',
    definition: {
      kind: 'or',
      conditions: [
        { kind: 'did', name: 'Purchase' },
        { kind: 'trait', name: 'plan', value: 'pro' },
      ],
    },
  }),
  'segments.delete': (f) => ({ projectId: f.projectId, segmentId: f.segmentId }),
  'insights.list': (f) => ({ projectId: f.projectId, search: 'path' }),
  'insights.create': (f) => ({
    projectId: f.projectId,
    name: 'Funnel',
    view: 'funnel',
    params: { step1: 'A' },
  }),
  'insights.update': (f) => ({ projectId: f.projectId, insightId: f.insightId, name: 'Renamed' }),
  'insights.delete': (f) => ({ projectId: f.projectId, insightId: f.insightId }),
  'dashboards.list': (f) => ({ projectId: f.projectId }),
  'dashboards.home': (f) => ({ projectId: f.projectId }),
  'dashboards.get': (f) => ({ projectId: f.projectId, dashboardId: f.dashboardId }),
  'dashboards.create': (f) => ({ projectId: f.projectId, name: 'Monthly', insightIds: [f.insightId] }),
  'dashboards.update': (f) => ({ projectId: f.projectId, dashboardId: f.dashboardId, insightIds: [] }),
  'dashboards.delete': (f) => ({ projectId: f.projectId, dashboardId: f.dashboardId }),
  'annotations.list': (f) => ({ projectId: f.projectId }),
  'annotations.compare': (f) => ({ projectId: f.projectId, annotationId: f.annotationId }),
  'annotations.create': (f) => ({ projectId: f.projectId, fromDay: '2026-06-01', text: 'Release 2.0' }),
  'annotations.delete': (f) => ({ projectId: f.projectId, annotationId: f.annotationId }),
  'exports.funnelStepsCsv': (f) => ({ projectId: f.projectId, steps: [{ name: 'A' }], windowMs: 60_000 }),
  'exports.funnelBreakdownCsv': (f) => ({
    projectId: f.projectId,
    steps: [{ name: 'A' }],
    windowMs: 60_000,
    breakdown: 'plan',
  }),
  'exports.pathsCsv': (f) => ({ projectId: f.projectId }),
  'exports.dropoffsCsv': (f) => ({
    projectId: f.projectId,
    steps: [{ name: 'A' }, { name: 'B' }],
    windowMs: 60_000,
    step: 2,
  }),
  'exports.personsCsv': (f) => ({ projectId: f.projectId }),
  'reports.brand': (f) => ({ projectId: f.projectId }),
  'reports.setBrand': (f) => ({
    projectId: f.projectId,
    title: 'Weekly',
    primaryColor: '#112233',
    accentColor: '#445566',
    logoDataUrl: null,
  }),
  'reports.pdf': (f) => ({ projectId: f.projectId, from: 0, to: 86_400_000 }),
  'reports.schedules': (f) => ({ projectId: f.projectId }),
  'reports.schedule': (f) => ({
    projectId: f.projectId,
    dashboardId: f.dashboardId,
    frequency: 'monthly',
    recipients: ['lead@example.com'],
  }),
  'reports.unschedule': (f) => ({ projectId: f.projectId, scheduleId: f.scheduleId }),
  'reports.dashboardPdf': (f) => ({
    projectId: f.projectId,
    dashboardId: f.dashboardId,
    from: 0,
    to: 86_400_000,
  }),
  'webhooks.list': (f) => ({ projectId: f.projectId }),
  'webhooks.create': (f) => ({ projectId: f.projectId, name: 'Mailer', url: 'https://mail.example/hook' }),
  'webhooks.remove': (f) => ({ projectId: f.projectId, destinationId: f.webhookId }),
  'webhooks.send': (f) => ({
    projectId: f.projectId,
    destinationId: f.webhookId,
    source: 'funnelDropoffs',
    query: { steps: [{ name: 'A' }, { name: 'C' }], windowMs: 60_000, step: 2 },
  }),
  'webhooks.deliveries': (f) => ({ projectId: f.projectId, destinationId: f.webhookId }),
};

type CallerKind =
  | { kind: 'role'; role: 'owner' | 'analyst' | 'privacy' | 'viewer' }
  | { kind: 'outsider' }
  | { kind: 'scope'; scope: KeyScope }
  | { kind: 'writeKey' }
  | { kind: 'none' };

const CALLERS: CallerKind[] = [
  ...(['owner', 'analyst', 'privacy', 'viewer'] as const).map((role) => ({ kind: 'role' as const, role })),
  { kind: 'outsider' },
  ...KEY_SCOPES.map((scope) => ({ kind: 'scope' as const, scope })),
  { kind: 'writeKey' },
  { kind: 'none' },
];

const describeCaller = (c: CallerKind) =>
  c.kind === 'role' ? c.role : c.kind === 'scope' ? `${c.scope} key` : c.kind;

function contextOf(f: Fixture, caller: CallerKind): Context {
  const base: Context = {
    store: f.store,
    request: { ip: '127.0.0.1', origin: SELF, selfOrigin: SELF, secure: false },
    setCookie: () => {},
    setHeader: () => {},
    // A PDF renderer, so that `reports.pdf` answers whoever the table lets through.
    services: {
      sessionIdleMs: DEFAULT_SESSION_IDLE_MS,
      signInThrottle: new SignInThrottle(),
      renderPdf: () => Promise.resolve(new Uint8Array([0x25, 0x50, 0x44, 0x46])),
    },
  };
  switch (caller.kind) {
    case 'role':
      return { ...base, sessionToken: f.sessions[caller.role] };
    case 'outsider':
      return { ...base, sessionToken: f.sessions.outsider };
    case 'scope':
      return { ...base, authorization: `Bearer ${f.keys[caller.scope]}` };
    case 'writeKey':
      return { ...base, authorization: `Bearer ${f.writeKey}` };
    case 'none':
      return base;
  }
}

/** What the permission table says this caller gets: 'ok' or the error code. */
function expectedOutcome(path: string, caller: CallerKind): string {
  const permission = PERMISSIONS[path]!;
  switch (permission.access) {
    case 'public':
      return 'ok';
    case 'writeKey':
      // A secret key sent along must have a scope the entry lists (collect: ingest);
      // an entry without scopes (consent) does not look at it.
      if (caller.kind !== 'scope' || permission.scopes === undefined) return 'ok';
      return permission.scopes.includes(caller.scope) ? 'ok' : 'FORBIDDEN';
    case 'user':
      return caller.kind === 'role' || caller.kind === 'outsider' ? 'ok' : 'UNAUTHORIZED';
    case 'project':
      if (caller.kind === 'none' || caller.kind === 'writeKey') return 'UNAUTHORIZED';
      if (caller.kind === 'outsider') return 'NOT_FOUND';
      if (caller.kind === 'role') return permission.roles.includes(caller.role) ? 'ok' : 'FORBIDDEN';
      return permission.scopes.includes(caller.scope) ? 'ok' : 'FORBIDDEN';
  }
}

const createCaller = createCallerFactory(appRouter);
const procedurePaths = Object.keys(appRouter._def.procedures).sort();

async function outcomeOf(path: string, caller: CallerKind): Promise<string> {
  const f = await createFixture();
  try {
    let target: unknown = createCaller(contextOf(f, caller));
    for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
    await (target as (input: unknown) => Promise<unknown>)(SAMPLES[path]!(f));
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  } finally {
    await f.store.close();
  }
}

describe('the permission table', () => {
  it('has one entry per procedure of the router, and a sample input for each', () => {
    expect(procedurePaths.length).toBeGreaterThan(30);
    expect(Object.keys(PERMISSIONS).sort()).toEqual(procedurePaths);
    expect(Object.keys(SAMPLES).sort()).toEqual(procedurePaths);
  });

  it('refuses to run a procedure that has no entry', async () => {
    const rogue = router({ rogue: projectProcedure.query(() => 'secret') });
    const f = await createFixture();
    const caller = createCallerFactory(rogue)(contextOf(f, { kind: 'role', role: 'owner' }));
    await expect(caller.rogue({ projectId: f.projectId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await f.store.close();
  });

  // The table is the truth the middleware enforces (below); these are the issue's
  // rules it must keep, so that an edit to the table that breaks one fails here.
  it("keeps issue 7's rules: privacy to owners and privacy officers, administration to owners, viewers read only", () => {
    const project = (path: string) => {
      const permission = PERMISSIONS[path]!;
      if (permission.access !== 'project') throw new Error(`${path} is not a project procedure`);
      return { roles: [...permission.roles].sort(), scopes: [...permission.scopes].sort() };
    };
    const typeOf = (path: string) =>
      (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!._def.type;
    for (const path of procedurePaths.filter((p) => /^(privacy|audit)\./.test(p))) {
      expect(project(path).roles, path).toEqual(['owner', 'privacy']);
      expect(project(path).scopes, path).toEqual(['admin', 'privacy']);
    }
    const ownerOnly = procedurePaths.filter((p) =>
      /^(members|keys|identity)\.|^admin\.(rename|delete)Project$|^shares\.(list|revoke)$/.test(p),
    );
    expect(ownerOnly.length).toBeGreaterThanOrEqual(14);
    for (const path of ownerOnly)
      expect(project(path), path).toEqual({ roles: ['owner'], scopes: ['admin'] });
    for (const path of procedurePaths.filter((p) => PERMISSIONS[p]!.access === 'project')) {
      const { roles, scopes } = project(path);
      if (typeOf(path) === 'mutation') {
        expect(roles, `${path}: viewers change nothing`).not.toContain('viewer');
        expect(scopes, `${path}: read keys change nothing`).not.toContain('read');
      }
      if (path.startsWith('journeys.') && path !== 'journeys.person') {
        expect(roles, `${path}: the privacy role reads person timelines only`).not.toContain('privacy');
      }
      expect(roles, path).toContain('owner');
      expect(scopes, path).toContain('admin');
      expect(scopes, `${path}: an ingest key only sends touchpoints`).not.toContain('ingest');
    }
    expect(project('journeys.setJourneyMap').roles).toEqual(['analyst', 'owner']);
    expect(project('shares.create').roles).toEqual(['analyst', 'owner']);
    expect(PERMISSIONS['collect']).toEqual({ access: 'writeKey', scopes: ['ingest'] });
    expect(PERMISSIONS['consent']).toEqual({ access: 'writeKey' });
    expect(PERMISSIONS['consent.config']).toEqual({ access: 'writeKey' });
  });

  for (const path of procedurePaths) {
    it(`${path}: every caller gets what the table says`, async () => {
      const got: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of CALLERS) {
        got[describeCaller(caller)] = await outcomeOf(path, caller);
        expected[describeCaller(caller)] = expectedOutcome(path, caller);
      }
      expect(got).toEqual(expected);
    }, 60_000);
  }
});
