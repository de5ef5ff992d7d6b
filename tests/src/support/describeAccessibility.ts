import axe, { type AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchCsp } from './dashboard.js';
import { launchChromium } from './launchChromium.js';
import { startAccountsServer, type AccountsServer } from './startAccountsServer.js';

// Issue 7: the new pages pass axe-core with no violation, on a wide and a phone-sized
// screen, in Chromium, served by the real server under its Content-Security-Policy.
// One test file per width (accessibility.*.browser.test.ts), each with its own servers
// and Chromium, so that the two widths run side by side.
let server: AccountsServer;
/** No user yet: the set-up page. */
let fresh: AccountsServer;
let browser: Browser;
let invitationToken: string;
let setupToken: string;
/** Issue 9: an open request being handled, and a done erasure request with its receipt. */
let openRequestId: string;
let doneRequestId: string;
const cspReports: string[] = [];

/** The seeded funnel in a one-day window, so that some drop-offs are still in their window. */
const FUNNEL_PARAMS =
  'step1=%2F&step2=Product+viewed&step3=Added+to+cart&step4=Signed+up&step5=Purchase+completed&window=1d';

/** Runs axe-core in the page; its violations, one readable line per failing element, and any sideways overflow. */
async function findViolations(page: Page): Promise<string[]> {
  // The page's CSP blocks an inline <script>; evaluate runs outside it.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run(),
  );
  const violations = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? '?'}): ${violation.help} — ${node.target.join(' ')}`,
    ),
  );
  return [...violations, ...(await findOverflow(page))];
}

/**
 * What sticks out of the viewport sideways (WCAG 1.4.10, reflow): at 390 px the page
 * itself must not scroll sideways; wide tables scroll in their own box.
 */
async function findOverflow(page: Page): Promise<string[]> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return scrollWidth > clientWidth
    ? [`reflow: the page is ${scrollWidth} px wide in a ${clientWidth} px window`]
    : [];
}

/** A page of `context` at `hash`, once `ready` shows. */
async function open(
  context: BrowserContext,
  hash: string,
  ready: string,
  origin = server.origin,
): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  watchCsp(page, cspReports);
  await page.goto(`${origin}/${hash}`);
  await page.waitForSelector(ready);
  return page;
}

/** Every page's axe-core check at each of `widths`, against servers of this file's own. */
export function describeAccessibility(widths: number[]): void {
  beforeAll(async () => {
    [server, fresh, browser] = await Promise.all([
      startAccountsServer({ owner: 'olga@example.com', analyst: 'ana@example.com' }),
      startAccountsServer({}),
      launchChromium(),
    ]);
    ({ token: setupToken } = await fresh.store.createInvitation({ email: '', ttlMs: 86_400_000 }));
    const { store, project } = server;
    // Something in every table: a pending invitation, a key, a share link.
    ({ token: invitationToken } = await store.createInvitation({
      projectId: project.projectId,
      email: 'paul@example.com',
      role: 'privacy',
      invitedBy: 'olga@example.com',
      ttlMs: 86_400_000,
    }));
    await store.createSecretKey(project.projectId, { scope: 'read', label: 'nightly export' });
    await store.createShareLink({
      projectId: project.projectId,
      view: 'paths',
      state: { params: { depth: '5', limit: '20' }, query: { depth: 5, limit: 20 } },
      createdBy: 'ana@example.com',
      expiresAt: Date.now() + 7 * 86_400_000,
    });
    // Privacy pages with something to show: a second consent version (so versions can be
    // compared) and decisions of every kind in the ledger, in two languages, one with GPC.
    const config = await store.getConsentConfig(project.projectId);
    const { policyVersion: _v, configHash: _h, publishedAt: _p, ...settings } = config;
    await store.publishConsentConfig(
      project.projectId,
      { ...settings, controllerName: 'Accessible shop SAS' },
      { userId: 'usr_test', name: 'Olga' },
    );
    const now = Date.now();
    await store.insertConsentRecords(project.projectId, [
      {
        id: 'a11y-1',
        timestamp: now - 3_600_000,
        granted: ['analytics', 'marketing', 'personalization'],
        denied: [],
        policyVersion: '1',
        source: 'banner',
        anonymousId: 'dev-a',
        action: 'accept_all',
        locale: 'fr',
        path: '/',
      },
      {
        id: 'a11y-2',
        timestamp: now - 1_800_000,
        granted: [],
        denied: ['analytics', 'marketing', 'personalization'],
        policyVersion: '2',
        source: 'banner',
        action: 'refuse_all',
        locale: 'en',
        path: '/pricing',
      },
      {
        id: 'a11y-3',
        timestamp: now - 60_000,
        granted: ['analytics'],
        denied: ['marketing', 'personalization'],
        policyVersion: '2',
        source: 'banner',
        anonymousId: 'dev-c',
        action: 'custom',
        locale: 'en',
        path: '/',
        gpc: true,
      },
    ]);
    // Issue 11: something for the funnel's drivers to compare (person 1 reads reviews by
    // email between adding to the cart and signing up).
    await store.insertEvents(project.projectId, [
      {
        id: 'a11y-funnel-1',
        type: 'track',
        name: 'Read reviews',
        anonymousId: 'anon-e2e-secret-1',
        channel: 'email',
        timestamp: now - 14 * 3_600_000 + 150_000,
      },
    ]);
    // Requests: one overdue, one due this week, one being handled, one done with its receipt.
    const day = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const requests = server.store;
    const owner = server.users['owner']!.userId;
    await requests.createPrivacyRequest(project.projectId, {
      kind: 'objection',
      receivedOn: day(40),
      userId: 'u-1',
    });
    await requests.createPrivacyRequest(project.projectId, {
      kind: 'portability',
      receivedOn: day(27),
      userId: 'u-2',
    });
    ({ requestId: openRequestId } = await requests.createPrivacyRequest(project.projectId, {
      kind: 'access',
      receivedOn: day(3),
      requesterName: 'Rita Requester',
      requesterEmail: 'rita@example.com',
      userId: 'user-e2e-secret-0',
      anonymousIds: ['anon-e2e-secret-0'],
      assigneeId: owner,
    }));
    await requests.updatePrivacyRequest(project.projectId, openRequestId, { verification: 'verified' });
    ({ requestId: doneRequestId } = await requests.createPrivacyRequest(project.projectId, {
      kind: 'erasure',
      receivedOn: day(10),
      userId: 'nobody-here',
    }));
    const receipt = await requests.erasePerson(
      project.projectId,
      { userId: 'nobody-here' },
      { requestId: doneRequestId },
    );
    await requests.updatePrivacyRequest(project.projectId, doneRequestId, {
      verification: 'verified',
      status: 'done',
      outcome: { kind: 'erasure', receipt },
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fresh?.stop();
  });

  describe.each(widths)('accessibility at %i px wide', (width) => {
    let visitor: BrowserContext;
    let owner: BrowserContext;
    const projectHash = (path: string) => `#/p/${server.project.projectId}/${path}`;

    beforeAll(async () => {
      visitor = await browser.newContext({ viewport: { width, height: 900 } });
      owner = await browser.newContext({ viewport: { width, height: 900 } });
      const signIn = await owner.request.post(`${server.origin}/trpc/auth.signIn`, {
        headers: { origin: server.origin },
        data: { email: server.users['owner']!.email, password: server.users['owner']!.password },
      });
      expect(signIn.status()).toBe(200);
    });
    afterAll(async () => {
      await visitor?.close();
      await owner?.close();
    });

    const pages: [name: string, context: () => BrowserContext, hash: () => string, ready: string][] = [
      ['sign-in', () => visitor, () => '', '#sign-in-email'],
      ['sign-in with an error', () => visitor, () => '', '#sign-in-email'],
      ['invitation', () => visitor, () => `#/invitation?token=${invitationToken}`, '#invitation-password'],
      ['dead invitation', () => visitor, () => '#/invitation?token=spent', 'h1:has-text("cannot be used")'],
      ['settings: project', () => owner, () => projectHash('settings/project'), '#write-key'],
      ['settings: members', () => owner, () => projectHash('settings/members'), 'text=paul@example.com'],
      ['settings: API keys', () => owner, () => projectHash('settings/keys'), 'text=nightly export'],
      ['settings: share links', () => owner, () => projectHash('settings/shares'), '.status-live'],
      ['audit log', () => owner, () => projectHash('audit'), '.audit-table'],
      ['overview, with its top bar', () => owner, () => projectHash('overview'), '.kpis'],
      ['retention cohorts', () => owner, () => projectHash('cohorts?weeks=26'), '.cohort-table tbody tr'],
      ['friction', () => owner, () => projectHash('friction?support=Signed+up'), '#waits-heading'],
      [
        'privacy: consent settings and versions',
        () => owner,
        () => projectHash('consent'),
        '.consent-versions',
      ],
      ['privacy: consent analytics', () => owner, () => projectHash('consent/analytics'), '.consent-rates'],
      ['privacy: consent log', () => owner, () => projectHash('consent/log'), '.consent-log .chain-ok'],
      ['privacy: data collection', () => owner, () => projectHash('collection'), '#query-allow-list'],
      ['privacy: register', () => owner, () => projectHash('register'), '.register-contact'],
      ['privacy: retention', () => owner, () => projectHash('retention'), '#events-months'],
      ['privacy: retention, after a purge', () => owner, () => projectHash('retention'), '#events-months'],
      ['privacy: requests, with overdue ones', () => owner, () => projectHash('requests'), '.due-overdue'],
      [
        'privacy: a request being handled',
        () => owner,
        () => projectHash(`requests?request=${openRequestId}`),
        '#request-verification',
      ],
      [
        'privacy: a done erasure request with its receipt',
        () => owner,
        () => projectHash(`requests?request=${doneRequestId}`),
        '.receipt-table',
      ],
      [
        'person, with the export button',
        () => owner,
        () => projectHash('person?userId=user-e2e-secret-0'),
        '.person-export',
      ],
      ['persons list', () => owner, () => projectHash('person'), '.data-table tbody th a.id'],
      [
        'persons list, searched',
        () => owner,
        () => projectHash('person?q=user%3A&sort=touchpoints'),
        '.data-table tbody th a.id',
      ],
      [
        'person, with their profile',
        () => owner,
        () => projectHash('person?personId=user%3Auser-e2e-secret-0'),
        '#profile-heading',
      ],
      [
        'funnel, with drop-offs in progress and abandoned, an exclusion, its figures and drivers',
        () => owner,
        () => projectHash(`funnel?${FUNNEL_PARAMS}&exclude1=Cart+emptied&excludeAfter1=3&drivers=3`),
        '.funnel-drivers table',
      ],
      [
        'funnel, in any order',
        () => owner,
        () => projectHash(`funnel?${FUNNEL_PARAMS}&order=any`),
        '.funnel-in-progress',
      ],
      [
        'privacy: data collection with a problem',
        () => owner,
        () => projectHash('collection'),
        '#query-allow-list',
      ],
    ];

    it.each(pages)('%s page has no violation', async (name, context, hash, ready) => {
      const page = await open(context(), hash(), ready);
      if (name === 'sign-in with an error') {
        await page.fill('#sign-in-email', 'nobody@example.com');
        await page.fill('#sign-in-password', 'wrong');
        await page.click('button[type=submit]');
        await page.waitForSelector('[role=alert]');
      }
      if (name === 'privacy: retention, after a purge') {
        await page.click('button:has-text("Purge now")');
        await page.waitForSelector('.receipt-table');
      }
      if (name === 'privacy: data collection with a problem') {
        await page.fill('#query-allow-list', 'utm_*\n*');
        await page.click('button[type=submit]');
        await page.waitForSelector('#query-allow-list-problem');
      }
      const violations = await findViolations(page);
      await page.close();
      expect(violations, violations.join('\n')).toEqual([]);
    });

    it('set-up page of a fresh instance has no violation', async () => {
      const page = await open(
        visitor,
        `#/invitation?token=${setupToken}`,
        '#invitation-password',
        fresh.origin,
      );
      // With the problems of an empty form showing.
      await page.click('button[type=submit]');
      await page.waitForSelector('#invitation-email-problem');
      const violations = await findViolations(page);
      await page.close();
      expect(violations, violations.join('\n')).toEqual([]);
    });

    it('members page with a new invitation link, and keys page with a new key shown once, have no violation', async () => {
      const members = await open(owner, projectHash('settings/members'), '#invite-email');
      await members.fill('#invite-email', `zoe-${width}@example.com`);
      await members.click('button:has-text("Invite")');
      await members.waitForSelector('#invite-url');
      const keys = await open(owner, projectHash('settings/keys'), '#key-label');
      await keys.fill('#key-label', `script ${width}`);
      await keys.click('button:has-text("Create key")');
      await keys.waitForSelector('#new-key');
      const violations = [...(await findViolations(members)), ...(await findViolations(keys))];
      await members.close();
      await keys.close();
      expect(violations, violations.join('\n')).toEqual([]);
    });

    it('shared view has no violation', async () => {
      const funnel = await open(owner, projectHash('funnel'), '.funnel-step');
      await funnel.click('button:has-text("Share")');
      await funnel.click('button:has-text("Create link")');
      const url = await funnel.inputValue('#share-funnel-url');
      const ownerViolations = await findViolations(funnel);
      await funnel.close();
      const shared = await visitor.newPage();
      watchCsp(shared, cspReports);
      await shared.goto(url);
      await shared.waitForSelector('.funnel-step');
      const violations = [...ownerViolations, ...(await findViolations(shared))];
      await shared.close();
      expect(violations, violations.join('\n')).toEqual([]);
    });
  });

  describe('under the Content-Security-Policy', () => {
    it('every page above loaded without a violation report', () => {
      expect(cspReports).toEqual([]);
    });
  });
}
