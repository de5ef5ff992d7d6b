import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe, { type AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/launchChromium.js';
import { serveFolder } from './support/serveFolder.js';
import { startCollector, type Collector } from './support/startCollector.js';
import { waitFor } from './support/waitFor.js';

// Issue 8: the two tags of the contract on another origin than the collector, in Chromium.
let browser: Browser;
let collector: Collector;
let site: { origin: string; close: () => void };
let dir: string;
let adminKey: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-banner-site-'));
  [browser, collector, site] = await Promise.all([launchChromium(), startCollector(), serveFolder(dir)]);
  adminKey = (
    await collector.store.createSecretKey(collector.project.projectId, { scope: 'admin', label: 'e2e' })
  ).key;
  const { origin } = collector;
  const key = collector.project.writeKey;
  const sdk = `<script defer src="${origin}/sdk.js" data-write-key="${key}"></script>`;
  const banner = `<script defer src="${origin}/banner.js" data-write-key="${key}"></script>`;
  const page = (tags: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${tags}</head>` +
    `<body><main><h1>Shop</h1><button id="track" onclick="parcours.track('Added to cart')">Add</button></main></body></html>`;
  writeFileSync(join(dir, 'sdk-first.html'), page(sdk + banner));
  writeFileSync(join(dir, 'banner-first.html'), page(banner + sdk));
  writeFileSync(join(dir, 'button.html'), page(sdk + banner.replace('<script ', '<script data-button ')));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  site?.close();
  await collector?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A privacy procedure with the admin key: the parsed `result.data`. */
async function privacy(path: string, input: object, mutation = false) {
  const base = `${collector.origin}/trpc/privacy.${path}`;
  const headers = { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' };
  const response = mutation
    ? await fetch(base, { method: 'POST', headers, body: JSON.stringify(input) })
    : await fetch(`${base}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

const projectId = () => collector.project.projectId;

/**
 * Publishes a new version with a changed English body. (Republishing an unchanged config
 * keeps its hash, which is the ETag of `consent.config`: a browser would keep its copy.)
 */
async function publishAgain(): Promise<number> {
  const {
    policyVersion: _v,
    configHash: _h,
    publishedAt: _p,
    ...input
  } = await privacy('consentConfig', {
    projectId: projectId(),
  });
  input.texts.en.body += ' (updated)';
  return (await privacy('publishConsentConfig', { projectId: projectId(), ...input }, true)).policyVersion;
}

/** A fresh visitor: a context with the language and GPC asked for, and every request to the collector recorded. */
async function visit(options: { locale?: string; gpc?: boolean; context?: BrowserContext } = {}) {
  const context = options.context ?? (await browser.newContext({ locale: options.locale ?? 'en-GB' }));
  if (options.gpc)
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
  const page = await context.newPage();
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(collector.origin)) requests.push(request);
  });
  /** POSTs to collect and consent (not the scripts, not the config). */
  const sent = (path: 'collect' | 'consent') =>
    requests.filter((r) => r.method() === 'POST' && r.url() === `${collector.origin}/trpc/${path}`);
  return { context, page, requests, sent };
}

async function open(page: Page, file = 'sdk-first.html') {
  await page.goto(`${site.origin}/${file}`);
  // The banner adds `consent.open` once it has read the config and reviewed the stored choice.
  await page.waitForFunction(() => typeof (window as any).parcours?.consent?.open === 'function', null, {
    timeout: 10_000,
  });
}

/** Everything the device holds for the page's origin. */
async function deviceStorage(context: BrowserContext, page: Page) {
  return {
    cookies: await context.cookies(),
    ...(await page.evaluate(async () => ({
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      indexedDB: (await indexedDB.databases()).map((db) => db.name),
    }))),
  };
}

const pause = (page: Page, ms: number) => page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), ms);
const bannerShown = (page: Page) => page.locator('[role="dialog"]').isVisible();

/** The ledger's newest records, through privacy.consentLog. */
const ledger = async () => (await privacy('consentLog', { projectId: projectId() })).records as any[];

