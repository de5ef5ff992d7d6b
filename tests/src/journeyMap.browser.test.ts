import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, watchCsp } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 11, item 6: a goal is marked on the journey map and is never a drop-off pain
// point; a stage says who reached it without the stage before. In Chromium, against the
// real server and its SQLite file. CSAT shows on the cards, the emotion curve and by
// channel, and moments of truth apart with their exit rate, NPS and CSAT.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];
const MAP = [
  { name: 'awareness', touchpoints: [{ name: 'Ad clicked' }] },
  { name: 'consideration', touchpoints: [{ name: 'Product viewed' }] },
  { name: 'decision', touchpoints: [{ name: 'Purchase completed' }] },
];

/** The CSAT answers of persons 1, 3 and 5. */
const CSAT_SCORES = [5, 2, 4];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'olga@example.com' }),
    launchChromium(),
  ]);
  // Six buyers, half of whom do nothing after buying: without the goal, the purchase is
  // a drop-off. Two saw an ad first; the others answer the survey after buying, then a
  // CSAT survey (5, 2 and 4: two of three satisfied).
  const now = Date.now();
  await server.store.insertEvents(
    server.project.projectId,
    Array.from({ length: 6 }, (_, person) =>
      [
        ...(person < 2 ? [{ name: 'Ad clicked', channel: 'ads', at: -20 * 60_000 }] : []),
        { name: 'Product viewed', channel: 'web', at: -10 * 60_000 },
        { name: 'Purchase completed', channel: 'web', at: -5 * 60_000 },
        ...(person % 2 === 0
          ? []
          : [
              {
                name: 'feedback',
                channel: 'email',
                at: -60_000,
                properties: { kind: 'nps', score: 4 + person },
              },
              {
                name: 'feedback',
                channel: 'email',
                at: -30_000,
                properties: { kind: 'csat', score: CSAT_SCORES[(person - 1) / 2]! },
              },
            ]),
      ].map(({ name, channel, at, properties }, step) => ({
        id: `map-e2e-${person}-${step}`,
        type: 'track' as const,
        name,
        channel,
        anonymousId: `map-buyer-${person}`,
        timestamp: now - person * 3_600_000 + at,
        ...(properties && { properties }),
      })),
    ).flat(),
  );
  await server.store.setJourneyMap(server.project.projectId, MAP);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the journey map in Chromium', () => {
  it('marks a goal in the editor: it is tagged, and no longer a drop-off; skipped stages are counted', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    watchCsp(page, cspReports);
    const { projectId } = server.project;
    await signInThroughForm(page, server.origin, server.users['owner']!, `#/p/${projectId}/journey-map`);
    await page.waitForSelector('.stages');
    const before = await server.store.getStages(projectId, {});
    expect(
      before.painPoints.some((p) => p.reason === 'drop-off' && p.touchpoint === 'Purchase completed'),
    ).toBe(true);
    const purchase = page.locator('.touchpoint-card', { hasText: 'Purchase completed' });
    expect(await purchase.locator('.pain-tag').innerText()).toMatch(/drop-off/i);

    await page.click('button:has-text("Edit the map")');
    await page.click('button[aria-label="Goal: Purchase completed"]');
    expect(await page.getAttribute('button[aria-label="Goal: Purchase completed"]', 'aria-pressed')).toBe(
      'true',
    );
    await page.click('button:has-text("Save the map")');
    await page.waitForSelector('.touchpoint-card:has-text("Purchase completed") .mark-tag');

    const after = await server.store.getStages(projectId, {});
    expect((await server.store.getJourneyMap(projectId))[2]!.touchpoints[0]).toEqual({
      name: 'Purchase completed',
      goal: true,
    });
    expect(
      after.painPoints.some((p) => p.reason === 'drop-off' && p.touchpoint === 'Purchase completed'),
    ).toBe(false);
    expect(await purchase.locator('.mark-tag').innerText()).toMatch(/goal/i);
    expect(await purchase.locator('.pain-tag', { hasText: /drop-off/i }).count()).toBe(0);
    // Persons who viewed a product without an ad before: shown beside consideration, as the API counts them.
    const skipped = after.stages[1]!.withoutPrevious!;
    expect(skipped).toBeGreaterThan(0);
    expect(
      await page.locator('.stage', { hasText: 'consideration' }).locator('.stage-skipped').innerText(),
    ).toBe(`${skipped.toLocaleString('en-US')} reached it without awareness`);
    // The designed order as lived, as the API counts it.
    const order = after.designedOrder;
    expect(order.deviations.length).toBeGreaterThan(0);
    const section = page.locator('section[aria-labelledby=designed-order-heading]');
    const share = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
    expect(await section.locator('strong').innerText()).toBe(share.format(order.following / order.persons));
    expect(await section.locator('li').first().innerText()).toContain(
      order.deviations[0]!.stages.join(' → '),
    );
    // The emotion curve: each stage's NPS, as the API gives it.
    const figures = await page.locator('.emotion-figures li').allInnerTexts();
    expect(figures).toHaveLength(after.stages.length);
    after.stages.forEach((stage, i) => {
      expect(figures[i]).toContain(stage.name);
      if (stage.feedback.responses > 0) expect(figures[i]).toContain(`(${stage.feedback.responses})`);
    });
    // Saved as SVG, as drawn: its line joins a point per stage with answers.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("SVG"):has-text("emotion curve")'),
    ]);
    expect(download.suggestedFilename()).toBe('emotion-curve.svg');
    const markup = await readFile(await download.path(), 'utf8');
    const scored = after.stages.filter((stage) => stage.feedback.nps !== null).length;
    expect(
      markup
        .match(/<polyline [^>]*points="([^"]*)"/)?.[1]
        ?.trim()
        .split(/\s+/),
    ).toHaveLength(scored);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await findViolations(page), `axe at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.close();
  }, 90_000);

  it('shows CSAT on the cards, the curve and by channel, and the moments of truth apart', async () => {
    const { projectId } = server.project;
    await server.store.setJourneyMap(projectId, [
      MAP[0]!,
      MAP[1]!,
      { name: 'decision', touchpoints: [{ name: 'Purchase completed', goal: true, momentOfTruth: true }] },
    ]);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    watchCsp(page, cspReports);
    await signInThroughForm(page, server.origin, server.users['owner']!, `#/p/${projectId}/journey-map`);
    await page.waitForSelector('.stages');
    // After buying: CSAT 5, 2 and 4 (67% satisfied), NPS 5, 7 and 9 (one promoter, one detractor: 0).
    const purchase = page.locator('.touchpoint-card', { hasText: 'Purchase completed' });
    expect(await purchase.locator('.touchpoint-csat').innerText()).toBe('67% (3)');
    const moments = page.locator('section[aria-labelledby=moments-heading] .moment');
    expect(await moments.count()).toBe(1);
    expect(await moments.locator('.touchpoint-name').innerText()).toContain('Purchase completed');
    // Persons 0, 2 and 4 did nothing after buying, nor did the server's two seeded buyers: 5 of 8.
    expect(await moments.locator('.moment-exit').innerText()).toBe('62.5%');
    expect(await moments.locator('.moment-nps').innerText()).toBe('0 (3)');
    expect(await moments.locator('.moment-csat').innerText()).toBe('67% (3)');
    expect(await page.locator('.emotion-figures li', { hasText: 'decision' }).innerText()).toContain(
      'CSAT 67% (3)',
    );
    // The SVG draws a second, CSAT, line: a point per stage with CSAT answers (all three).
    expect(await page.locator('.emotion-path.is-csat').getAttribute('points')).toMatch(/^(\S+\s){2}\S+$/);
    // By channel: the six and the server's eight seeded persons who viewed a product, on the
    // web; of the two who saw an ad, person 1 scored NPS 5 and CSAT 5.
    const rows = await page.locator('table.channel-feedback tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split(/\s+/).join(' '))).toEqual([
      'Web 14 0 3 67% 3',
      'Ads 2 -100 1 100% 1',
    ]);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await findViolations(page), `axe at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.close();
  }, 90_000);

  it('loaded every page without a CSP violation', () => {
    expect(cspReports).toEqual([]);
  });
});
