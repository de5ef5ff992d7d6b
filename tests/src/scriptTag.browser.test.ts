import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './support/startE2E.js';
import type { Collector } from './support/startCollector.js';
import { waitFor } from './support/waitFor.js';

// Issue 2: the script-tag example, on another origin than the collector, in Chromium.
let e2e: E2E;
let browser: Browser;
let collector: Collector;
let site: E2E['site'];

beforeAll(async () => {
  e2e = await startE2E();
  ({ browser, collector, site } = e2e);
});
afterAll(() => e2e?.stop());

/** Everything the device holds for the page's origin. */
async function deviceStorage(context: BrowserContext, page: Page) {
  return {
    cookies: await context.cookies(),
    ...(await page.evaluate(async () => ({
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      indexedDB: (await indexedDB.databases()).map((db) => db.name),
      documentCookie: document.cookie,
    }))),
  };
}

describe('script tag on another origin', () => {
  it('sends and stores nothing before consent; after a grant, the tracked event reaches the timeline', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const toCollector: Request[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(collector.origin)) toCollector.push(request);
    });
    const url = `${site.origin}/script-tag/index.html?host=${encodeURIComponent(collector.origin)}&writeKey=${collector.project.writeKey}`;
    await page.goto(url);
    await page.waitForFunction(() => typeof (window as any).parcours?.consent?.get === 'function');
    expect(new URL(page.url()).origin).not.toBe(collector.origin);

    // Give a misbehaving SDK every chance to send or store something: wait out the
    // flush interval's worth of timers, then hide the page as a tab switch would.
    await page.click('#track');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_500)));
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const beforeConsent = toCollector.filter((r) => !r.url().endsWith('/sdk.js'));
    expect(beforeConsent.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
    expect(await deviceStorage(context, page)).toEqual({
      cookies: [],
      localStorage: [],
      sessionStorage: [],
      indexedDB: [],
      documentCookie: '',
    });

    await page.click('#accept');
    await page.fill('#user-id', 'e2e-customer');
    await page.click('#identify');
    await page.click('#track');
    await page.click('#flush');

    const timeline = await waitFor(
      'the tracked event in the timeline',
      () => collector.query('person', { userId: 'e2e-customer' }),
      (t) => t.events.some((e: { name: string }) => e.name === 'Added to cart'),
    );
    const added = timeline.events.find((e: { name: string }) => e.name === 'Added to cart');
    expect(added).toMatchObject({
      type: 'track',
      userId: 'e2e-customer',
      properties: { product: 'trail-shoes-x2', price: 129 },
    });
    expect(timeline.person.anonymousIds).toHaveLength(1);
    const posts = toCollector.filter((r) => r.url() === `${collector.origin}/trpc/collect`);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.method()).toBe('POST');
      expect(post.headers()['content-type']).toMatch(/^text\/plain/);
    }
    await context.close();
  });
});
