import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/launchChromium.js';
import { EXAMPLES } from './support/paths.js';
import { serveFolder } from './support/serveFolder.js';
import { startCollector, type Collector } from './support/startCollector.js';

// Issue 3: examples/spa-npm, the npm package bundled into a single-page app, in Chromium.
let browser: Browser;
let collector: Collector;
let site: { origin: string; close: () => void };

beforeAll(async () => {
  const { buildSpa } = await import(join(EXAMPLES, 'spa-npm', 'build.js'));
  await buildSpa();
  [browser, collector, site] = await Promise.all([launchChromium(), startCollector(), serveFolder(EXAMPLES)]);
});
afterAll(async () => {
  await browser?.close();
  site?.close();
  await collector?.stop();
});

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

    let names: string[] = [];
    for (let attempt = 0; attempt < 100 && !names.includes('Checkout started'); attempt++) {
      const timeline = await collector.query('person', { userId: 'spa-customer' }).catch(() => undefined);
      names =
        timeline?.events.map((e: { type: string; name: string }) =>
          e.type === 'page' ? `page ${e.name}` : e.name,
        ) ?? [];
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const pageViews = names.filter((n) => n.startsWith('page '));
    expect(pageViews.some((n) => n.includes('/spa-npm/product'))).toBe(true);
    expect(pageViews.some((n) => n.includes('/spa-npm/cart'))).toBe(true);
    expect(names).toContain('Added to cart');
    expect(names).toContain('Checkout started');
    await page.close();
  });
});
