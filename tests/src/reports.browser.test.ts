import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createSolidPng, readPdfPagePixels, readPdfText } from '@parcours/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 12, item 3: an owner brands the reports in Project settings (a logo uploaded,
// a title), then prints the Overview's PDF report: page 1, turned into pixels with
// pdftoppm, shows the logo; its text shows the title and the Overview's figures for the
// range the page asked. Chromium against the real server; axe at 1440 and 390 px.
let server: AccountsServer;
let browser: Browser;
let dir: string;
const cspReports: string[] = [];
const LOGO_RGB = [212, 20, 90] as const;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-report-e2e-'));
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'zoe@example.com' }),
    launchChromium(),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const open = (link: string, width = 1440) =>
  openFromNav(browser, { origin: server.origin, user: server.users['owner']!, width, link, cspReports });

describe('the branded PDF report in Chromium', () => {
  it('prints the Overview in the brand set in Project settings, with its figures', async () => {
    const { page, close } = await open('Settings');
    await page.waitForSelector('#brand-title');
    const logoPath = join(dir, 'logo.png');
    writeFileSync(logoPath, createSolidPng(48, LOGO_RGB));
    await page.setInputFiles('#brand-logo', logoPath);
    await page.waitForSelector('img.brand-logo');
    await page.fill('#brand-title', 'Zoe’s shop, weekly');
    await page.click('button:has-text("Save the brand")');
    await page.waitForSelector('#brand-heading ~ form [role=status]:has-text("Saved.")');

    await page.click('nav[aria-label=Main] >> text=Overview');
    await page.waitForSelector('figure.chart');
    const overviewRequest = page.waitForRequest((r) => r.url().includes('reports.pdf'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("PDF report")'),
    ]);
    const batch = JSON.parse(new URL((await overviewRequest).url()).searchParams.get('input')!) as Record<
      string,
      { from: number; to: number }
    >;
    const { from, to } = batch['0']!;
    expect(download.suggestedFilename()).toMatch(/^parcours-report-.+\.pdf$/);
    const pdfPath = join(dir, 'report.pdf');
    await download.saveAs(pdfPath);

    const { width, rgb } = readPdfPagePixels(pdfPath);
    const perMm = width / 210;
    let logoPixels = 0;
    for (let y = Math.round(14 * perMm); y < 58 * perMm; y++) {
      for (let x = Math.round(14 * perMm); x < 58 * perMm; x++) {
        const at = (y * width + x) * 3;
        if (LOGO_RGB.every((c, i) => Math.abs(rgb[at + i]! - c) <= 12)) logoPixels++;
      }
    }
    expect(logoPixels).toBeGreaterThan(0.8 * (40 * perMm) ** 2);

    const text = readPdfText(pdfPath).replace(/\n\s*\n/g, '\n');
    expect(text).toContain('Zoe’s shop, weekly');
    const overview = await server.store.getOverview(server.project.projectId, { from, to });
    expect(overview.totals.events).toBeGreaterThan(0);
    expect(text).toContain(
      `${overview.totals.events}\n${overview.totals.persons}\n${overview.totals.conversions}\n`,
    );
    // The page's own figure for the range is the report's.
    expect(await page.locator('main').innerText()).toContain(String(overview.totals.events));
    await close();
  }, 90_000);
});

describe.each([1440, 390])('Project settings with the brand form at %i px', (width) => {
  it('has no axe violation and no sideways scroll', async () => {
    const { page, close } = await open('Settings', width);
    await page.waitForSelector('#brand-title');
    const violations = await findViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await close();
  }, 60_000);
});

it('loaded every page without a Content-Security-Policy report', () => {
  expect(cspReports).toEqual([]);
});
