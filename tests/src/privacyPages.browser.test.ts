import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, watchCsp } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 8: a privacy officer edits the consent settings and publishes them, in Chromium,
// on the real server with a real SQLite file; the settings page passes axe-core at 1440 px
// and 390 px with no sideways overflow. (The log and analytics pages wait for the ledger
// procedures; see the report.)
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ privacy: 'pia@example.com' }),
    launchChromium(),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('privacy pages', () => {
  it('a privacy officer edits a text and publishes: version 2 is listed and the diff shows the change', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    watchCsp(page, cspReports);
    const hash = `#/p/${server.project.projectId}/consent`;
    await signInThroughForm(page, server.origin, server.users['privacy']!, hash);
    await page.waitForSelector('#consent-texts-en-title');
    await page.fill('#consent-texts-en-title', 'Your privacy, your choice');
    await page.click('button:has-text("Publish as version 2")');
    await page.waitForSelector('text=Published version 2');
    await page.waitForSelector('.diff-after:has-text("Your privacy, your choice")');
    const config = await page.evaluate(async (projectId) => {
      const input = encodeURIComponent(JSON.stringify({ projectId }));
      const response = await fetch(`/trpc/privacy.consentConfig?input=${input}`);
      return ((await response.json()) as { result: { data: { policyVersion: number } } }).result.data;
    }, server.project.projectId);
    expect(config.policyVersion).toBe(2);
    await context.close();
  }, 60_000);

  it.each([1440, 390])(
    'the consent settings page has no axe violation at %i px',
    async (width) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      watchCsp(page, cspReports);
      await signInThroughForm(
        page,
        server.origin,
        server.users['privacy']!,
        `#/p/${server.project.projectId}/consent`,
      );
      await page.waitForSelector('#consent-texts-en-title');
      await page.waitForSelector('#consent-versions-heading');
      const violations = await findViolations(page);
      await context.close();
      expect(violations, violations.join('\n')).toEqual([]);
    },
    60_000,
  );

  it('loaded every page without a CSP violation report', () => {
    expect(cspReports).toEqual([]);
  });
});
