import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '@parcours/schema';
import { createSolidPng } from './testing/createSolidPng.js';
import { readPdfPagePixels, readPdfText } from './testing/readPdfPage.js';
import { startJourneysServer, type JourneysServer } from './testing/startJourneysServer.js';

// Issue 12, item 3: a branded PDF report printed by the server's Chromium, turned back
// into pixels (pdftoppm) and text (pdftotext): page 1 shows the logo and the title,
// and its figures are the API's answers. Real server on loopback, real SQLite file.
let server: JourneysServer;
let dir: string;
const DAY = 86_400_000;
const FROM = Date.UTC(2026, 5, 1);
const TO = FROM + 7 * DAY - 1;
const LOGO_RGB = [0, 168, 107] as const;
const TITLE = 'Acme weekly journeys';

const ev = (anonymousId: string, name: string, hour: number): Event => ({
  id: `${anonymousId}-${name}-${hour}`,
  type: 'track',
  name,
  anonymousId,
  channel: 'web',
  timestamp: FROM + hour * 3_600_000,
});
const FUNNEL = { steps: [{ name: 'home' }, { name: 'signup' }, { name: 'purchase' }], windowMs: 7 * DAY };

async function call(path: string, input: object, method: 'GET' | 'POST') {
  const body = JSON.stringify({ projectId: server.project.projectId, ...input });
  const url =
    method === 'GET'
      ? `${server.base}/trpc/${path}?input=${encodeURIComponent(body)}`
      : `${server.base}/trpc/${path}`;
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${server.project.secretKey}`, 'Content-Type': 'application/json' },
    ...(method === 'POST' && { body }),
  });
  const answer = (await response.json()) as { result?: { data: any }; error?: any };
  return { status: response.status, data: answer.result?.data, error: answer.error };
}

/** Page 1 shows the logo: most of the 40 mm square at the top left (16 mm margins) is its colour, and nothing outside it is. */
function expectLogoOnPage1(pdfPath: string) {
  const { width, height, rgb } = readPdfPagePixels(pdfPath);
  const perMm = width / 210;
  const isLogo = (x: number, y: number) => {
    const at = (y * width + x) * 3;
    return LOGO_RGB.every((c, i) => Math.abs(rgb[at + i]! - c) <= 12);
  };
  let inLogoBox = 0;
  let elsewhere = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!isLogo(x, y)) continue;
      const inBox = x >= 14 * perMm && x <= 58 * perMm && y >= 14 * perMm && y <= 58 * perMm;
      if (inBox) inLogoBox++;
      else elsewhere++;
    }
  }
  expect(inLogoBox).toBeGreaterThan(0.8 * (40 * perMm) ** 2);
  expect(elsewhere).toBe(0);
}

/**
 * A table row as `pdftotext -layout` prints it, after `heading` and before `until`: its
 * cells in order on one line, separated by spaces.
 */
function expectRow(layout: string, heading: string, until: string, cells: string[]) {
  const part = layout.slice(layout.indexOf(heading), layout.indexOf(until));
  const escaped = cells.map((cell) => cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  expect(part, `${heading}: ${cells.join(' | ')}`).toMatch(
    new RegExp(`^\\s*${escaped.join('\\s+')}\\s*$`, 'm'),
  );
}

/** A PDF answer written to a file, checked to be a PDF. */
function writePdf(data: { pdfBase64: string }, name: string): string {
  const pdfPath = join(dir, name);
  const pdf = Buffer.from(data.pdfBase64, 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  writeFileSync(pdfPath, pdf);
  return pdfPath;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-report-'));
  server = await startJourneysServer('reports');
  const batch = Array.from({ length: 9 }, (_, n) => [
    ev(`p${n}`, 'home', n),
    ...(n < 6 ? [ev(`p${n}`, 'signup', n + 1)] : []),
    ...(n < 2 ? [ev(`p${n}`, 'purchase', n + 2)] : []),
  ]).flat();
  expect(await server.collect(batch)).toBe(200);
}, 30_000);
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the PDF report over HTTP', () => {
  it('shows the logo and the title on page 1, and the figures the API answers', async () => {
    const logoDataUrl = `data:image/png;base64,${createSolidPng(64, LOGO_RGB).toString('base64')}`;
    const brand = await call(
      'reports.setBrand',
      { title: TITLE, primaryColor: '#7A1F5C', accentColor: '#E07A00', logoDataUrl },
      'POST',
    );
    expect(brand.status, JSON.stringify(brand.error)).toBe(200);

    const report = await call('reports.pdf', { from: FROM, to: TO, funnel: FUNNEL }, 'GET');
    expect(report.status, JSON.stringify(report.error)).toBe(200);
    expect(report.data.filename).toBe(
      `parcours-report-${server.project.projectId}-2026-06-01-2026-06-07.pdf`,
    );
    const pdfPath = writePdf(report.data, 'report.pdf');

    expectLogoOnPage1(pdfPath);

    // One text line per block: pdftotext separates blocks with blank lines.
    const text = readPdfText(pdfPath).replace(/\n\s*\n/g, '\n');
    expect(text).toContain(TITLE);
    expect(text).toContain('reports · 2026-06-01 to 2026-06-07 (UTC)');
    const overview = await server.query('overview', { from: FROM, to: TO });
    const funnel = await server.query('funnel', { ...FUNNEL, from: FROM, to: TO });
    expect(overview.data.totals.events).toBe(17);
    // pdftotext reads the figure cards' values, then their labels.
    const { totals } = overview.data;
    const nps = totals.nps === null ? '—' : String(totals.nps);
    expect(text).toContain(
      [
        totals.events,
        totals.persons,
        totals.conversions,
        nps,
        'Touchpoints',
        'Persons',
        'Conversions',
        'NPS',
      ].join('\n'),
    );
    expect(funnel.data.steps.map((s: any) => s.count)).toEqual([9, 6, 2]);
    for (const [index, step] of funnel.data.steps.entries()) {
      const rate = `${(step.conversionRate * 100).toFixed(1)}%`;
      expect(text).toContain(`${index + 1}. ${step.name}\n${step.count}\n${rate}\n${step.dropOff}\n`);
    }
  }, 60_000);

  it("prints a dashboard: the brand's logo and title on page 1, the dashboard's name, and each tile's figures as the API answers them", async () => {
    const logoDataUrl = `data:image/png;base64,${createSolidPng(64, LOGO_RGB).toString('base64')}`;
    const brand = await call(
      'reports.setBrand',
      { title: TITLE, primaryColor: '#7A1F5C', accentColor: '#E07A00', logoDataUrl },
      'POST',
    );
    expect(brand.status, JSON.stringify(brand.error)).toBe(200);
    const { projectId } = server.project;
    // Two persons go back and forth between help and contact: a loop for the friction tile.
    expect(
      await server.collect([
        ...['q1', 'q2'].flatMap((id) => [ev(id, 'help', 30), ev(id, 'contact', 31), ev(id, 'help', 32)]),
        // Two buyers rate their experience (CSAT 1–5): one satisfied, one not.
        ...[5, 2].map((score, n) => ({
          ...ev(`p${n}`, 'feedback', 40),
          properties: { kind: 'csat', score },
        })),
      ]),
    ).toBe(200);
    await server.store.setJourneyMap(projectId, [
      { name: 'visit', touchpoints: [{ name: 'home' }] },
      { name: 'account', touchpoints: [{ name: 'signup' }] },
      { name: 'order', touchpoints: [{ name: 'purchase', goal: true }] },
    ]);
    const save = (
      name: string,
      view: 'funnel' | 'paths' | 'retention' | 'journeyMap' | 'friction' | 'persons',
      params: Record<string, string>,
    ) =>
      server.store.createInsight({
        projectId,
        name,
        description: '',
        view,
        params,
        createdBy: 'owner@example.com',
      });
    // Saved with their own ranges (`days`): the report's range replaces them.
    const funnel = await save('Sign-up funnel', 'funnel', {
      step1: 'home',
      step2: 'signup',
      step3: 'purchase',
      window: '7d',
      days: '7',
    });
    const paths = await save('Top paths', 'paths', { start: 'home', depth: '3', limit: '10', days: '30' });
    const retention = await save('Who comes back', 'retention', { weeks: '8' });
    const map = await save('The journey', 'journeyMap', {});
    const friction = await save('Where it rubs', 'friction', { days: '30' });
    const persons = await save('Web visitors', 'persons', { channel: 'web', q: 'p1' });
    const dashboard = await server.store.createDashboard({
      projectId,
      name: 'Weekly review',
      description: '',
      insightIds: [
        funnel.insightId,
        paths.insightId,
        retention.insightId,
        map.insightId,
        friction.insightId,
        persons.insightId,
      ],
      createdBy: 'owner@example.com',
    });

    const report = await call(
      'reports.dashboardPdf',
      { dashboardId: dashboard.dashboardId, from: FROM, to: TO },
      'GET',
    );
    expect(report.status, JSON.stringify(report.error)).toBe(200);
    expect(report.data.filename).toBe(`parcours-dashboard-${projectId}-2026-06-01-2026-06-07.pdf`);
    const pdfPath = writePdf(report.data, 'dashboard.pdf');
    expectLogoOnPage1(pdfPath);

    const text = readPdfText(pdfPath).replace(/\n\s*\n/g, '\n');
    expect(text).toContain(TITLE);
    expect(text).toContain('reports · 2026-06-01 to 2026-06-07 (UTC)');
    expect(text).toContain('Dashboard: Weekly review');
    // In the dashboard's order, each under its name.
    const order = [
      'Sign-up funnel',
      'Top paths',
      'Who comes back',
      'The journey',
      'Where it rubs',
      'Web visitors',
    ].map((name) => text.indexOf(name));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const funnelAnswer = await server.query('funnel', { ...FUNNEL, from: FROM, to: TO });
    expect(funnelAnswer.data.steps.map((s: any) => s.count)).toEqual([9, 6, 2]);
    for (const [index, step] of funnelAnswer.data.steps.entries()) {
      const rate = `${(step.conversionRate * 100).toFixed(1)}%`;
      expect(text).toContain(`${index + 1}. ${step.name}\n${step.count}\n${rate}\n${step.dropOff}\n`);
    }
    const pathsAnswer = await server.query('paths', {
      start: 'home',
      depth: 3,
      limit: 10,
      from: FROM,
      to: TO,
    });
    expect(pathsAnswer.data.paths.length).toBeGreaterThan(1);
    for (const path of pathsAnswer.data.paths) {
      expect(text).toContain(`${path.steps.join(' → ')}\n${path.count}\n${path.left}\n`);
    }
    expect(text).not.toContain('open the dashboard in Parcours');
    const layout = readPdfText(pdfPath, { layout: true });
    const share = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
    const retentionAnswer = await server.query('retention', { from: FROM, to: TO });
    expect(retentionAnswer.data.curve[0].persons).toBe(11);
    for (const point of retentionAnswer.data.curve) {
      const cells = [point.week, point.persons, point.returned].map(String);
      expectRow(layout, 'Who comes back', 'The journey', [...cells, share(point.share)]);
    }
    const stagesAnswer = await server.query('stages', { from: FROM, to: TO });
    expect(stagesAnswer.data.stages.map((s: any) => s.persons)).toEqual([9, 6, 2]);
    expect(stagesAnswer.data.stages.map((s: any) => s.csat.satisfied)).toEqual([50, 50, 50]);
    for (const stage of stagesAnswer.data.stages) {
      const nps = stage.feedback.nps === null ? '—' : String(stage.feedback.nps);
      const csat = stage.csat.satisfied === null ? '—' : `${stage.csat.satisfied.toFixed(1)}%`;
      const cells = [stage.name, String(stage.persons), share(stage.conversionFromPrevious), nps, csat];
      expectRow(layout, 'The journey', 'Where it rubs', cells);
    }
    const frictionAnswer = await server.query('friction', { from: FROM, to: TO });
    expect(frictionAnswer.data.loops).toMatchObject([{ from: 'help', via: 'contact', persons: 2 }]);
    expectRow(layout, 'Where it rubs', 'Web visitors', ['help → contact → help', '2', '2']);
    expect(text).toContain('No repeated contact in the range.');
    // Counts only: no person id of the friction lists or the persons tile leaves in a report.
    for (const id of ['q1', 'q2', 'p1']) expect(text).not.toMatch(new RegExp(`\\b${id}\\b`));
    const personsAnswer = await server.query('persons', { channel: 'web', lastSeen: { from: FROM, to: TO } });
    expect(personsAnswer.data.total).toBe(11);
    expect(text).toContain(`11\nPersons last seen in the range, who came through web`);

    const unknown = await call(
      'reports.dashboardPdf',
      { dashboardId: 'dsh_nope', from: FROM, to: TO },
      'GET',
    );
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.error)).toContain('dashboardId');
  }, 60_000);

  it('refuses a logo that is not an image data URL or too big, and a colour that is not #rrggbb', async () => {
    const base = { title: TITLE, primaryColor: '#112233', accentColor: '#445566' };
    const svg = await call(
      'reports.setBrand',
      { ...base, logoDataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' },
      'POST',
    );
    expect(svg.status).toBe(400);
    expect(JSON.stringify(svg.error)).toContain('image/png');
    const big = `data:image/png;base64,${'A'.repeat(300_000)}`;
    const tooBig = await call('reports.setBrand', { ...base, logoDataUrl: big }, 'POST');
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.error)).toContain('KiB');
    const colour = await call(
      'reports.setBrand',
      { ...base, primaryColor: 'red', logoDataUrl: null },
      'POST',
    );
    expect(colour.status).toBe(400);
    expect(JSON.stringify(colour.error)).toContain('#rrggbb');
  });
});