describe.each(['sdk-first.html', 'banner-first.html'])('two tags (%s)', (file) => {
  it('send and store nothing until a choice; "Accept all" sends touchpoints and records the grant under the published version', async () => {
    const { context, page, sent } = await visit();
    await open(page, file);
    expect(new URL(page.url()).origin).not.toBe(collector.origin);
    expect(await bannerShown(page)).toBe(true);
    await page.click('#track');
    await pause(page, 1_500);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    expect([...sent('collect'), ...sent('consent')]).toEqual([]);
    expect(await deviceStorage(context, page)).toEqual({
      cookies: [],
      localStorage: [],
      sessionStorage: [],
      indexedDB: [],
    });

    const { policyVersion, configHash } = await privacy('consentConfig', { projectId: projectId() });
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    expect(await bannerShown(page)).toBe(false);
    await page.click('#track');
    await page.evaluate(() => (window as any).parcours.flush());
    await waitFor(
      'a collect batch',
      async () => sent('collect').length,
      (n) => n > 0,
    );
    const bodies = sent('collect').map((r) => JSON.parse(r.postData()!));
    expect(bodies[0]).toMatchObject({
      policyVersion,
      consent: ['analytics', 'marketing', 'personalization'],
    });
    const anonymousId = await page.evaluate(() => JSON.parse(localStorage.getItem('parcours:2')!).a);
    const timeline = await waitFor(
      'the touchpoints in the timeline',
      () => collector.query('person', { anonymousId }),
      (t) => t.events.some((e: { name: string }) => e.name === 'Added to cart'),
    );
    expect(timeline.events.map((e: { type: string }) => e.type)).toContain('page');
    const grant = (
      await waitFor('the grant in the ledger', ledger, (records) =>
        records.some((r) => r.anonymousId === anonymousId),
      )
    ).find((r) => r.anonymousId === anonymousId);
    expect(grant).toMatchObject({
      action: 'accept_all',
      source: 'banner',
      policyVersion: String(policyVersion),
      configHash,
      locale: 'en',
      path: `/${file}`,
      gpc: false,
      origin: site.origin,
      verified: true,
    });
    await context.close();
  }, 60_000);
});

