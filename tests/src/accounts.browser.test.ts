import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNav, signInThroughForm, watchCsp } from './support/dashboard.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 7: accounts, roles and sharing in the dashboard, in Chromium, against the real
// server on a real SQLite file, under the server's Content-Security-Policy.
let server: AccountsServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const cspReports: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({
      owner: 'olga@example.com',
      viewer: 'victor@example.com',
      privacy: 'priya@example.com',
    }),
    launchChromium(),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page in a fresh browser context: no cookie, no storage, as another person's browser. */
async function openFreshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  watchCsp(page, cspReports);
  return page;
}

const projectHash = (path: string) => `#/p/${server.project.projectId}/${path}`;

describe('accounts in the dashboard', () => {
  let ownerPage: Page;

  it('signs the owner in with email and password, after a wrong password', async () => {
    ownerPage = await openFreshPage();
    await ownerPage.goto(`${server.origin}/`);
    await ownerPage.fill('#sign-in-email', server.users['owner']!.email);
    await ownerPage.fill('#sign-in-password', 'not the password');
    await ownerPage.click('button[type=submit]');
    await ownerPage.waitForSelector('text=Wrong email or password.');
    // The session is an HttpOnly cookie: no script, the app's included, can read it.
    expect(await ownerPage.evaluate(() => document.cookie)).toBe('');

    await signInThroughForm(ownerPage, server.origin, server.users['owner']!);
    expect(ownerPage.url()).toContain(`#/p/${server.project.projectId}`);
    const nav = await readNav(ownerPage);
    for (const title of ['Overview', 'Funnel', 'Journey map', 'Persons', 'Audit log', 'Settings'])
      expect(nav).toContain(title);
    const cookies = await ownerPage.context().cookies();
    expect(cookies.find((c) => c.name === 'parcours_session')?.httpOnly).toBe(true);
  }, 60_000);

  it('lets the owner invite an analyst, who joins with the link in a fresh browser and sees the journeys but not the settings', async () => {
    await ownerPage.click('nav[aria-label=Main] >> text=Settings');
    await ownerPage.click('nav[aria-label=Settings] >> text=Members');
    await ownerPage.fill('#invite-email', 'ana@example.com');
    await ownerPage.selectOption('#invite-role', 'analyst');
    await ownerPage.click('button:has-text("Invite")');
    const inviteUrl = await ownerPage.inputValue('#invite-url');
    expect(inviteUrl).toMatch(new RegExp(`^${server.origin}/#/invitation\\?token=`));
    // No SMTP settings on this server: the owner is told to send the link.
    expect(await ownerPage.textContent('main')).toContain('No email was sent');
    await ownerPage.waitForSelector('table >> text=ana@example.com');

    const analyst = await openFreshPage();
    await analyst.goto(inviteUrl);
    await analyst.waitForSelector('h1:has-text("Join Shop as analyst")');
    expect(await analyst.inputValue('#invitation-email')).toBe('ana@example.com');
    expect(await analyst.getAttribute('#invitation-email', 'readonly')).not.toBeNull();
    await analyst.fill('#invitation-name', 'Ana');
    await analyst.fill('#invitation-password', 'too short');
    await analyst.click('button[type=submit]');
    await analyst.waitForSelector('#invitation-password-problem');
    await analyst.fill('#invitation-password', 'a long enough passphrase');
    await analyst.click('button[type=submit]');
    await analyst.waitForSelector('nav[aria-label=Main]');
    // The spent token leaves the address bar.
    expect(analyst.url()).not.toContain('token=');

    const nav = await readNav(analyst);
    expect(nav).toContain('Funnel');
    for (const hidden of ['Members', 'API keys', 'Settings', 'Audit log', 'Consent proof'])
      expect(nav).not.toContain(hidden);
    await analyst.click('nav[aria-label=Main] >> text=Funnel');
    await analyst.waitForSelector('.funnel-step');
    expect(await analyst.locator('.funnel-step').count()).toBe(5);
    // Analysts share, and edit the journey map.
    expect(await analyst.locator('button:has-text("Share")').count()).toBe(1);
    await analyst.click('nav[aria-label=Main] >> text=Journey map');
    await analyst.waitForSelector('button:has-text("Edit the map")');

    // The server agrees: the members list is refused to an analyst.
    const members = await analyst.request.get(
      `${server.origin}/trpc/members.list?input=${encodeURIComponent(JSON.stringify({ projectId: server.project.projectId }))}`,
    );
    expect(members.status()).toBe(403);
    // The invitation was spent.
    await ownerPage.reload();
    await ownerPage.waitForSelector('table >> text=Ana');
    expect(await ownerPage.locator('text=Pending invitations').count()).toBe(0);
  }, 90_000);

  it('shows a viewer the journey map without its editor, and the API refuses the viewer’s edit', async () => {
    const viewer = await openFreshPage();
    await signInThroughForm(viewer, server.origin, server.users['viewer']!, projectHash('journey-map'));
    await viewer.waitForSelector('.stages');
    expect(await viewer.locator('button:has-text("Edit the map")').count()).toBe(0);
    expect(await viewer.locator('button:has-text("Share")').count()).toBe(0);

    const answer = await viewer.evaluate(async (projectId) => {
      const read = await fetch(
        `/trpc/journeys.journeyMap?input=${encodeURIComponent(JSON.stringify({ projectId }))}`,
      );
      const { result } = (await read.json()) as { result: { data: unknown } };
      // The browser sends the session cookie and its own Origin, as the app would.
      const write = await fetch('/trpc/journeys.setJourneyMap', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ projectId, stages: result.data }),
      });
      return { status: write.status, body: (await write.json()) as { error?: { data?: { code?: string } } } };
    }, server.project.projectId);
    expect(answer.status).toBe(403);
    expect(answer.body.error?.data?.code).toBe('FORBIDDEN');

    // The owner, though, has the editor.
    await ownerPage.goto(`${server.origin}/${projectHash('journey-map')}`);
    await ownerPage.waitForSelector('button:has-text("Edit the map")');
  }, 60_000);

  it('gives a privacy officer persons, the privacy pages and the audit log, and none of the journeys', async () => {
    const privacy = await openFreshPage();
    await signInThroughForm(privacy, server.origin, server.users['privacy']!);
    // Their home page is the first they may use.
    await privacy.waitForSelector('#person-id');
    const nav = await readNav(privacy);
    for (const title of ['Persons', 'Privacy', 'Audit log']) expect(nav).toContain(title);
    for (const hidden of ['Overview', 'Funnel', 'Paths', 'Journey map', 'Settings'])
      expect(nav).not.toContain(hidden);
    await privacy.click('nav[aria-label=Main] >> text=Privacy');
    await privacy.waitForSelector('h1:has-text("Consent settings")');
    await privacy.click('nav[aria-label=Privacy] >> text=Consent log');
    await privacy.waitForSelector('text=No consent decision was received yet.');
    // A shared link to a page the role may not use says so, instead of failing.
    await privacy.goto(`${server.origin}/${projectHash('funnel')}`);
    await privacy.waitForSelector('text=you cannot open this page');
  }, 60_000);

  it('opens a shared funnel with no account, showing no person id, until the owner revokes the link', async () => {
    await ownerPage.goto(`${server.origin}/${projectHash('funnel')}`);
    await ownerPage.waitForSelector('.funnel-step');
    await ownerPage.click('button:has-text("Share")');
    await ownerPage.selectOption('#share-funnel-days', '7');
    await ownerPage.click('button:has-text("Create link")');
    const shareUrl = await ownerPage.inputValue('#share-funnel-url');
    expect(shareUrl).toMatch(new RegExp(`^${server.origin}/#/share\\?token=`));

    const visitor = await openFreshPage();
    await visitor.goto(shareUrl);
    await visitor.waitForSelector('.funnel-step');
    expect(await visitor.locator('.funnel-step').count()).toBe(5);
    expect(await visitor.context().cookies()).toEqual([]);
    const text = await visitor.locator('body').innerText();
    expect(text).toContain('Shop');
    expect(text).toContain('dropped off');
    for (const id of server.personIds) expect(text, `the shared page shows ${id}`).not.toContain(id);
    // Aggregates only: no link to who dropped off, nothing leading into the app.
    expect(await visitor.locator('a').count()).toBe(0);
    expect(await visitor.locator('button, input, select, textarea').count()).toBe(0);
    expect(await visitor.locator('nav').count()).toBe(0);

    await ownerPage.goto(`${server.origin}/${projectHash('settings/shares')}`);
    await ownerPage.waitForSelector('.status-live');
    await ownerPage.click('button:has-text("Revoke")');
    await ownerPage.click('button:has-text("Yes, revoke")');
    await ownerPage.waitForSelector('.status-revoked');

    await visitor.reload();
    await visitor.waitForSelector('text=This link has expired or was revoked');
    expect(await visitor.locator('.funnel-step').count()).toBe(0);
  }, 90_000);

  it('records what happened in the audit log, which exports as CSV', async () => {
    await ownerPage.goto(`${server.origin}/${projectHash('audit')}?action=member.`);
    await ownerPage.waitForSelector('.audit-table');
    const table = await ownerPage.locator('.audit-table tbody').innerText();
    expect(table).toContain('member.invited');
    expect(table).toContain('member.joined');
    expect(table).not.toContain('share.created');

    const [download] = await Promise.all([
      ownerPage.waitForEvent('download'),
      ownerPage.click('button:has-text("Export CSV")'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^parcours-audit-.+\.csv$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(path, 'utf8');
    expect(csv.split('\n')[0]).toContain('action');
    expect(csv).toContain('member.invited');
    expect(csv).not.toContain('share.revoked');
  }, 60_000);

  // Issue 10: the audit log's cursor became an opaque string; the page hands it back.
  it('pages the audit log, 50 entries then the rest', async () => {
    for (let i = 0; i < 57; i++) {
      await server.store.appendAudit({
        projectId: server.project.projectId,
        actor: { kind: 'system', label: 'test' },
        action: 'test.paged',
        target: `entry-${i}`,
      });
    }
    await ownerPage.goto(`${server.origin}/${projectHash('audit')}?action=test.paged`);
    await ownerPage.waitForSelector('.audit-table');
    const rows = ownerPage.locator('.audit-table tbody tr');
    expect(await rows.count()).toBe(50);
    await ownerPage.click('button:has-text("Load 50 more")');
    await ownerPage.waitForFunction(() => document.querySelectorAll('.audit-table tbody tr').length === 57);
    const table = await ownerPage.locator('.audit-table tbody').innerText();
    // Newest first: the first entry written is the last row.
    expect(table.trim().split('\n').at(-1)).toContain('entry-0');
    expect(await ownerPage.locator('button:has-text("Load 50 more")').count()).toBe(0);
  }, 60_000);

  it('switches projects in the top bar, keeping the page, and opens the last one used from /', async () => {
    const blog = await server.store.createProject({
      name: 'Blog',
      ownerUserId: server.users['owner']!.userId,
    });
    await ownerPage.goto(`${server.origin}/${projectHash('paths')}`);
    // A new page load asks the server again which projects the owner has.
    await ownerPage.reload();
    await ownerPage.waitForSelector('#project-switcher');
    await ownerPage.selectOption('#project-switcher', blog.projectId);
    await ownerPage.waitForURL(`**/#/p/${blog.projectId}/paths`);
    await ownerPage.waitForSelector('h1:has-text("Paths")');
    await ownerPage.goto(`${server.origin}/`);
    await ownerPage.waitForURL(`**/#/p/${blog.projectId}`);
    // Its home page is its default dashboard (issue 12), which the owner of Shop may open too.
    await ownerPage.selectOption('#project-switcher', server.project.projectId);
    await ownerPage.waitForURL(`**/#/p/${server.project.projectId}/dashboards`);
  }, 60_000);

  it('lets the owner change a member’s role, remove them, rename a project and delete it', async () => {
    const ana = (await server.store.getUserByEmail('ana@example.com'))!;
    await ownerPage.goto(`${server.origin}/${projectHash('settings/members')}`);
    await ownerPage.selectOption(`#role-${ana.userId}`, 'viewer');
    await expect.poll(() => server.store.getRole(server.project.projectId, ana.userId)).toBe('viewer');
    await ownerPage.click('button:has-text("Remove Ana")');
    await ownerPage.click('button:has-text("Yes, remove")');
    await ownerPage.waitForSelector('table >> text=ana@example.com', { state: 'detached' });
    expect(await server.store.getRole(server.project.projectId, ana.userId)).toBeUndefined();
    // The last owner cannot be demoted: the server says why, the select shows the role kept.
    const olga = server.users['owner']!.userId;
    await ownerPage.selectOption(`#role-${olga}`, 'analyst');
    await ownerPage.waitForSelector('[role=alert] >> text=at least one owner');
    expect(await ownerPage.inputValue(`#role-${olga}`)).toBe('owner');

    const blog = (await server.store.getProjects()).find((p) => p.name === 'Blog')!;
    await ownerPage.goto(`${server.origin}/#/p/${blog.projectId}/settings/project`);
    await ownerPage.fill('#project-name', 'Blog archive');
    await ownerPage.click('button:has-text("Rename")');
    await ownerPage.waitForSelector('#project-switcher option:text-is("Blog archive")', {
      state: 'attached',
    });
    expect(await ownerPage.isDisabled('button:has-text("Delete the project")')).toBe(true);
    await ownerPage.fill('#delete-confirm', 'Blog archive');
    await ownerPage.click('button:has-text("Delete the project")');
    // The app opens the project left.
    await ownerPage.waitForURL(`**/#/p/${server.project.projectId}`);
    expect(await server.store.getProject(blog.projectId)).toBeUndefined();
    expect(await ownerPage.locator('#project-switcher').count()).toBe(0);
  }, 60_000);

  it('lets the owner require signed identities, copy the identity secret and rotate it', async () => {
    const { projectId } = server.project;
    await ownerPage.goto(`${server.origin}/${projectHash('settings/project')}`);
    const secret = await ownerPage.locator('#identity-secret').inputValue();
    expect(secret).toBe((await server.store.getIdentitySettings(projectId)).identitySecret);
    expect(await ownerPage.inputValue('#user-hash-snippet')).toContain("createHmac('sha256'");
    await ownerPage.check('text=Require signed identities');
    await ownerPage.waitForSelector('[role=status] >> text=Signed identities are required.');
    expect((await server.store.getIdentitySettings(projectId)).requireSignedIdentities).toBe(true);
    await ownerPage.click('button:has-text("Rotate the secret")');
    await ownerPage.click('button:has-text("Yes, rotate the secret")');
    await ownerPage.waitForSelector('[role=status] >> text=A new identity secret is in use.');
    const rotated = (await server.store.getIdentitySettings(projectId)).identitySecret;
    expect(rotated).not.toBe(secret);
    expect(await ownerPage.locator('#identity-secret').inputValue()).toBe(rotated);
    // A claim without a signature is stored, shown as such, and joins the device to nobody.
    const collected = await fetch(`${server.origin}/trpc/collect`, {
      method: 'POST',
      body: JSON.stringify({
        writeKey: server.project.writeKey,
        batch: [
          {
            id: 'claim-1',
            type: 'identify',
            name: 'identify',
            anonymousId: 'intruder',
            userId: 'bob',
            timestamp: Date.now(),
          },
        ],
      }),
    });
    expect(collected.status).toBe(200);
    await ownerPage.goto(`${server.origin}/${projectHash('person')}?anonymousId=intruder`);
    await ownerPage.waitForSelector('text=unsigned user id bob');
    expect(
      (await server.store.getPersonTimeline(projectId, { anonymousId: 'intruder' }))?.person.userIds,
    ).toEqual([]);
    await ownerPage.goto(`${server.origin}/${projectHash('settings/project')}`);
    await ownerPage.uncheck('text=Require signed identities');
    await ownerPage.waitForSelector('[role=status] >> text=Every user id is trusted.');
    expect((await server.store.getIdentitySettings(projectId)).requireSignedIdentities).toBe(false);
  }, 60_000);

  it('signs out: the session ends on the server, and the app shows the sign-in form', async () => {
    await ownerPage.goto(`${server.origin}/${projectHash('overview')}`);
    await ownerPage.waitForSelector('.kpis');
    const session = (await ownerPage.context().cookies()).find((c) => c.name === 'parcours_session');
    expect(session).toBeDefined();
    await ownerPage.click('button:has-text("Sign out")');
    await ownerPage.waitForSelector('#sign-in-email');
    // The old cookie, replayed from elsewhere, no longer opens anything.
    const me = await fetch(`${server.origin}/trpc/auth.me`, {
      headers: { cookie: `parcours_session=${session!.value}` },
    });
    expect(me.status).toBe(401);
  }, 60_000);

  // Last: the throttle also counts failures per address, and every test signs in from 127.0.0.1.
  it('tells how long to wait after too many failed sign-ins', async () => {
    const page = await openFreshPage();
    await page.goto(`${server.origin}/`);
    await page.fill('#sign-in-email', 'victor@example.com');
    let message = '';
    for (let attempt = 0; attempt < 8 && !message.startsWith('Too many'); attempt++) {
      await page.fill('#sign-in-password', `wrong password ${attempt}`);
      await Promise.all([
        page.waitForResponse((response) => response.url().includes('/trpc/auth.signIn')),
        page.click('button[type=submit]'),
      ]);
      await page.waitForSelector('button[type=submit]:not([disabled])');
      message = (await page.locator('[role=alert]').innerText()).trim();
    }
    expect(message).toMatch(/^Too many attempts: try again in \d+ minutes\.$/);
  }, 60_000);
});

describe('the first account of a fresh instance', () => {
  let fresh: AccountsServer | undefined;
  afterAll(() => fresh?.stop());

  it('is set up with the link `parcours start` prints: email, name and password, then the projects', async () => {
    fresh = await startAccountsServer({});
    // What `parcours start` does while the database has no user.
    const { token } = await fresh.store.createInvitation({ email: '', ttlMs: 86_400_000 });
    const page = await openFreshPage();
    await page.goto(`${fresh.origin}/#/invitation?token=${token}`);
    await page.waitForSelector('h1:has-text("Set up Parcours")');
    expect(await page.getAttribute('#invitation-email', 'readonly')).toBeNull();
    await page.fill('#invitation-email', 'admin@example.com');
    await page.fill('#invitation-name', 'Ada');
    await page.fill('#invitation-password', 'the first passphrase');
    await page.click('button[type=submit]');
    await page.waitForSelector('nav[aria-label=Main]');
    // The administrator owns every project.
    expect(await readNav(page)).toContain('Settings');
    expect(await page.locator('header').innerText()).toContain('Shop');

    // The link works once.
    const again = await openFreshPage();
    await again.goto(`${fresh.origin}/#/invitation?token=${token}`);
    await again.waitForSelector('text=This invitation link has expired, was revoked or was already used.');
  }, 60_000);
});

describe('under the Content-Security-Policy', () => {
  it('ran every page above without a single violation', () => {
    expect(contexts.length).toBeGreaterThan(3);
    expect(cspReports).toEqual([]);
  });
});
