import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './support/startE2E.js';
import type { Collector } from './support/startCollector.js';
import { waitFor } from './support/waitFor.js';

// Issue 13, "The SDK's queue is robust": two tabs of one site share one localStorage; the
// script tag in Chromium against the real collector on a real SQLite file.
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

async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(exampleUrl());
  await page.waitForFunction(() => typeof (window as any).parcours?.consent?.get === 'function');
  return page;
}

type Stored = { id: string; name: string };

/** What the tab's storage holds in its queue (the key is `parcours:2`). */
const storedQueue = (page: Page): Promise<Stored[]> =>
  page.evaluate(() => JSON.parse(localStorage.getItem('parcours:2') || '{"q":[]}').q);

const track = (page: Page, names: string[]) =>
  page.evaluate((list) => list.forEach((name) => (window as any).parcours.track(name)), names);

async function timelineOf(userId: string): Promise<Stored[]> {
  try {
    return (await collector.query('person', { userId })).events;
  } catch {
    return [];
  }
}

/** Waits until every id in `ids` is in the store, lets late duplicates land, then returns what is there. */
async function waitForIds(userId: string, ids: string[]): Promise<Stored[]> {
  await waitFor(
    `${ids.length} events of ${userId}`,
    () => timelineOf(userId),
    (events) => ids.every((id) => events.some((e) => e.id === id)),
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return timelineOf(userId);
}

/** Each id of `ids` stored exactly once; prints what arrived when not. */
function expectEachOnce(events: Stored[], ids: string[]) {
  const arrived = events.filter((e) => ids.includes(e.id));
  expect(
    arrived.map((e) => e.id).sort(),
    `arrived: ${JSON.stringify(events.map((e) => [e.id, e.name]))}`,
  ).toEqual([...ids].sort());
}

describe('two tabs of one site in Chromium', () => {
  it('offline, both track; online, every event of both arrives exactly once', async () => {
    const context = await browser.newContext();
    const first = await openTab(context);
    await first.evaluate(() => {
      (window as any).parcours.consent.grant(['analytics']);
      (window as any).parcours.identify('two-tabs');
      return (window as any).parcours.flush();
    });
    // The second tab starts from what the first stored: the decision, the anonymous and user ids.
    const second = await openTab(context);
    await second.evaluate(() => (window as any).parcours.flush());

    await context.setOffline(true);
    for (let round = 0; round < 3; round++) {
      await track(first, [`First ${round}a`, `First ${round}b`]);
      await track(second, [`Second ${round}a`, `Second ${round}b`]);
    }
    await Promise.all([first, second].map((page) => page.evaluate(() => (window as any).parcours.flush())));
    // Neither tab erased the other's events: the one stored queue holds all twelve.
    const queued = (await storedQueue(second)).filter((e) => /^(First|Second) /.test(e.name));
    expect(queued.map((e) => e.name).sort(), JSON.stringify(queued)).toEqual(
      ['First', 'Second'].flatMap((tab) => [0, 1, 2].flatMap((r) => [`${tab} ${r}a`, `${tab} ${r}b`])).sort(),
    );

    await context.setOffline(false);
    await Promise.all([first, second].map((page) => page.evaluate(() => (window as any).parcours.flush())));
    const ids = queued.map((e) => e.id);
    expectEachOnce(await waitForIds('two-tabs', ids), ids);
    await context.close();
  });

  it('what a tab closed offline left queued, another tab of the site delivers, once', async () => {
    const context = await browser.newContext();
    const staying = await openTab(context);
    await staying.evaluate(() => {
      (window as any).parcours.consent.grant(['analytics']);
      (window as any).parcours.identify('closed-tab');
      return (window as any).parcours.flush();
    });
    const closing = await openTab(context);
    await closing.evaluate(() => (window as any).parcours.flush());

    await context.setOffline(true);
    await track(closing, ['Closed 0', 'Closed 1', 'Closed 2']);
    await closing.evaluate(() => (window as any).parcours.flush());
    const left = (await storedQueue(closing)).filter((e) => e.name.startsWith('Closed '));
    expect(left.map((e) => e.name)).toEqual(['Closed 0', 'Closed 1', 'Closed 2']);
    await closing.close();

    await context.setOffline(false);
    // The tab that stayed tracked nothing: it finds the closed tab's events when it next sends.
    await staying.evaluate(() => (window as any).parcours.flush());
    const ids = left.map((e) => e.id);
    expectEachOnce(await waitForIds('closed-tab', ids), ids);
    expect((await storedQueue(staying)).filter((e) => ids.includes(e.id))).toEqual([]);
    await context.close();
  });
});