describe('the banner', () => {
  it('"Refuse all": no collect request for 5 s nor after a reload, and the banner stays hidden', async () => {
    const { context, page, sent } = await visit();
    await open(page);
    await page.getByRole('button', { name: 'Refuse all', exact: true }).click();
    expect(await bannerShown(page)).toBe(false);
    await page.click('#track');
    await pause(page, 5_200);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.reload();
    await pause(page, 1_000);
    expect(await bannerShown(page)).toBe(false);
    await page.click('#track');
    await pause(page, 5_200);
    expect(sent('collect')).toEqual([]);
    expect(sent('consent')).toHaveLength(1);
    expect(JSON.parse(sent('consent')[0]!.postData()!).records[0]).toMatchObject({
      granted: [],
      action: 'refuse_all',
      source: 'banner',
    });
    await context.close();
  }, 60_000);

  it('asks a returning visitor again after a new version is published, and sends nothing meanwhile', async () => {
    const first = await visit();
    await open(first.page, 'banner-first.html');
    await first.page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await first.page.evaluate(() => (window as any).parcours.flush());
    await waitFor(
      'the first batch',
      async () => first.sent('collect').length,
      (n) => n > 0,
    );
    const version = await publishAgain();

    // Same device, new page: leftovers and the automatic page view wait for the banner's review.
    const again = await visit({ context: first.context });
    await first.page.close();
    await open(again.page, 'sdk-first.html');
    expect(await bannerShown(again.page)).toBe(true);
    await again.page.click('#track');
    await pause(again.page, 5_500);
    await again.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(again.sent('collect')).toEqual([]);

    await again.page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await again.page.click('#track');
    await again.page.evaluate(() => (window as any).parcours.flush());
    await waitFor(
      'a batch under the new version',
      async () => again.sent('collect').length,
      (n) => n > 0,
    );
    const batches = again.sent('collect').map((r) => JSON.parse(r.postData()!));
    expect(batches.every((b) => b.policyVersion === version)).toBe(true);
    // Only what was tracked after the new choice: one click, no page view from before it.
    expect(batches.flatMap((b) => b.batch.map((e: { name: string }) => e.name))).toEqual(['Added to cart']);
    await first.context.close();
  }, 90_000);

  it('with GPC, states it, offers marketing switched off, and "Accept all" leaves marketing refused', async () => {
    const { context, page, sent } = await visit({ gpc: true });
    await open(page);
    const { texts } = await privacy('consentConfig', { projectId: projectId() });
    await expect(page.locator('.pcb-g').textContent()).resolves.toBe(texts.en.gpcNotice);
    await page.getByRole('button', { name: 'Customise' }).click();
    expect(await page.getByRole('switch', { name: texts.en.categories.marketing.label }).isChecked()).toBe(
      false,
    );
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    expect(await page.evaluate(() => (window as any).parcours.consent.get())).toEqual([
      'analytics',
      'personalization',
    ]);
    await waitFor(
      'the record',
      async () => sent('consent').length,
      (n) => n > 0,
    );
    expect(JSON.parse(sent('consent')[0]!.postData()!).records[0]).toMatchObject({
      denied: ['marketing'],
      action: 'gpc_default',
      source: 'gpc',
      gpc: true,
    });
    await context.close();
  }, 60_000);

  it('with GPC, marketing switched on explicitly in the preferences is granted', async () => {
    const { context, page } = await visit({ gpc: true });
    await open(page);
    await page.getByRole('button', { name: 'Customise' }).click();
    await page.getByRole('switch', { name: 'Marketing' }).check();
    await page.getByRole('button', { name: /save/i }).click();
    expect(await page.evaluate(() => (window as any).parcours.consent.get())).toEqual(['marketing']);
    await context.close();
  }, 60_000);

  it('accept and refuse have equal computed width, height, font size, font weight, colour and background', async () => {
    const { context, page } = await visit({ locale: 'fr-FR' });
    await open(page);
    const styles = await page.$$eval('.pcb-a button', (buttons) =>
      buttons.map((button) => {
        const style = getComputedStyle(button);
        const { width, height } = button.getBoundingClientRect();
        return {
          text: button.textContent,
          width,
          height,
          fontSize: style.fontSize,
          fontWeight: style.fontWeight,
          color: style.color,
          background: style.backgroundColor,
          textDecoration: style.textDecorationLine,
        };
      }),
    );
    const [accept, refuse] = styles;
    expect([accept!.text, refuse!.text]).toEqual(['Tout accepter', 'Tout refuser']);
    const { text: _a, ...acceptStyle } = accept!;
    const { text: _r, ...refuseStyle } = refuse!;
    expect(refuseStyle).toEqual(acceptStyle);
    expect(acceptStyle.textDecoration).toBe('none');
    await context.close();
  }, 60_000);

  it('is a named dialog in the language shown, focused on open, usable by keyboard; Escape is a refusal', async () => {
    const { context, page, sent } = await visit({ locale: 'fr-FR' });
    await open(page);
    const dialog = page.getByRole('dialog', { name: 'Vos choix sur les cookies' });
    expect(await dialog.getAttribute('lang')).toBe('fr');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tout accepter');
    // Refuse is one Tab away from accept; Customise, Enter, then the switches by keyboard.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tout refuser');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('switch');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Tout accepter');
    await page.keyboard.press('Escape');
    expect(await bannerShown(page)).toBe(false);
    await waitFor(
      'the refusal',
      async () => sent('consent').length,
      (n) => n > 0,
    );
    expect(JSON.parse(sent('consent')[0]!.postData()!).records[0]).toMatchObject({
      granted: [],
      locale: 'fr',
    });
    // A change of mind: parcours.consent.open() shows the preferences; Escape changes nothing.
    await page.evaluate(() => (window as any).parcours.consent.open());
    await page.waitForSelector('[role="switch"]');
    await page.keyboard.press('Escape');
    expect(await bannerShown(page)).toBe(false);
    expect(sent('consent')).toHaveLength(1);
    await context.close();
  }, 60_000);

  it('asks again once the stored choice is older than the re-ask period', async () => {
    const { context, page, sent } = await visit();
    await open(page);
    await page.getByRole('button', { name: 'Refuse all', exact: true }).click();
    await page.reload();
    await open(page);
    expect(await bannerShown(page)).toBe(false);
    // The decision's time, 6 months and a day ago (the default period is 6 months).
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('parcours_consent')!);
      stored.at(-1).t -= 184 * 864e5;
      localStorage.setItem('parcours_consent', JSON.stringify(stored));
    });
    await page.reload();
    await open(page);
    expect(await bannerShown(page)).toBe(true);
    expect(sent('collect')).toEqual([]);
    await context.close();
  }, 60_000);

  it('with data-button, a floating button reopens the preferences after a choice', async () => {
    const { context, page } = await visit();
    await open(page, 'button.html');
    await page.getByRole('button', { name: 'Accept all', exact: true }).click();
    await page.getByRole('button', { name: 'Cookies' }).click();
    expect(
      await page.getByRole('switch').evaluateAll((s) => s.map((e) => (e as HTMLInputElement).checked)),
    ).toEqual([true, true, true]);
    await page.getByRole('switch').first().uncheck();
    await page.getByRole('button', { name: /save/i }).click();
    expect(await page.evaluate(() => (window as any).parcours.consent.get())).toEqual([
      'marketing',
      'personalization',
    ]);
    await context.close();
  }, 60_000);

  for (const locale of ['fr-FR', 'en-GB'])
    it(`passes axe-core with no violation, first layer and preferences (${locale})`, async () => {
      const { context, page } = await visit({ locale });
      await open(page);
      expect(await findViolations(page)).toEqual([]);
      await page.locator('.pcb-c').click();
      await page.waitForSelector('[role="switch"]');
      expect(await findViolations(page)).toEqual([]);
      await context.close();
    }, 60_000);
});

/** axe-core in the page, WCAG 2.x A/AA tags; one readable line per failing element. */
async function findViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }
    ).axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    }),
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${violation.help} — ${node.target.join(' ')}`),
  );
}
