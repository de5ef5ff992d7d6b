import type { Browser, Page } from 'playwright-core';
import { verifyWebhookSignature, type WebhookBody } from '@parcours/api';
import { startWebhookReceiver, type WebhookReceiver } from '@parcours/server';
import type { FunnelDropoffQuery } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 12, item 4: an owner adds a webhook destination (its secret shown once), sends
// a funnel step's drop-off list from the Funnel page, and the receiver (on loopback)
// gets exactly those persons, signed; the delivery log shows the attempt. Chromium
// against the real server; axe at 1440 and 390 px on the Webhooks page.
let server: AccountsServer;
let browser: Browser;
let receiver: WebhookReceiver;
const cspReports: string[] = [];

beforeAll(async () => {
  [server, browser, receiver] = await Promise.all([
    startAccountsServer({ owner: 'wendy@example.com' }, { webhooks: { baseDelayMs: 200, pollMs: 100 } }),
    launchChromium(),
    startWebhookReceiver(),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.stop();
});

const openWebhooks = (width: number) =>
  openFromNav(browser, {
    origin: server.origin,
    user: server.users['owner']!,
    width,
    link: 'Webhooks',
    cspReports,
  });

/** Adds a destination through the form; answers the secret the page showed once. */
async function addDestination(page: Page, name: string): Promise<string> {
  await page.fill('#webhook-name', name);
  await page.fill('#webhook-url', receiver.url);
  await page.click('button:has-text("Add destination")');
  const secret = await page.locator('#new-webhook-secret').inputValue();
  return secret;
}

describe('webhooks in Chromium', () => {
  it('sends a drop-off list from the Funnel page: the receiver gets those persons, signed, and the log shows it', async () => {
    const { page, close } = await openWebhooks(1440);
    const secret = await addDestination(page, 'CRM');
    expect(secret).toMatch(/^whsec_/);
    await page.click('button:has-text("I have copied it")');
    await page.waitForSelector('table:has(caption:has-text("Webhook destinations")) th:has-text("CRM")');
    expect(await page.locator('main').innerText()).not.toContain(secret);

    await page.click('nav[aria-label=Main] >> text=Funnel');
    await page.click('.funnel-dropoff a >> nth=0');
    await page.waitForSelector('#dropoff-heading');
    await page.click('summary:has-text("to a webhook")');
    await page.check('text=device ids');
    const sendRequest = page.waitForRequest((r) => r.url().includes('webhooks.send'));
    await page.click('.send-webhook button:has-text("Send")');
    const sent = JSON.parse((await sendRequest).postData()!) as Record<string, any>;
    const { query, ids } = (sent['0'] ?? sent) as { query: Omit<FunnelDropoffQuery, 'limit'>; ids: string[] };
    expect(ids.sort()).toEqual(['anonymousIds', 'userIds']);
    await page.waitForSelector('.send-webhook [role=status]:has-text("Queued")');

    const [request] = await receiver.waitFor(1);
    const header = String(request!.headers['parcours-signature']);
    expect(verifyWebhookSignature(secret, request!.body, header)).toBe(true);
    const body = JSON.parse(request!.body) as WebhookBody;
    const expected = await server.store.getFunnelDropoffs(server.project.projectId, { ...query, limit: 200 });
    expect(expected.persons.length).toBeGreaterThan(0);
    expect(body.persons).toEqual(
      expect.arrayContaining(
        expected.persons.map((p) => ({
          personId: p.personId,
          anonymousIds: p.anonymousIds,
          userIds: p.userIds,
        })),
      ),
    );
    expect(body.persons).toHaveLength(expected.persons.length);
    expect(await page.locator('.send-webhook [role=status]').innerText()).toContain(
      `Queued ${expected.persons.length} persons`,
    );

    await page.click('nav[aria-label=Main] >> text=Webhooks');
    await page.click('button:has-text("Delivery log")');
    await page.waitForSelector('#delivery-log-heading ~ * .status-delivered');
    expect(await page.locator('.attempts li').allInnerTexts()).toEqual([expect.stringMatching(/ 200$/)]);
    await close();
  }, 90_000);
});

describe.each([1440, 390])('the Webhooks page at %i px', (width) => {
  it('has no axe violation with a new secret shown, the list and a delivery log open, and no sideways scroll', async () => {
    const { page, close } = await openWebhooks(width);
    await addDestination(page, `Mailer ${width}`);
    await page.waitForSelector(`th:has-text("Mailer ${width}")`);
    await page.click('button:has-text("Delivery log") >> nth=0');
    await page.waitForSelector('#delivery-log-heading');
    const violations = await findViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await close();
  }, 60_000);
});

it('loaded every page without a Content-Security-Policy report', () => {
  expect(cspReports).toEqual([]);
});
