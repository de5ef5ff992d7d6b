import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, watchCsp } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 11, item 6: several named maps per project, started from a template, and a save
// over someone else's newer save refused with both versions to compare. In Chromium,
// against the real server and its SQLite file.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'olga@example.com' }),
    launchChromium(),
  ]);
  const now = Date.now();
  await server.store.insertEvents(
    server.project.projectId,
    ['Chat started', 'Ticket opened', 'Issue resolved'].map((name, i) => ({
      id: `maps-e2e-${i}`,
      type: 'track' as const,
      name,
      channel: i === 0 ? 'chat' : 'web',
      anonymousId: 'caller-1',
      timestamp: now - (10 - i) * 60_000,
    })),
  );
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('named journey maps in Chromium', () => {
  it('creates a map from a template, refuses a save over a newer one with both versions, then overwrites on purpose', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    watchCsp(page, cspReports);
    const { projectId } = server.project;
    await signInThroughForm(page, server.origin, server.users['owner']!, `#/p/${projectId}/journey-map`);
    await page.waitForSelector('.stages');
    expect(await page.locator('#journey-map-picker option').allInnerTexts()).toEqual(['Main journey']);

    await page.click('button:has-text("New map")');
    await page.fill('#new-map-name', 'Support');
    await page.selectOption('#new-map-template', 'telecom-support');
    await page.click('button:has-text("Create the map")');
    // The new map opens in the editor, its address names it.
    await page.waitForSelector('#map-name');
    const [created] = (await server.store.listJourneyMaps(projectId)).slice(1);
    expect(created).toMatchObject({ name: 'Support', version: 1, updatedBy: 'olga@example.com' });
    expect(await page.evaluate(() => location.hash)).toContain(`map=${created!.mapId}`);
    expect(await page.inputValue('#map-name')).toBe('Support');

    // Ana saves the map meanwhile (another tab, another analyst).
    const theirs = await server.store.saveJourneyMap(projectId, {
      mapId: created!.mapId,
      name: 'Support (Ana)',
      stages: [{ name: 'contact', touchpoints: [{ name: 'Chat started', channel: 'chat' }] }],
      baseVersion: 1,
      updatedBy: 'ana@example.com',
    });
    await page.fill('#map-name', 'Support (Olga)');
    await page.click('button:has-text("Save the map")');
    const conflict = page.locator('.map-conflict');
    await conflict.waitFor();
    expect(await conflict.locator('h3').innerText()).toMatch(/not saved/i);
    expect(await conflict.innerText()).toContain('ana@example.com saved version 2');
    const versions = await conflict.locator('.map-version').allInnerTexts();
    expect(versions[0]).toContain('Support (Ana)');
    expect(versions[0]).toContain('Chat started (chat)');
    expect(versions[1]).toContain('Support (Olga)');
    expect(versions[1]).toContain('diagnosis');
    // Nothing was written over Ana's save.
    expect(await server.store.getJourneyMapRecord(projectId, created!.mapId)).toEqual(theirs);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await findViolations(page), `axe at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }

    await page.click('button:has-text("Save mine over theirs")');
    await page.waitForSelector('.map-editor', { state: 'detached' });
    const saved = await server.store.getJourneyMapRecord(projectId, created!.mapId);
    expect(saved).toMatchObject({ name: 'Support (Olga)', version: 3, updatedBy: 'olga@example.com' });
    expect(saved!.stages.map((s) => s.name)).toEqual(['contact', 'diagnosis', 'resolution', 'follow-up']);
    // The map's figures: the caller who chatted, opened a ticket and was helped.
    const resolution = page
      .locator('.stage')
      .filter({ has: page.locator('.stage-name', { hasText: /^resolution$/ }) });
    expect(await resolution.locator('.stage-persons').innerText()).toMatch(/^1 /);
    expect(await page.locator('#journey-map-picker option').allInnerTexts()).toEqual([
      'Main journey',
      'Support (Olga)',
    ]);

    // Deleting it comes back to the main map.
    await page.click('button:has-text("Delete")');
    await page.click('button:has-text("Yes, delete")');
    await page.waitForFunction(() => !location.hash.includes('map='));
    expect((await server.store.listJourneyMaps(projectId)).map((m) => m.mapId)).toEqual(['main']);
    await page.close();
  }, 120_000);

  it('loaded every page without a CSP violation', () => {
    expect(cspReports).toEqual([]);
  });
});
