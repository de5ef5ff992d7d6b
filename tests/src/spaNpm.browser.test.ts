import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './support/startE2E.js';
import type { Collector } from './support/startCollector.js';
import { waitFor } from './support/waitFor.js';

// Issue 3: examples/spa-npm, the npm package bundled into a single-page app, in Chromium.
let e2e: E2E;
let browser: Browser;
let collector: Collector;
let site: E2E['site'];

beforeAll(async () => {
  e2e = await startE2E();
  ({ browser, collector, site } = e2e);
});
afterAll(() => e2e?.stop());

describe('examples/spa-npm', () => {
  it('records a page view per client-side route and the tracked events, after consent', async () => {
    const page = await browser.newPage();
    const query = `?host=${encodeURIComponent(collector.origin)}&writeKey=${collector.project.writeKey}`;
    await page.goto(`${site.origin}/spa-npm/index.html${query}`);
    await page.waitForFunction(() => typeof (window as any).parcours?.identify === 'function');
    await page.click('#accept');
    await page.evaluate(() => (window as any).parcours.identify('spa-customer'));
    await page.click('nav a[href="./product"]');
    await page.click('#add');
    await page.click('nav a[href="./cart"]');
    await page.click('#checkout');
    await page.evaluate(() => (window as any).parcours.flush());

    const names = await waitFor(
      'the checkout in the timeline',
      async () =>
        (
          (await collector.query('person', { userId: 'spa-customer' })).events as Array<{
            type: string;
            name: string;
          }>
        ).map((e) => (e.type === 'page' ? `page ${e.name}` : e.name)),
      (seen) => seen.includes('Checkout started'),
    );
    const pageViews = names.filter((n) => n.startsWith('page '));
    expect(pageViews.some((n) => n.includes('/spa-npm/product'))).toBe(true);
    expect(pageViews.some((n) => n.includes('/spa-npm/cart'))).toBe(true);
    expect(names).toContain('Added to cart');
    expect(names).toContain('Checkout started');
    await page.close();
  });
});
