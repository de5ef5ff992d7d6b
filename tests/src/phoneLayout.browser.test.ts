import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchCsp } from './support/dashboard.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 11, item 9: every page of the dashboard works on a phone. At 390 px no page
// scrolls sideways (wide tables and charts scroll in their own region), and every text
// drawn in an SVG chart is at least 11 px on screen, in Chromium against the real server.

/** The smallest text a chart may draw, in CSS px as rendered (after any viewBox scaling). */
const MIN_CHART_TEXT_PX = 11;
const PHONE_WIDTH = 390;

/**
 * The dashboard's pages, read from its own list (apps/dashboard/src/pages.ts), so that
 * a new page is covered the day it is added. The module name is a variable so that tsc
 * does not type-check the dashboard's TSX under this package's settings.
 */
const PAGES_MODULE = '@parcours/dashboard/src/pages.js';
let pagePaths: string[];

/**
 * Pages worth a second visit with their details open (the plain visit shows a form or
 * a default view): a person's timeline, a funnel with its drop-offs listed, and two
 * paths flows side by side with a node's persons listed.
 */
const DETAILED = [
  'person?userId=user-e2e-secret-0',
  'funnel?step1=%2F&step2=Product+viewed&step3=Signed+up&window=1d&dropoff=2',
  'paths?vsFrom=2000-01-01&at=0&node=%2F',
];

let server: AccountsServer;
let browser: Browser;
let owner: BrowserContext;
const cspReports: string[] = [];

beforeAll(async () => {
  const { PAGES } = (await import(PAGES_MODULE)) as { PAGES: ReadonlyArray<{ path: string }> };
  pagePaths = PAGES.map((page) => page.path);
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'olga@example.com' }),
    launchChromium(),
  ]);
  owner = await browser.newContext({ viewport: { width: PHONE_WIDTH, height: 844 }, locale: 'en-US' });
  const signIn = await owner.request.post(`${server.origin}/trpc/auth.signIn`, {
    headers: { origin: server.origin },
    data: { email: server.users['owner']!.email, password: server.users['owner']!.password },
  });
  expect(signIn.status()).toBe(200);
}, 60_000);
afterAll(async () => {
  await owner?.close();
  await browser?.close();
  await server?.stop();
});

/** Opens a page of the project and waits for its title and for its loading notices to go. */
async function openPage(path: string): Promise<Page> {
  const page = await owner.newPage();
  page.setDefaultTimeout(20_000);
  watchCsp(page, cspReports);
  await page.goto(`${server.origin}/#/p/${server.project.projectId}/${path}`);
  await page.waitForSelector('main h1');
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('main [role=status]')).every((s) => !s.textContent?.includes('…')),
  );
  return page;
}

/** How wide the document is against the viewport. */
const readWidths = (page: Page) =>
  page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));

/**
 * Every SVG text with content, and its size on screen: the computed font size times the
 * scale the SVG's viewBox applies (a 1000-unit chart squeezed into 350 px draws 12 px
 * text at 4 px). Hidden texts (no box) are left out.
 */
const readChartTexts = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<SVGTextElement>('svg text'))
      .filter((text) => (text.textContent ?? '').trim() !== '' && text.getClientRects().length > 0)
      .map((text) => {
        const matrix = text.getScreenCTM();
        const scale = matrix === null ? 1 : Math.hypot(matrix.a, matrix.b);
        return {
          text: (text.textContent ?? '').trim().slice(0, 40),
          px: Math.round(parseFloat(getComputedStyle(text).fontSize) * scale * 10) / 10,
        };
      }),
  );

describe(`every dashboard page at ${PHONE_WIDTH} px`, () => {
  it('lists the pages from the dashboard itself', () => {
    expect(pagePaths).toContain('overview');
    expect(pagePaths).toContain('paths');
    expect(pagePaths.length).toBeGreaterThan(10);
  });

  it('scrolls no page sideways, and draws no chart text under 11 px', async () => {
    const failures: string[] = [];
    let charted = 0;
    for (const path of [...pagePaths, ...DETAILED]) {
      const page = await openPage(path);
      const widths = await readWidths(page);
      if (widths.document > widths.viewport) {
        failures.push(`${path}: ${widths.document} px wide in ${widths.viewport} px`);
      }
      const texts = await readChartTexts(page);
      if (texts.length > 0) charted++;
      for (const { text, px } of texts) {
        if (px < MIN_CHART_TEXT_PX) failures.push(`${path}: "${text}" at ${px} px`);
      }
      await page.close();
    }
    expect(failures, failures.join('\n')).toEqual([]);
    // Overview, paths, journey map, retention at least draw charts: the size check ran on them.
    expect(charted).toBeGreaterThanOrEqual(3);
  }, 240_000);

  it('loaded every page without a Content-Security-Policy report', () => {
    expect(cspReports).toEqual([]);
  });
});
