import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav } from './support/dashboard.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 12, item 3: each chart saves as SVG (serialised from the rendered chart, its
// styles inline as presentation attributes) and as PNG (drawn on a canvas in the browser). Chromium against the
// real server: the SVG holds the chart's shapes with the page's colours, and the PNG,
// decoded again in the browser, shows the bars' colour where a bar is.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'yann@example.com' }),
    launchChromium(),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function save(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** The colour of `selector`'s first element as the page paints it, `rgb(r, g, b)`. */
const fillOf = (page: Page, selector: string) =>
  page.$eval(selector, (element) => getComputedStyle(element).fill);

/** The PNG decoded in the page: its size, and the colour at the centre of the tallest `.chart-bar`. */
function readPng(page: Page, bytes: Buffer) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const svg = document.querySelector('figure.chart svg')!;
    const box = svg.getBoundingClientRect();
    const bars = Array.from(document.querySelectorAll('figure.chart .chart-bar'));
    const tallest = bars.reduce((a, b) =>
      b.getBoundingClientRect().height > a.getBoundingClientRect().height ? b : a,
    );
    const bar = tallest.getBoundingClientRect();
    const scale = image.naturalWidth / box.width;
    // A quarter down the bar: the persons colour, above the conversions drawn inside it.
    const x = Math.round((bar.left - box.left + bar.width / 2) * scale);
    const y = Math.round((bar.top - box.top + bar.height / 4) * scale);
    const [r, g, b] = context.getImageData(x, y, 1, 1).data;
    return {
      width: image.naturalWidth,
      height: image.naturalHeight,
      svgWidth: box.width,
      pixel: `rgb(${r}, ${g}, ${b})`,
    };
  }, bytes.toString('base64'));
}

describe('chart downloads in Chromium', () => {
  it("saves the overview's daily chart as SVG with inline styles and as PNG with its colours", async () => {
    const { page, close } = await openFromNav(browser, {
      origin: server.origin,
      user: server.users['owner']!,
      width: 1440,
      link: 'Overview',
      cspReports,
    });
    await page.waitForSelector('figure.chart .chart-bar', { state: 'attached' });
    const barFill = await fillOf(page, 'figure.chart .chart-bar');
    const shownBars = await page.locator('figure.chart .chart-bar').count();

    const svg = await save(page, 'button:has-text("SVG"):has-text("persons per day")');
    expect(svg.name).toBe('persons-per-day.svg');
    const markup = svg.bytes.toString('utf8');
    expect(markup).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(markup).not.toContain('class=');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const rects = Array.from(doc.querySelectorAll('rect'));
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        fills: rects.map((rect) => rect.getAttribute('fill')),
        texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent),
      };
    }, markup);
    expect(parsed.error).toBeNull();
    // Backdrop, then per day: hit area, bar, conversion bar.
    expect(parsed.fills.length).toBe(1 + 3 * shownBars);
    expect(parsed.fills.filter((fill) => fill === barFill)).toHaveLength(shownBars);
    expect(parsed.texts).toEqual(await page.locator('figure.chart svg text').allTextContents());

    const png = await save(page, 'button:has-text("PNG"):has-text("persons per day")');
    expect(png.name).toBe('persons-per-day.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const decoded = await readPng(page, png.bytes);
    expect(decoded.width).toBe(2 * Math.round(decoded.svgWidth));
    expect(decoded.pixel).toBe(barFill);
    await close();
  }, 90_000);

  it('saves the Sankey of the Paths page as SVG and PNG', async () => {
    const { page, close } = await openFromNav(browser, {
      origin: server.origin,
      user: server.users['owner']!,
      width: 1440,
      link: 'Paths',
      cspReports,
    });
    await page.waitForSelector('.sankey svg path', { state: 'attached' });
    const bands = await page.locator('.sankey svg path').count();
    const svg = await save(page, 'button:has-text("SVG"):has-text("flow between steps")');
    const markup = svg.bytes.toString('utf8');
    expect(markup.match(/<path /g)).toHaveLength(bands);
    expect(markup).toMatch(/<path [^>]*stroke-width="\d/);
    expect(markup).toMatch(/<path [^>]*stroke="rgb/);
    const png = await save(page, 'button:has-text("PNG"):has-text("flow between steps")');
    expect(png.name).toBe('paths-flow.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    await close();
  }, 90_000);
});

it('loaded every page without a Content-Security-Policy report', () => {
  expect(cspReports).toEqual([]);
});
