import type { Browser, Page, Request } from 'playwright-core';
import type { CohortRetentionQuery, CohortRetentionResult } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 11, item 7: the Retention page shows weekly cohorts as a table and a curve, with
// the figures the API answers, in Chromium against the real server and its SQLite file;
// no axe violation at 1440 and 390 px, no sideways scroll, chart text at least 11 px.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Monday 00:00 UTC of the current week. */
const thisMonday = () => {
  const today = Math.floor(Date.now() / DAY);
  return (today - ((today + 3) % 7)) * DAY;
};

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'olga@example.com' }),
    launchChromium(),
  ]);
  // Three weeks ago: a (back the next two weeks), b (back two weeks later, buying), c.
  // Two weeks ago: d, back last week. (The seeded funnel persons are this week's or last.)
  const monday = thisMonday();
  const at = (weeksAgo: number, hour: number) => monday - weeksAgo * 7 * DAY + hour * HOUR;
  const visits: Array<[string, number, number, string?]> = [
    ['ret-a', 3, 1],
    ['ret-a', 2, 1],
    ['ret-a', 1, 1],
    ['ret-b', 3, 2],
    ['ret-b', 1, 2, 'Purchase completed'],
    ['ret-c', 3, 3],
    ['ret-d', 2, 4],
    ['ret-d', 1, 3],
  ];
  await server.store.insertEvents(
    server.project.projectId,
    visits.map(([anonymousId, weeksAgo, hour, name], i) => ({
      id: `retention-e2e-${i}`,
      type: 'track',
      name: name ?? 'Product viewed',
      anonymousId,
      channel: 'web',
      timestamp: at(weeksAgo, hour),
    })),
  );
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A new signed-in window at `width` px on the Retention page, opened from the navigation; the query it sent. */
async function openRetention(width: number) {
  let request: Promise<Request> | undefined;
  const opened = await openFromNav(browser, {
    origin: server.origin,
    user: server.users['owner']!,
    width,
    link: 'Retention',
    cspReports,
    beforeClick: (page) => {
      request = page.waitForRequest((r) => r.url().includes('journeys.retention'));
    },
  });
  const url = new URL((await request!).url());
  await opened.page.waitForSelector('.cohort-table tbody tr');
  // httpBatchLink sends `/trpc/a,b?batch=1&input={"0": …, "1": …}`: the retention query's
  // input is at its place in the path (the page's annotations may ride in the same batch).
  const index = url.pathname.split('/').pop()!.split(',').indexOf('journeys.retention');
  const batch = JSON.parse(url.searchParams.get('input')!) as Record<string, CohortRetentionQuery>;
  const { projectId: _, ...query } = batch[String(index)] as CohortRetentionQuery & { projectId: string };
  return { ...opened, query };
}

/** The table's rows as the page shows them: week label, persons, then each week's cell. */
const readRows = (page: Page) =>
  page.$$eval('.cohort-table tbody tr', (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').trim())),
  );

const percent = (rate: number) =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(rate);

/** The rows the API's answer gives, formatted as the page formats them (no cell for weeks not reached). */
function expectedRows(answer: CohortRetentionResult): string[][] {
  const weeks = answer.cohorts[0]!.returned.length;
  return answer.cohorts.map((cohort) => [
    cohort.persons.toLocaleString('en'),
    ...Array.from({ length: weeks }, (_, w) => {
      const returned = cohort.returned[w];
      if (returned === undefined) return '';
      return cohort.persons === 0 ? '—' : percent(returned / cohort.persons);
    }),
  ]);
}

describe('the Retention page in Chromium', () => {
  it('shows each cohort and the share back each week, as the API answers them', async () => {
    const { page, query, close } = await openRetention(1440);
    expect(query.to - query.from).toBeGreaterThan(7 * 7 * DAY);
    const answer = await server.store.getCohortRetention(server.project.projectId, query);
    const rows = await readRows(page);
    expect(rows.map((row) => row.slice(1))).toEqual(expectedRows(answer));
    // The seeded cohorts, worked out by hand: three weeks ago 3 persons, back 1/3, 2/3, 0;
    // two weeks ago 1 person, back last week, not (yet) this one.
    expect(rows.at(-4)!.slice(1, 6)).toEqual(['3', '100%', '33.3%', '66.7%', '0%']);
    expect(rows.at(-3)!.slice(1, 5)).toEqual(['1', '100%', '100%', '0%']);
    // The curve: one point per week since the first, with its numbers in a title.
    const titles = await page.locator('.retention-curve title').allTextContents();
    expect(titles).toHaveLength(answer.curve.length);
    expect(titles[1]).toBe(
      `Week 1: ${percent(answer.curve[1]!.share)} back (${answer.curve[1]!.returned} of ${answer.curve[1]!.persons} persons)`,
    );
    await close();
  }, 60_000);

  it('counts only the chosen returning touchpoint once it is applied', async () => {
    const { page, close } = await openRetention(1440);
    const reloaded = page.waitForRequest((r) => r.url().includes('Purchase%20completed'));
    await page.fill('#returning-name', 'Purchase completed');
    await page.click('button:has-text("Apply")');
    await reloaded;
    await page.waitForFunction(() => location.hash.includes('returning='));
    // Three weeks ago, only b bought, two weeks after their first visit.
    await expect
      .poll(async () => (await readRows(page)).at(-4)!.slice(1, 6))
      .toEqual(['3', '100%', '0%', '33.3%', '0%']);
    await close();
  }, 60_000);
});

describe.each([1440, 390])('the Retention page at %i px', (width) => {
  it('has no axe violation, no sideways scroll, a focusable table region and chart text of 11 px or more', async () => {
    const { page, close } = await openRetention(width);
    const violations = await findViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    const region = page.locator('.table-scroll[role=region][aria-label="Cohort table"]');
    expect(await region.getAttribute('tabindex')).toBe('0');
    // 26 weeks: a table wider than a phone, scrolling inside its region, never the page.
    await page.click('a:has-text("26 weeks")');
    await page.waitForSelector('.cohort-table thead th:has-text("Week 25")');
    const wide = await findViolations(page);
    expect(wide, wide.join('\n')).toEqual([]);
    if (width === 390) expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const sizes = await page.$$eval('.retention-curve text', (texts) =>
      texts.map((text) => {
        const svg = (text as SVGTextElement).ownerSVGElement!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(text).fontSize) * scale;
      }),
    );
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    await close();
  }, 60_000);
});

it('loaded every page without a Content-Security-Policy report', () => {
  expect(cspReports).toEqual([]);
});
