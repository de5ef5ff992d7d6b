import type { Browser, Page } from 'playwright-core';
import type { FrictionQuery, FrictionResult } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFromNav } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 11, item 5: the Friction page lists loops, repeated support contacts and long
// waits with the persons affected, as the API answers them, in Chromium against the
// real server and its SQLite file; no axe violation at 1440 and 390 px, no sideways scroll.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];
const HOUR = 3_600_000;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'olga@example.com' }),
    launchChromium(),
  ]);
  const start = Date.now() - 10 * 24 * HOUR;
  let seq = 0;
  const tp = (anonymousId: string, name: string, hours: number) => ({
    id: `friction-e2e-${seq++}`,
    type: 'track' as const,
    name,
    anonymousId,
    channel: 'web',
    timestamp: start + hours * HOUR,
  });
  await server.store.insertEvents(server.project.projectId, [
    // Two persons back and forth between the cart and the delivery options.
    ...['loop-a', 'loop-b'].flatMap((id) => [tp(id, 'Cart', 0), tp(id, 'Delivery', 1), tp(id, 'Cart', 2)]),
    // One person calls support twice in a day.
    tp('caller', 'Support call', 0),
    tp('caller', 'Support call', 20),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A new signed-in window at `width` px on the Friction page, opened from the navigation. */
async function openFriction(width: number) {
  const opened = await openFromNav(browser, {
    origin: server.origin,
    user: server.users['owner']!,
    width,
    link: 'Friction',
    cspReports,
  });
  await opened.page.waitForSelector('#loops-heading');
  return opened;
}

/** The query of the next `journeys.friction` request (httpBatchLink: `input={"0": …}`). */
async function nextFrictionQuery(page: Page, trigger: () => Promise<void>): Promise<FrictionQuery> {
  const request = page.waitForRequest((r) => r.url().includes('journeys.friction'));
  await trigger();
  const batch = JSON.parse(new URL((await request).url()).searchParams.get('input')!) as Record<
    string,
    object
  >;
  const { projectId: _, ...query } = batch['0'] as FrictionQuery & { projectId: string };
  return query;
}

/** A friction table's rows: every cell's text, examples joined by spaces. */
const readTable = (page: Page, heading: string) =>
  page.$$eval(`section[aria-labelledby=${heading}] tbody tr`, (rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll('th, td'), (cell) =>
        cell.querySelector('ul')
          ? Array.from(cell.querySelectorAll('a'), (a) => a.textContent).join(' ')
          : (cell.textContent ?? '').trim(),
      ),
    ),
  );

const asRows = (items: FrictionResult['loops'], cells: (item: FrictionResult['loops'][number]) => string[]) =>
  items.map((item) => [
    ...cells(item),
    String(item.persons),
    String(item.occurrences),
    item.examples.join(' '),
  ]);

describe('the Friction page in Chromium', () => {
  it('lists loops and repeated contacts as the API answers them, each person a link to their timeline', async () => {
    const { page, close } = await openFriction(1440);
    const query = await nextFrictionQuery(page, async () => {
      await page.fill('#support-name', 'Support call');
      await page.click('button:has-text("Apply")');
    });
    expect(query.support).toEqual([{ name: 'Support call' }]);
    await page.waitForSelector('section[aria-labelledby=repeats-heading] tbody tr');
    const answer = await server.store.getFriction(server.project.projectId, query);
    // Worked out by hand: both loop persons, once each; the caller, once.
    expect(answer.loops[0]).toMatchObject({ from: 'Cart', via: 'Delivery', persons: 2, occurrences: 2 });
    expect(answer.repeatedContacts).toEqual([
      { name: 'Support call', channel: null, persons: 1, occurrences: 1, examples: ['caller'] },
    ]);
    expect(await readTable(page, 'loops-heading')).toEqual(asRows(answer.loops, (l) => [l.from, l.via]));
    expect(await readTable(page, 'repeats-heading')).toEqual([['Support call', 'any', '1', '1', 'caller']]);
    await page.click('section[aria-labelledby=repeats-heading] a:has-text("caller")');
    await page.waitForFunction(() => location.hash.includes('personId=caller'));
    await close();
  }, 60_000);
});

describe.each([1440, 390])('the Friction page at %i px', (width) => {
  it('has no axe violation and no sideways scroll', async () => {
    const { page, close } = await openFriction(width);
    await page.waitForSelector('section[aria-labelledby=loops-heading] tbody tr');
    const violations = await findViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    await close();
  }, 60_000);
});

it('loaded every page without a Content-Security-Policy report', () => {
  expect(cspReports).toEqual([]);
});
