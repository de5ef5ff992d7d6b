import type { Browser, Page } from 'playwright-core';
import type { Event } from '@parcours/schema';
import { parseDay, ZoneCalendar, type FunnelQuery, type OverviewQuery } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, watchCsp } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 12, item 7: a Europe/Paris project, in a browser set to New York. A custom range
// (23 to 29 March 2026, the week of the spring change) and the previous period of equal
// length, set through the page; the overview's touchpoints and the funnel's steps equal
// the engine's answers for the Paris days; axe finds nothing at 1440 and 390 px.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];
const paris = new ZoneCalendar('Europe/Paris');
/** Local days as the engine's inclusive bounds, computed by the store's own helper. */
const parisBounds = (first: string, last: string) => ({
  from: paris.getDayStart(parseDay(first)!),
  to: paris.getDayStart(parseDay(last)! + 1) - 1,
});
const CURRENT = parisBounds('2026-03-23', '2026-03-29');
const PREVIOUS = parisBounds('2026-03-16', '2026-03-22');

let seq = 0;
const touchpoint = (anonymousId: string, name: string, iso: string): Event => ({
  id: `time-e2e-${++seq}`,
  type: 'track',
  name,
  anonymousId,
  channel: 'web',
  timestamp: Date.parse(iso),
});

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'paula@example.com' }),
    launchChromium(),
  ]);
  await server.store.setProjectTimeZone(server.project.projectId, 'Europe/Paris');
  await server.store.insertEvents(server.project.projectId, [
    // This period: 5 touchpoints of 3 persons, 2 adding to cart. c1 is on Monday 23 in
    // Paris (00:30) but Sunday 22 in UTC; c3 on Sunday 29 at 23:30, after the change.
    touchpoint('c1', 'Product viewed', '2026-03-22T23:30:00Z'),
    touchpoint('c1', 'Added to cart', '2026-03-22T23:40:00Z'),
    touchpoint('c2', 'Product viewed', '2026-03-25T10:00:00Z'),
    touchpoint('c2', 'Added to cart', '2026-03-25T10:05:00Z'),
    touchpoint('c3', 'Product viewed', '2026-03-29T21:30:00Z'),
    // Monday 30 in Paris (00:30, +02:00), still Sunday 29 in UTC: in neither period.
    touchpoint('later', 'Product viewed', '2026-03-29T22:30:00Z'),
    // The previous period: 4 touchpoints of 3 persons, 1 adding to cart.
    touchpoint('p1', 'Product viewed', '2026-03-16T08:00:00Z'),
    touchpoint('p1', 'Added to cart', '2026-03-16T08:05:00Z'),
    touchpoint('p2', 'Product viewed', '2026-03-18T08:00:00Z'),
    touchpoint('p3', 'Product viewed', '2026-03-22T22:30:00Z'),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in window `width` px wide whose clock is in New York, on a page of the project. */
async function open(width: number, hash: string) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: 'en-US',
    timezoneId: 'America/New_York',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watchCsp(page, cspReports);
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/trpc/')) asked.push(decodeURIComponent(request.url()));
  });
  await signInThroughForm(page, server.origin, server.users['owner']!);
  await page.evaluate((next) => (location.hash = next), `#/p/${server.project.projectId}/${hash}`);
  return { page, asked, close: () => context.close() };
}

/** The overview inputs the page sent (httpBatchLink: `?batch=1&input={"0": …}`). */
function sentOverviews(asked: string[]): OverviewQuery[] {
  return asked
    .filter((url) => url.includes('journeys.overview'))
    .flatMap((url) => Object.values(JSON.parse(new URL(url).searchParams.get('input')!) as object))
    .map(({ from, to }: OverviewQuery) => ({ from, to }));
}

/** A KPI tile's figure and its previous-period line. */
const readKpi = (page: Page, label: string) =>
  page.$eval(`.kpi:has(dt:text-is("${label}"))`, (tile) => [
    tile.querySelector('.kpi-value')?.textContent,
    tile.querySelector('.kpi-previous')?.textContent ?? null,
  ]);

const percent = (rate: number) =>
  new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(rate);

