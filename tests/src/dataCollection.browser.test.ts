import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, watchCsp } from './support/dashboard.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 9, "collect the minimum": a privacy officer changes what the collector keeps on
// Privacy → Data collection, in Chromium on the real server, and the next batch is
// stored accordingly.
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

describe('Privacy → Data collection', () => {
  it('the privacy officer keeps ref, exempts supportEmail and saves; the next batch follows', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    watchCsp(page, cspReports);
    await signInThroughForm(
      page,
      server.origin,
      server.users['privacy']!,
      `#/p/${server.project.projectId}/collection`,
    );
    await page.waitForSelector('#query-allow-list');
    expect(await page.inputValue('#query-allow-list')).toBe('utm_*');
    expect(await page.isChecked('text=Redact personal data in property values')).toBe(true);
    await page.fill('#query-allow-list', 'utm_*\nref');
    await page.fill('#pii-exempt', 'supportEmail');
    await page.click('button:has-text("Save")');
    await page.waitForSelector('text=Saved: the collector applies these settings');
    await context.close();

    expect(await server.store.getCollectionSettings(server.project.projectId)).toEqual({
      queryAllowList: ['utm_*', 'ref'],
      redactPii: true,
      piiExemptProperties: ['supportEmail'],
    });
    const response = await fetch(`${server.origin}/trpc/collect`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({
        writeKey: server.project.writeKey,
        batch: [
          {
            id: 'dc-1',
            type: 'page',
            name: '/landing',
            anonymousId: 'anon-data-collection',
            timestamp: Date.now(),
            properties: { supportEmail: 'help@shop.example', customer: 'fay@example.net' },
            context: { url: `${server.origin}/landing?ref=partner&token=t0k3n&utm_source=mail` },
          },
        ],
      }),
    });
    expect(response.status).toBe(200);
    const timeline = await server.store.getPersonTimeline(server.project.projectId, {
      anonymousId: 'anon-data-collection',
    });
    expect(timeline?.events[0]?.properties).toEqual({
      supportEmail: 'help@shop.example',
      customer: '[email]',
    });
    expect(timeline?.events[0]?.context?.url).toBe(`${server.origin}/landing?ref=partner&utm_source=mail`);
    const audit = await server.store.getAuditLog(server.project.projectId, {
      limit: 5,
      action: 'privacy.collectionSettingsChanged',
    });
    expect(audit.entries.map((entry) => entry.actor.label)).toEqual(['pia@example.com']);
    expect(cspReports).toEqual([]);
  }, 60_000);
});
