import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '@parcours/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav } from './support/dashboard.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 12, item 3: each table's "Download CSV" saves the file of the query the table
// sent, and its rows are the rows on screen. Chromium against the real server.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'xavier@example.com' }),
    launchChromium(),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (link: string) =>
  openFromNav(browser, {
    origin: server.origin,
    user: server.users['owner']!,
    width: 1440,
    link,
    cspReports,
  });

/** Clicks the Download CSV button of `what` and answers the saved file's records, header first. */
async function downloadCsv(page: Page, what: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`button:has-text("Download CSV"):has-text("${what}")`),
  ]);
  expect(download.suggestedFilename()).toMatch(/^parcours-.+\.csv$/);
  return parseCsv(await readFile(await download.path(), 'utf8'));
}

describe('CSV downloads in Chromium', () => {
  it("saves the funnel's steps and a drop-off list as the page shows them", async () => {
    const { page, close } = await open('Funnel');
    await page.waitForSelector('.funnel-count');
    const [header, ...steps] = await downloadCsv(page, 'funnel steps');
    expect(header?.slice(0, 3)).toEqual(['step', 'touchpoint', 'persons']);
    const shownCounts = await page
      .locator('.funnel-count > strong:first-child')
      .allInnerTexts()
      .then((texts) => texts.map((text) => text.replace(/\D/g, '')));
    expect(steps.map((row) => row[2])).toEqual(shownCounts);
    expect(steps.length).toBe(5);

    await page.click('.funnel-dropoff a >> nth=0');
    await page.waitForSelector(
      '#dropoff-heading ~ * tbody tr, section[aria-labelledby=dropoff-heading] tbody tr',
    );
    const [, ...dropoffs] = await downloadCsv(page, 'drop-off list');
    const shownIds = await page
      .locator('section[aria-labelledby=dropoff-heading] tbody tr td:first-child a.id')
      .allInnerTexts();
    expect(dropoffs.map((row) => row[0])).toEqual(shownIds);
    expect(dropoffs.length).toBeGreaterThan(0);
    const { entries } = await server.store.getAuditLog(server.project.projectId, {
      limit: 5,
      action: 'export.',
    });
    expect(entries[0]).toMatchObject({ action: 'export.dropoffs', actor: { label: 'xavier@example.com' } });
    await close();
  }, 90_000);

  it('saves the persons list and the paths in the order the page lists them', async () => {
    const { page, close } = await open('Persons');
    await page.waitForSelector('.data-table tbody tr');
    const [, ...persons] = await downloadCsv(page, 'persons list');
    const shownPersons = await page.locator('.data-table tbody tr th[scope=row] a').allInnerTexts();
    expect(persons.map((row) => row[0])).toEqual(shownPersons);
    expect(persons.length).toBe(10);

    await page.click('nav[aria-label=Main] >> text=Paths');
    await page.waitForSelector('.path-row');
    const [, ...paths] = await downloadCsv(page, 'paths');
    const shownCounts = await page.locator('.path-count strong').allInnerTexts();
    expect(paths.map((row) => row[2])).toEqual(shownCounts.map((text) => text.replace(/\D/g, '')));
    expect(paths.length).toBeGreaterThan(1);
    await close();
  }, 90_000);
});

it('loaded every page without a Content-Security-Policy report', () => {
  expect(cspReports).toEqual([]);
});