describe('a custom range and the previous period in Chromium', () => {
  it('counts the overview over Paris days as the engine does, beside the previous period', async () => {
    const { page, asked, close } = await open(1440, 'overview');
    await page.waitForSelector('form[aria-label="Custom date range"]');
    await expect.poll(() => page.inputValue('#range-from')).not.toBe('');
    await page.fill('#range-from', '2026-03-23');
    await page.fill('#range-to', '2026-03-29');
    await page.click('form[aria-label="Custom date range"] button[type=submit]');
    await page.waitForFunction(
      () => location.hash.includes('from=2026-03-23') && location.hash.includes('to=2026-03-29'),
    );
    await page.click('a.compare-toggle');
    await page.waitForFunction(() => location.hash.includes('period=previous'));

    const [current, previous] = await Promise.all([
      server.store.getOverview(server.project.projectId, CURRENT),
      server.store.getOverview(server.project.projectId, PREVIOUS),
    ]);
    // Worked out by hand above: Paris days, not UTC ones (which would give 4 and 4).
    expect([current.totals.events, previous.totals.events]).toEqual([5, 4]);
    await expect
      .poll(() => readKpi(page, 'Touchpoints'))
      .toEqual([String(current.totals.events), `Previous period: ${previous.totals.events} (+25%)`]);
    await expect
      .poll(() => readKpi(page, 'Persons'))
      .toEqual([String(current.totals.persons), `Previous period: ${previous.totals.persons} (no change)`]);
    // The page asked for exactly the engine's Paris bounds, though the browser is in New York.
    expect(sentOverviews(asked)).toEqual(expect.arrayContaining([CURRENT, PREVIOUS]));
    // The daily chart has the seven Paris days of the range.
    expect(current.days.map((d) => d.day)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    await close();
  }, 60_000);

  it('shows each funnel step in both periods as the engine counts them', async () => {
    const steps = 'step1=Product+viewed&step2=Added+to+cart&window=1h';
    const { page, close } = await open(1440, `funnel?${steps}&from=2026-03-23&to=2026-03-29&period=previous`);
    const funnel: FunnelQuery = {
      steps: [{ name: 'Product viewed' }, { name: 'Added to cart' }],
      windowMs: 3_600_000,
    };
    const [current, previous] = await Promise.all([
      server.store.getFunnel(server.project.projectId, { ...funnel, ...CURRENT }),
      server.store.getFunnel(server.project.projectId, { ...funnel, ...PREVIOUS }),
    ]);
    expect(current.steps.map((s) => s.count)).toEqual([3, 2]);
    expect(previous.steps.map((s) => s.count)).toEqual([3, 1]);
    const rows = () =>
      page.$$eval('.funnel-comparison tbody tr', (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent?.trim())),
      );
    await expect
      .poll(rows)
      .toEqual(
        current.steps.map((step, k) => [
          step.name,
          `${step.count} · ${percent(step.conversionRate)}`,
          `${previous.steps[k]!.count} · ${percent(previous.steps[k]!.conversionRate)}`,
          k === 0 ? 'no change' : '+100%',
        ]),
      );
    await close();
  }, 60_000);
});

describe.each([1440, 390])('the period controls at %i px', (width) => {
  it('have no axe violation on the overview and the funnel, comparing', async () => {
    const range = 'from=2026-03-23&to=2026-03-29&period=previous';
    const overview = await open(width, `overview?${range}`);
    await overview.page.waitForSelector('.kpi-previous');
    const onOverview = await findViolations(overview.page);
    expect(onOverview, onOverview.join('\n')).toEqual([]);
    await overview.close();

    const funnel = await open(width, `funnel?step1=Product+viewed&step2=Added+to+cart&${range}`);
    await funnel.page.waitForSelector('.funnel-comparison tbody tr');
    const onFunnel = await findViolations(funnel.page);
    expect(onFunnel, onFunnel.join('\n')).toEqual([]);
    await funnel.close();
  }, 60_000);
});

it('loaded every page without a Content-Security-Policy report', () => {
  expect(cspReports).toEqual([]);
});
