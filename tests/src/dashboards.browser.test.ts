import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Annotation, FunnelResult, OverviewResult, PathsResult, StagesResult } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchCsp } from './support/dashboard.js';
import { findViolations } from './support/findViolations.js';
import { launchChromium } from './support/launchChromium.js';
import { startAccountsServer, type AccountsServer } from './support/startAccountsServer.js';

// Issue 12, items 1 and 2: a funnel and a paths view saved as insights, put on a
// dashboard, still drawn after a reload; an annotation on a touchpoint marked on the
// overview chart, its before/after figures the engine's own answers for both periods.
// Chromium against the real server and its SQLite file; axe at 1440 and 390 px.
let server: AccountsServer;
let browser: Browser;
const cspReports: string[] = [];

const DAY = 86_400_000;
/** The page's numbers as an en-US reader sees them. */
const formatCount = (count: number) => count.toLocaleString('en');
const formatPercent = (rate: number) =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
const formatNps = (nps: number | null) =>
  nps === null ? '—' : Math.round(nps) > 0 ? `+${Math.round(nps)}` : String(Math.round(nps));
const FUNNEL_PARAMS = { step1: '/', step2: 'Product viewed', step3: 'Added to cart', window: '7d' };
/** The day the fix is annotated: a week ago, so that the week before it is over. */
const fixDay = new Date(Math.floor(Date.now() / DAY) * DAY - 7 * DAY).toISOString().slice(0, 10);
let fix: Annotation;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startAccountsServer({ owner: 'olga@example.com', viewer: 'vic@example.com' }),
    launchChromium(),
  ]);
  const { store, project } = server;
  // The seeded persons added to the cart in the last three days; in the week before the fix
  // three more did and left, and one of them went on to buy.
  const before = Date.parse(`${fixDay}T00:00:00Z`) - 3 * DAY;
  await store.insertEvents(
    project.projectId,
    ['fix-a', 'fix-b', 'fix-c'].flatMap((anonymousId, i) => [
      {
        id: `${anonymousId}-1`,
        type: 'track',
        name: 'Added to cart',
        anonymousId,
        timestamp: before + i * 60_000,
      },
      ...(i === 0
        ? [
            {
              id: `${anonymousId}-2`,
              type: 'track' as const,
              name: 'Purchase completed',
              anonymousId,
              timestamp: before + DAY,
            },
          ]
        : []),
    ]),
  );
  await store.setJourneyMap(project.projectId, [
    { name: 'consideration', touchpoints: [{ name: 'Product viewed' }, { name: 'Added to cart' }] },
    { name: 'decision', touchpoints: [{ name: 'Purchase completed' }] },
  ]);
  fix = await store.createAnnotation({
    projectId: project.projectId,
    fromDay: fixDay,
    toDay: fixDay,
    text: 'Fixed the cart page',
    touchpoint: 'Added to cart',
    createdBy: 'olga@example.com',
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const projectHash = (path: string, params: Record<string, string> = {}) => {
  const query = new URLSearchParams(params).toString();
  return `#/p/${server.project.projectId}/${path}${query ? `?${query}` : ''}`;
};

/** A signed-in window `width` px wide of `role`. */
async function openWindow(
  role: 'owner' | 'viewer',
  width: number,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const signIn = await context.request.post(`${server.origin}/trpc/auth.signIn`, {
    headers: { origin: server.origin },
    data: { email: server.users[role]!.email, password: server.users[role]!.password },
  });
  expect(signIn.status()).toBe(200);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watchCsp(page, cspReports);
  return { context, page };
}

/** A `journeys.*` answer through the API, as the owner's session asks it. */
async function askJourneys<T>(context: BrowserContext, path: string, input: object): Promise<T> {
  const payload = encodeURIComponent(JSON.stringify({ projectId: server.project.projectId, ...input }));
  const response = await context.request.get(`${server.origin}/trpc/journeys.${path}?input=${payload}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** Saves the page on screen as an insight. */
async function saveAsInsight(page: Page, name: string, description: string): Promise<void> {
  await page.click('button:has-text("Save as insight")');
  await page.fill('#insight-name', name);
  await page.fill('#insight-description', description);
  await page.click('#save-insight button[type=submit]');
  await page.waitForSelector(`#save-insight [role=status]:has-text("Saved “${name}”")`);
}

describe('saved insights on a dashboard', () => {
  it('saves a funnel and a paths view, puts both on a new dashboard, and draws both again after a reload', async () => {
    const { context, page } = await openWindow('owner', 1440);
    await page.goto(`${server.origin}/${projectHash('funnel', FUNNEL_PARAMS)}`);
    await page.waitForSelector('.funnel-step');
    await saveAsInsight(page, 'Browse to cart', 'Home page to cart within a week');
    await page.goto(`${server.origin}/${projectHash('paths', { depth: '3', limit: '10' })}`);
    await page.waitForSelector('.path-row');
    await saveAsInsight(page, 'Top paths', 'Three steps deep');

    // The home page is the default dashboard: the overview tile, with its Touchpoints figure.
    await page.goto(`${server.origin}/#/p/${server.project.projectId}`);
    await page.waitForSelector('.tile .kpis >> text=Touchpoints');
    await page.fill('#new-dashboard-name', 'Weekly review');
    await page.click('form[aria-label="New dashboard"] button[type=submit]');
    await page.waitForSelector('h1:text-is("Weekly review")');
    for (const name of ['Browse to cart', 'Top paths']) {
      await page.selectOption('#add-tile', { label: name });
      await page.click('form[aria-label="Add a tile"] button[type=submit]');
      await page.waitForSelector(`.tile h2 a:text-is("${name}")`);
    }

    await page.reload();
    await page.waitForSelector('.tile .funnel-step');
    await page.waitForSelector('.tile .path-row');
    expect(await page.locator('.tile-head h2').allInnerTexts()).toEqual(['Browse to cart', 'Top paths']);
    // The tiles' figures are the API's answers to the saved views' queries.
    const funnel = await askJourneys<FunnelResult>(context, 'funnel', {
      steps: Object.values(FUNNEL_PARAMS)
        .slice(0, 3)
        .map((name) => ({ name })),
      windowMs: 7 * DAY,
    });
    const counts = await page.locator('.tile .funnel-count strong:first-child').allInnerTexts();
    expect(counts).toEqual(funnel.steps.map((step) => formatCount(step.count)));
    const paths = await askJourneys<PathsResult>(context, 'paths', { depth: 3, limit: 10 });
    expect(await page.locator('.tile .path-row').count()).toBe(paths.paths.length);
    expect(await page.locator('.tile .path-count > strong').allInnerTexts()).toEqual(
      paths.paths.map((path) => formatCount(path.count)),
    );

    // Reordered: the paths tile first, and so after another reload.
    await page.click('button:has-text("Earlier Top paths")');
    await page.waitForFunction(() => document.querySelector('.tile-head h2')?.textContent === 'Top paths');
    await page.reload();
    await page.waitForSelector('.tile .funnel-step');
    expect(await page.locator('.tile-head h2').allInnerTexts()).toEqual(['Top paths', 'Browse to cart']);

    // The print view draws the same tiles from the dashboard's id alone, without navigation.
    await page.click('a:has-text("Print view")');
    await page.waitForSelector('main[data-ready=true] .tile .funnel-step');
    expect(page.url()).toMatch(/\/dashboards\/dsh_[\w-]+\/print$/);
    expect(await page.locator('nav').count()).toBe(0);
    expect(await page.locator('.tile-head h2').allInnerTexts()).toEqual(['Top paths', 'Browse to cart']);
    await context.close();
  }, 90_000);

  it('finds saved insights by name or description', async () => {
    const { context, page } = await openWindow('owner', 1440);
    await page.goto(`${server.origin}/${projectHash('insights', { q: 'week' })}`);
    await page.waitForSelector('.insight-row');
    expect(await page.locator('.insight-row h2 a').allInnerTexts()).toEqual(['Browse to cart']);
    await context.close();
  });

  it("schedules the home dashboard's report by email from its page, and says this server sends no email", async () => {
    const { context, page } = await openWindow('owner', 1440);
    await page.goto(`${server.origin}/#/p/${server.project.projectId}`);
    await page.waitForSelector('.tile .kpis');
    await page.waitForSelector('text=This server sends no email');
    await page.selectOption('#schedule-frequency', 'monthly');
    await page.fill('#schedule-recipients', 'team@example.com, lead@example.com');
    await page.click('form[aria-label="Email this dashboard"] button[type=submit]');
    await page.waitForSelector('.schedule-list li:has-text("team@example.com, lead@example.com")');
    const [saved] = await server.store.listReportSchedules(server.project.projectId);
    expect(saved).toMatchObject({
      frequency: 'monthly',
      recipients: ['team@example.com', 'lead@example.com'],
    });
    expect(new Date(saved!.nextRunAt).getUTCDate()).toBe(1);
    await page.click('.schedule-list li button:has-text("Stop")');
    await page.waitForSelector('.schedule-list', { state: 'detached' });
    expect(await server.store.listReportSchedules(server.project.projectId)).toEqual([]);
    await context.close();
  });

  it('lets a viewer read the dashboards, with nothing to edit', async () => {
    const { context, page } = await openWindow('viewer', 1440);
    await page.goto(`${server.origin}/#/p/${server.project.projectId}`);
    await page.waitForSelector('.tile .kpis');
    expect(
      await page.locator('#add-tile, #new-dashboard-name, .tile-controls, #schedule-recipients').count(),
    ).toBe(0);
    await page.goto(`${server.origin}/${projectHash('funnel', FUNNEL_PARAMS)}`);
    await page.waitForSelector('.funnel-step');
    expect(await page.locator('button:has-text("Save as insight")').count()).toBe(0);
    await context.close();
  });
});

describe('an annotation on a touchpoint', () => {
  it('shows on the overview chart, and its before/after figures are the engine’s answers for the two periods', async () => {
    const { context, page } = await openWindow('owner', 1440);
    await page.goto(`${server.origin}/${projectHash('overview', { days: '30' })}`);
    await page.waitForSelector('.chart .chart-annotations li');
    expect(await page.locator('.chart .chart-annotations li').allInnerTexts()).toEqual([
      expect.stringContaining('Fixed the cart page'),
    ]);
    expect(await page.locator('.chart .chart-annotation rect').count()).toBe(1);

    await page.click('nav[aria-label=Main] >> text=Annotations');
    await page.waitForSelector('.compare-table tbody tr');
    const start = Date.parse(`${fixDay}T00:00:00Z`);
    const periods = {
      before: { from: start - 7 * DAY, to: start - 1 },
      after: { from: start + DAY, to: start + 8 * DAY - 1 },
    };
    for (const side of ['before', 'after'] as const) {
      const stages = await askJourneys<StagesResult>(context, 'stages', periods[side]);
      const cart = stages.stages[0]!.touchpoints.find((t) => t.name === 'Added to cart')!;
      const overview = await askJourneys<OverviewResult>(context, 'overview', periods[side]);
      const { persons, conversions } = overview.totals;
      expect(await page.locator(`.compare-table .compare-${side}`).allInnerTexts()).toEqual([
        formatCount(cart.persons),
        formatPercent(cart.exitRate),
        formatNps(cart.nps),
        persons === 0 ? '—' : formatPercent(conversions / persons),
      ]);
    }
    // The figures differ: the comparison is not of one period with itself.
    const before = await page.locator('.compare-table .compare-before').allInnerTexts();
    const after = await page.locator('.compare-table .compare-after').allInnerTexts();
    expect(before).not.toEqual(after);
    expect(fix.touchpoint).toBe('Added to cart');
    await context.close();
  }, 60_000);
});

describe.each([1440, 390])('accessibility of the new pages at %i px', (width) => {
  const pages: Array<[name: string, hash: () => string, ready: string]> = [
    ['dashboard (home)', () => `#/p/${server.project.projectId}`, '.tile .kpis'],
    ['insights', () => projectHash('insights'), '.insight-row'],
    ['annotations', () => projectHash('annotations'), '.compare-table tbody tr'],
    ['funnel, saving an insight', () => projectHash('funnel', FUNNEL_PARAMS), '.funnel-step'],
  ];
  it.each(pages)(
    '%s: no axe violation, no sideways scroll',
    async (name, hash, ready) => {
      const { context, page } = await openWindow('owner', width);
      await page.goto(`${server.origin}/${hash()}`);
      await page.waitForSelector(ready);
      if (name.startsWith('funnel')) await page.click('button:has-text("Save as insight")');
      expect(await findViolations(page)).toEqual([]);
      await context.close();
    },
    60_000,
  );

  it('the dashboard with tiles and its print view: no axe violation, no sideways scroll', async () => {
    const { context, page } = await openWindow('owner', width);
    const list = await context.request.get(
      `${server.origin}/trpc/dashboards.list?input=${encodeURIComponent(JSON.stringify({ projectId: server.project.projectId }))}`,
    );
    const dashboards = (
      (await list.json()) as { result: { data: Array<{ dashboardId: string; isDefault: boolean }> } }
    ).result.data;
    const weekly = dashboards.find((d) => !d.isDefault)!;
    await page.goto(`${server.origin}/${projectHash('dashboards', { id: weekly.dashboardId })}`);
    await page.waitForSelector('.tile .path-row');
    await page.waitForSelector('.tile .funnel-step');
    expect(await findViolations(page)).toEqual([]);
    await page.goto(`${server.origin}/${projectHash(`dashboards/${weekly.dashboardId}/print`)}`);
    await page.waitForSelector('main[data-ready=true] .tile .funnel-step');
    expect(await findViolations(page)).toEqual([]);
    expect(cspReports).toEqual([]);
    await context.close();
  }, 60_000);
});
