import type { Browser, Page } from 'playwright-core';
import type { PathsQuery } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_COLOURS } from '@parcours/dashboard/src/format/getChannelBadge.js';
import { openFromNav } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 11, item 4: the Paths page over a date range, with where people leave as a
// "Left" node, a bar or band opening the list of its persons, and two ranges side by
// side, in Chromium against the real server and its SQLite file; no axe violation and
// no sideways scroll at 1440 and 390 px.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];
const DAY = 86_400_000;
/** Two quiet days, weeks before the seeded funnel (which is in the last three days). */
const firstDay = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);
const secondDay = new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'olga@example.com' }),
    launchChromium(),
  ]);
  let seq = 0;
  const tp = (anonymousId: string, name: string, day: string, minute: number, channel = 'web') => ({
    id: `paths-e2e-${seq++}`,
    type: 'track' as const,
    name,
    anonymousId,
    channel,
    timestamp: Date.parse(`${day}T10:00:00Z`) + minute * 60_000,
  });
  await server.store.insertEvents(server.project.projectId, [
    // First day: three persons from Home; one signs up, one stops at Pricing, one at Home.
    ...['Home', 'Pricing', 'Signup'].map((name, i) => tp('walker-a', name, firstDay, i)),
    ...['Home', 'Pricing'].map((name, i) => tp('walker-b', name, firstDay, i)),
    tp('walker-c', 'Home', firstDay, 0),
    // Second day: one person from Home (by email) straight to Signup.
    tp('walker-d', 'Home', secondDay, 0, 'email'),
    tp('walker-d', 'Signup', secondDay, 5),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A new signed-in window at `width` px on the Paths page, opened from the navigation. */
async function openPaths(width: number) {
  const opened = await openFromNav(browser, {
    origin: server.origin,
    user: server.users['owner']!,
    width,
    link: 'Paths',
    cspReports,
  });
  await opened.page.waitForSelector('.sankey svg');
  return opened;
}

/** The queries of the `journeys.paths` requests `trigger` sends (httpBatchLink: `input={"0": …, "1": …}`). */
async function nextPathsQueries(page: Page, trigger: () => Promise<void>): Promise<PathsQuery[]> {
  const request = page.waitForRequest((r) => r.url().includes('journeys.paths'));
  await trigger();
  const batch = JSON.parse(new URL((await request).url()).searchParams.get('input')!) as Record<
    string,
    object
  >;
  return Object.values(batch).map((input) => {
    const { projectId: _, ...query } = input as PathsQuery & { projectId: string };
    return query;
  });
}

/** The labels of a flow's bars ("Home 3", "Left 1"), column by column, top to bottom. */
const readBars = (page: Page, flow: number) =>
  page.$$eval(
    '.sankey',
    (figures, index) =>
      Array.from(figures[index]!.querySelectorAll('.sankey-node text'), (text) => text.textContent?.trim()),
    flow,
  );

/** Fills the form's date range (and compared range) and shows the paths. */
async function showRange(page: Page, from: string, to: string, compared?: [string, string]) {
  await page.fill('#path-from', from);
  await page.fill('#path-to', to);
  if (compared) {
    await page.fill('#path-vs-from', compared[0]);
    await page.fill('#path-vs-to', compared[1]);
  }
  await page.click('button:has-text("Show paths")');
}

describe('the Paths page in Chromium', () => {
  it('keeps to the date range and draws where people left as a "Left" bar', async () => {
    const { page, close } = await openPaths(1440);
    const [query] = await nextPathsQueries(page, () => showRange(page, firstDay, firstDay));
    expect(query).toMatchObject({
      from: Date.parse(`${firstDay}T00:00:00.000Z`),
      to: Date.parse(`${firstDay}T23:59:59.999Z`),
    });
    const answer = await server.store.getPaths(server.project.projectId, query!);
    // Worked out by hand: one person leaves at each step, walker-d (another day) is not counted.
    expect(answer.exits).toEqual([
      { depth: 0, from: 'Home', count: 1 },
      { depth: 1, from: 'Pricing', count: 1 },
      { depth: 2, from: 'Signup', count: 1 },
    ]);
    await page.waitForSelector('.sankey-node text:has-text("Home 3")');
    expect(await readBars(page, 0)).toEqual([
      'Home 3',
      'Pricing 2',
      'Left 1',
      'Signup 1',
      'Left 1',
      'Left 1',
    ]);
    await close();
  }, 60_000);

  it('opens the persons on a bar and on a band into "Left", each a link to their timeline', async () => {
    const { page, close } = await openPaths(1440);
    await showRange(page, firstDay, firstDay);
    await page.click('.sankey a[aria-label^="Step 1: Home, 3 persons"]');
    await page.waitForSelector('#path-persons-heading:has-text("3 persons")');
    const readRows = () =>
      page.$$eval('section[aria-labelledby=path-persons-heading] tbody tr', (rows) =>
        rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim())),
      );
    expect(await readRows()).toEqual([
      ['walker-a', 'Home → Pricing → Signup', 'Left'],
      ['walker-b', 'Home → Pricing', 'Left'],
      ['walker-c', 'Home', 'Left'],
    ]);
    await page.click('.sankey a[aria-label^="Pricing → Left: 1 persons"]');
    await page.waitForSelector('#path-persons-heading:has-text("Left after “Pricing” at step 2")');
    await page.waitForFunction(
      () => document.querySelectorAll('section[aria-labelledby=path-persons-heading] tbody tr').length === 1,
    );
    expect(await readRows()).toEqual([['walker-b', 'Home → Pricing', 'Left']]);
    await page.click('section[aria-labelledby=path-persons-heading] a:has-text("walker-b")');
    await page.waitForFunction(() => location.hash.includes('personId=walker-b'));
    await close();
  }, 60_000);

  it('shows two date ranges side by side, each its own flow', async () => {
    const { page, close } = await openPaths(1440);
    const queries = await nextPathsQueries(page, () =>
      showRange(page, firstDay, firstDay, [secondDay, secondDay]),
    );
    expect(queries.map((q) => [q.from, q.to])).toEqual([
      [Date.parse(`${firstDay}T00:00:00.000Z`), Date.parse(`${firstDay}T23:59:59.999Z`)],
      [Date.parse(`${secondDay}T00:00:00.000Z`), Date.parse(`${secondDay}T23:59:59.999Z`)],
    ]);
    await page.waitForSelector('.paths-sides .sankey-node text:has-text("Signup 1")');
    expect(await page.locator('.paths-side-title').allInnerTexts()).toEqual([
      `${firstDay} to ${firstDay}`,
      `${secondDay} to ${secondDay}`,
    ]);
    expect(await readBars(page, 1)).toEqual(['Home 1', 'Signup 1', 'Left 1']);
    // Coloured by channel: Home came by web on the first day, by email on the second.
    const readHome = (flow: number) =>
      page.$$eval(
        '.sankey',
        (figures, index) => {
          const home = Array.from(figures[index]!.querySelectorAll('.sankey-node')).find((node) =>
            node.querySelector('text')?.textContent?.startsWith('Home'),
          )!;
          const legend = figures[index]!.querySelector('.sankey-legend')!.textContent;
          return { fill: home.querySelector('rect')!.getAttribute('fill'), legend };
        },
        flow,
      );
    expect(await readHome(0)).toEqual({
      fill: CHANNEL_COLOURS.web.background,
      legend: 'Coloured by channel: Web',
    });
    expect((await readHome(1)).fill).toBe(CHANNEL_COLOURS.email.background);
    expect((await readHome(1)).legend).toContain('Email');
    await close();
  }, 60_000);
});

describe.each([1440, 390])('the Paths page at %i px', (width) => {
  it('has no axe violation and no sideways scroll, two flows and a persons list open', async () => {
    const { page, close } = await openPaths(width);
    await showRange(page, firstDay, firstDay, [secondDay, secondDay]);
    await page.waitForSelector('.paths-sides .sankey-node text:has-text("Home 3")');
    await page.click('.sankey a[aria-label^="Step 1: Home, 3 persons"]');
    await page.waitForSelector('section[aria-labelledby=path-persons-heading] tbody tr');
    const violations = await findViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    await close();
  }, 60_000);
});

it('loaded every page without a Content-Security-Policy report', () => {
  expect(cspReports).toEqual([]);
});
