import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, watchCsp } from './support/dashboard.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 9 item 4, the acceptance: in Chromium, on the real server and a real SQLite
// file, a privacy officer handles an access request (the export downloaded, its
// digest attached) and an erasure request (the receipt attached, the person gone)
// from Privacy → Requests to "done"; and downloads a person's export from their page.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ privacy: 'pia@example.com' }),
    launchChromium(),
  ]);
  // One forgotten request, received 40 days ago: it must stand out.
  await server.store.createPrivacyRequest(server.project.projectId, {
    kind: 'objection',
    receivedOn: new Date(Date.now() - 40 * DAY).toISOString().slice(0, 10),
    userId: 'user-e2e-secret-9',
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Downloads what `click` starts; the file's text. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Records a request through the form; waits for its detail to show. */
async function recordRequest(page: Page, kind: string, userId: string, name: string): Promise<void> {
  await page.selectOption('#request-kind', kind);
  await page.fill('#request-name', name);
  await page.fill('#request-user-id', userId);
  await page.selectOption('#request-assignee', { label: 'Privacy (pia@example.com)' });
  await page.click('button:has-text("Record request")');
  await page.waitForSelector(`#request-heading:has-text("${kind === 'access' ? 'Access' : 'Erasure'}")`);
  await page.waitForSelector(`.request-detail dd:has-text("${name}")`);
  // The identity check comes first: nothing can be exported or erased before it.
  expect(await page.locator('button:has-text("Download export"), button:has-text("Erase")').count()).toBe(0);
  await page.selectOption('#request-verification', 'verified');
  await page.click('.request-actions button:has-text("Save")');
  await page.waitForSelector('.request-status:has-text("Verified")');
}

async function personStatus(page: Page, userId: string): Promise<number> {
  return page.evaluate(
    async ({ projectId, userId }) => {
      const input = encodeURIComponent(JSON.stringify({ projectId, userId }));
      return (await fetch(`/trpc/journeys.person?input=${input}`)).status;
    },
    { projectId: server.project.projectId, userId },
  );
}

describe('Privacy → Requests', () => {
  it('a privacy officer takes an access request and an erasure request to done', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    watchCsp(page, cspReports);
    await signInThroughForm(
      page,
      server.origin,
      server.users['privacy']!,
      `#/p/${server.project.projectId}/requests`,
    );
    await page.waitForSelector('.requests-table');
    expect(await page.locator('.requests-urgent').innerText()).toBe('1 overdue');
    await page.waitForSelector('.due-row-overdue .due-overdue:has-text("Overdue")');

    // Access: verified, the export downloaded (the bytes the server hashed), done.
    await recordRequest(page, 'access', 'user-e2e-secret-0', 'Nora Access');
    const file = await download(page, () => page.click('button:has-text("Download export")'));
    // Request ids are base64url: letters, digits, `-` and `_`.
    expect(file.name).toMatch(/^parcours-export-req_[\w-]+\.json$/);
    const document = JSON.parse(file.text) as {
      persons: Array<{ person: { userIds: string[] }; tables: Record<string, unknown[]> }>;
    };
    expect(document.persons.map((p) => p.person.userIds)).toEqual([['user-e2e-secret-0']]);
    expect(document.persons[0]!.tables['events']).toHaveLength(5);
    expect(document.persons[0]!.tables['privacy_requests']).toHaveLength(1);
    await page.waitForSelector('.request-status:has-text("In progress")');
    const sha256 = createHash('sha256').update(file.text).digest('hex');
    expect(await page.locator('.request-sha256').innerText()).toBe(sha256);
    await page.click('button:has-text("Mark done")');
    await page.waitForSelector('.request-status:has-text("Done")');
    expect(await page.locator('.request-sha256').innerText()).toBe(sha256);
    expect(await personStatus(page, 'user-e2e-secret-0')).toBe(200);

    // Erasure: verified, erased (asked twice), the receipt attached, the person gone.
    expect(await personStatus(page, 'user-e2e-secret-3')).toBe(200);
    await recordRequest(page, 'erasure', 'user-e2e-secret-3', 'Omar Erasure');
    await page.click('button:has-text("Erase and mark done")');
    await page.click('.confirm button.button-danger');
    await page.waitForSelector('.request-status:has-text("Done")');
    const receipt = page.locator('.receipt-table');
    expect(await receipt.locator('caption').innerText()).toBe('Rows removed per table');
    expect(await receipt.locator('tr:has(code:text-is("events")) td').innerText()).toBe('2');
    expect(await receipt.locator('tr:has(code:text-is("privacy_requests")) td').innerText()).toBe('1');
    // The request is kept as proof, without who asked.
    expect(await page.locator('.request-detail').innerText()).not.toContain('Omar Erasure');
    expect(await personStatus(page, 'user-e2e-secret-3')).toBe(404);

    // Both are done (newest closed first), with the officer as assignee.
    const requests = await server.store.listPrivacyRequests(server.project.projectId);
    const officer = server.users['privacy']!.userId;
    expect(requests.filter((r) => r.status === 'done').map((r) => [r.kind, r.assigneeId])).toEqual([
      ['erasure', officer],
      ['access', officer],
    ]);
    await context.close();
  }, 90_000);

  it("downloads a person's export from their page", async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    watchCsp(page, cspReports);
    await signInThroughForm(
      page,
      server.origin,
      server.users['privacy']!,
      `#/p/${server.project.projectId}/person?userId=user-e2e-secret-6`,
    );
    await page.waitForSelector('#person-heading');
    const file = await download(page, () => page.click('button:has-text("Download export (JSON)")'));
    const document = JSON.parse(file.text) as {
      person: { userIds: string[] };
      tables: Record<string, unknown[]>;
    };
    expect(file.name).toBe('parcours-person-user_user-e2e-secret-6.json');
    expect(document.person.userIds).toEqual(['user-e2e-secret-6']);
    expect(document.tables['events']).toHaveLength(4);
    await context.close();
  }, 60_000);

  it('loaded every page without a CSP violation report', () => {
    expect(cspReports).toEqual([]);
  });
});
