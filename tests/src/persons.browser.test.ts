import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, watchCsp } from './support/dashboard.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 11, item 1: the Persons page lists persons, searches them by id prefix and by
// property value, and opens a person's page with their profile, in Chromium, against
// the real server and its SQLite file.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'olga@example.com', privacy: 'paul@example.com' }),
    launchChromium(),
  ]);
  // Traits for one of the ten seeded persons: an old plan, then the current one.
  const now = Date.now();
  await server.store.insertEvents(server.project.projectId, [
    {
      id: 'persons-e2e-1',
      type: 'identify',
      name: 'identify',
      anonymousId: 'anon-e2e-secret-3',
      userId: 'user-e2e-secret-3',
      timestamp: now - 7_200_000,
      properties: { plan: 'free', persona: 'Weekend hiker' },
    },
    {
      id: 'persons-e2e-2',
      type: 'identify',
      name: 'identify',
      anonymousId: 'anon-e2e-secret-3',
      userId: 'user-e2e-secret-3',
      timestamp: now - 3_600_000,
      properties: { plan: 'pro' },
    },
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The person ids the list shows, in order. */
const listedIds = (page: Page) => page.locator('.data-table tbody th a.id').allInnerTexts();

describe('the Persons page in Chromium', () => {
  it('lists persons, searches by id prefix and by trait, and opens a person with their profile', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    watchCsp(page, cspReports);
    await signInThroughForm(page, server.origin, server.users['owner']!);
    await page.click('nav >> text=Persons');
    // The overview has tables too: wait for the Persons page's own table, the one whose
    // rows link to persons, not for any table (that raced the lazy page's chunk in CI).
    await page.waitForSelector('form[aria-label="Search persons"]');
    await page.waitForSelector('.data-table tbody th a.id');
    expect(await page.textContent('main [role=status]')).toContain('10 persons');
    // Last seen first: the seeded persons started an hour apart, person 0 last.
    const all = await listedIds(page);
    expect(all[0]).toBe('user:user-e2e-secret-0');
    expect(all).toHaveLength(10);

    await page.fill('#persons-q', 'user:user-e2e');
    await page.click('form[aria-label="Search persons"] button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('.data-table tbody tr').length === 4);
    expect(await listedIds(page)).toEqual([0, 3, 6, 9].map((n) => `user:user-e2e-secret-${n}`));
    expect(page.url()).toContain('q=user%3Auser-e2e');

    await page.fill('#persons-q', '');
    await page.fill('#persons-property', 'plan');
    await page.fill('#persons-value', 'pro');
    await page.click('form[aria-label="Search persons"] button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('.data-table tbody tr').length === 1);
    expect(await listedIds(page)).toEqual(['user:user-e2e-secret-3']);

    await page.click('.data-table tbody th a.id');
    await page.waitForSelector('#profile-heading');
    const profile = await page.locator('section[aria-labelledby=profile-heading]').innerText();
    expect(profile).toContain('plan');
    expect(profile).toContain('pro');
    expect(profile).toContain('Weekend hiker');
    expect(profile).not.toContain('free');
    // The identity graph: the device joined to the user, by its first event carrying the id.
    expect(profile).toContain('anon-e2e-secret-3 → user-e2e-secret-3');
    // The timeline is there too, and the way back to the search.
    await page.waitForSelector('text=Product viewed');
    await page.click('text=← All persons');
    await page.waitForSelector('.data-table tbody th a.id');
    await page.close();
  }, 90_000);

  it('gives a privacy officer the lookup by id, not the list', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signInThroughForm(page, server.origin, server.users['privacy']!);
    await page.click('nav >> text=Persons');
    await page.waitForSelector('#person-id');
    expect(await page.locator('.data-table').count()).toBe(0);
    await context.close();
  }, 60_000);

  it('un-merges a device joined to a user by mistake, from the person page', async () => {
    const { projectId } = server.project;
    const now = Date.now();
    await server.store.insertEvents(projectId, [
      {
        id: 'unmerge-1',
        type: 'track',
        name: 'Signed in',
        anonymousId: 'own-laptop',
        userId: 'ines',
        timestamp: now - 600_000,
      },
      {
        id: 'unmerge-2',
        type: 'track',
        name: 'Signed in',
        anonymousId: 'shop-kiosk',
        userId: 'ines',
        timestamp: now - 300_000,
      },
      {
        id: 'unmerge-3',
        type: 'track',
        name: 'Product viewed',
        anonymousId: 'shop-kiosk',
        timestamp: now - 200_000,
      },
    ]);
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    watchCsp(page, cspReports);
    await signInThroughForm(
      page,
      server.origin,
      server.users['owner']!,
      `#/p/${projectId}/person?userId=ines`,
    );
    const links = page.locator('ul[aria-label="How each device joined the user"] li');
    await links.nth(1).waitFor();
    expect(await links.count()).toBe(2);
    await links.filter({ hasText: 'shop-kiosk' }).locator('button:has-text("Unlink")').click();
    await page.click('button:has-text("Yes, unlink")');
    await page.waitForFunction(
      () => document.querySelectorAll('ul[aria-label="How each device joined the user"] li').length === 1,
    );
    expect(await links.innerText()).toContain('own-laptop');
    const ines = await server.store.getPersonTimeline(projectId, { userId: 'ines' });
    expect(ines?.person.anonymousIds).toEqual(['own-laptop']);
    const kiosk = await server.store.getPersonTimeline(projectId, { anonymousId: 'shop-kiosk' });
    expect(kiosk?.events.map((e) => e.name)).toEqual(['Signed in', 'Product viewed']);
    const audit = await server.store.getAuditLog(projectId, { limit: 5, action: 'person.unlinked' });
    expect(audit.entries.map((e) => [e.action, e.detail])).toEqual([['person.unlinked', { events: 1 }]]);
    // The audit entry names no person: it outlives an erasure.
    expect(JSON.stringify(audit.entries)).not.toMatch(/ines|shop-kiosk/);
    await context.close();
  }, 60_000);

  it('loaded every page without a CSP violation', () => {
    expect(cspReports).toEqual([]);
  });
});
