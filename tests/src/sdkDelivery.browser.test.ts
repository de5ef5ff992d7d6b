import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './support/startE2E.js';
import type { Collector } from './support/startCollector.js';
import { waitFor } from './support/waitFor.js';

// Issue 3: the SDK in Chromium against the real collector, the page on another origin.
let e2e: E2E;
let browser: Browser;
let collector: Collector;
let site: E2E['site'];

beforeAll(async () => {
  e2e = await startE2E();
  ({ browser, collector, site } = e2e);
});
afterAll(() => e2e?.stop());

const exampleUrl = () =>
  `${site.origin}/script-tag/index.html?host=${encodeURIComponent(collector.origin)}&writeKey=${collector.project.writeKey}`;

async function openExample(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(exampleUrl());
  await page.waitForFunction(() => typeof (window as any).parcours?.consent?.get === 'function');
  return page;
}

function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${collector.origin}/trpc/`)) requests.push(request);
  });
  return requests;
}

async function timelineOf(userId: string): Promise<Array<{ id: string; name: string; type: string }>> {
  try {
    return (await collector.query('person', { userId })).events;
  } catch {
    return [];
  }
}

/** Polls the read API until `done` holds; fails with what it last saw. */
const waitForTimeline = (userId: string, done: (events: Awaited<ReturnType<typeof timelineOf>>) => boolean) =>
  waitFor(`the timeline of ${userId}`, () => timelineOf(userId), done);

const grantAndIdentify = (page: Page, userId: string) =>
  page.evaluate((id) => {
    const parcours = (window as any).parcours;
    parcours.consent.grant(['analytics']);
    parcours.identify(id);
  }, userId);

describe('SDK delivery in Chromium', () => {
  it('delivers all 30 events tracked right before navigating away', async () => {
    const context = await browser.newContext();
    const page = await openExample(context);
    await grantAndIdentify(page, 'leaver');
    await page.evaluate(() => {
      for (let i = 0; i < 30; i++) (window as any).parcours.track(`Item ${i}`, { i });
    });
    await page.goto('about:blank');
    const events = await waitForTimeline(
      'leaver',
      (e) => e.filter((x) => x.name.startsWith('Item ')).length >= 30,
    );
    const items = events.filter((e) => e.name.startsWith('Item '));
    expect(new Set(items.map((e) => e.name)).size).toBe(30);
    expect(items).toHaveLength(30);
    await context.close();
  });

  it('delivers events tracked offline on the next visit, each once', async () => {
    const context = await browser.newContext();
    const page = await openExample(context);
    await grantAndIdentify(page, 'traveller');
    await page.evaluate(() => (window as any).parcours.flush());
    await context.setOffline(true);
    await page.evaluate(() => {
      for (let i = 0; i < 5; i++) (window as any).parcours.track(`Offline ${i}`);
    });
    await page.close({ runBeforeUnload: false });
    await context.setOffline(false);

    const again = await openExample(context);
    const events = await waitForTimeline(
      'traveller',
      (e) => e.filter((x) => x.name.startsWith('Offline ')).length >= 5,
    );
    // Let any duplicate delivery land before counting.
    await again.evaluate(() => (window as any).parcours.flush());
    await new Promise((resolve) => setTimeout(resolve, 500));
    const offline = (await timelineOf('traveller')).filter((e) => e.name.startsWith('Offline '));
    expect(offline.map((e) => e.name).sort()).toEqual([
      'Offline 0',
      'Offline 1',
      'Offline 2',
      'Offline 3',
      'Offline 4',
    ]);
    expect(events.length).toBeGreaterThan(0);
    await context.close();
  });

  it('records a page view on history.pushState', async () => {
    const context = await browser.newContext();
    const page = await openExample(context);
    await grantAndIdentify(page, 'navigator');
    await page.evaluate(() => history.pushState({}, '', '/script-tag/checkout'));
    await page.evaluate(() => (window as any).parcours.flush());
    const events = await waitForTimeline('navigator', (e) =>
      e.some((x) => x.type === 'page' && x.name.includes('/script-tag/checkout')),
    );
    expect(events.filter((e) => e.type === 'page').length).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('after withdrawal keeps nothing identifying on the device and sends no more events', async () => {
    const context = await browser.newContext();
    const page = await openExample(context);
    const requests = recordRequests(page);
    await grantAndIdentify(page, 'withdrawer');
    await page.evaluate(() => (window as any).parcours.track('Before withdrawal'));
    await page.evaluate(() => (window as any).parcours.flush());
    const [stored] = await waitForTimeline('withdrawer', (e) =>
      e.some((x) => x.name === 'Before withdrawal'),
    );
    const { person } = await collector.query('person', { userId: 'withdrawer' });
    const anonymousId: string = person.anonymousIds[0];
    expect(stored).toBeDefined();

    await page.click('#refuse');
    const sentBefore = requests.length;
    await page.evaluate(() => {
      (window as any).parcours.track('After withdrawal');
      (window as any).parcours.page();
      return (window as any).parcours.flush();
    });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

    const after = requests.slice(sentBefore);
    expect(after.filter((r) => !r.url().endsWith('/trpc/consent')).map((r) => r.url())).toEqual([]);
    for (const proof of after) {
      expect(proof.postData()).not.toContain(anonymousId);
      expect(proof.postData()).not.toContain('withdrawer');
    }
    const device = await page.evaluate(() => ({
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
      cookie: document.cookie,
    }));
    expect(JSON.stringify(device)).not.toContain(anonymousId);
    expect(JSON.stringify(device)).not.toContain('withdrawer');
    expect(device.session).toEqual([]);
    expect(device.cookie).toBe('');
    expect((await timelineOf('withdrawer')).map((e) => e.name)).not.toContain('After withdrawal');
    await context.close();
  });
});
