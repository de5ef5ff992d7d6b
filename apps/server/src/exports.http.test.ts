import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '@parcours/schema';
import { parseCsv } from './testing/parseCsv.js';
import { startJourneysServer, type JourneysServer } from './testing/startJourneysServer.js';

// Issue 12, item 3: the CSV of each journey table parses (RFC 4180) and holds the API's
// answer row for row; a cell a spreadsheet would run as a formula is defused; person
// lists are audited. Real server on loopback, real SQLite file.
let server: JourneysServer;
const T = Date.UTC(2026, 5, 1);
const FORMULA = '=HYPERLINK("http://evil.example","x")';
const QUOTED = 'Shoes, "red" size 42';

const ev = (anonymousId: string, name: string, minute: number, patch: Partial<Event> = {}): Event => ({
  id: `${anonymousId}-${minute}`,
  type: 'track',
  name,
  anonymousId,
  channel: 'web',
  timestamp: T + minute * 60_000,
  ...patch,
});

beforeAll(async () => {
  server = await startJourneysServer('exports');
  const persons = ['a', 'b', 'c', 'd', 'e', 'f'];
  const status = await server.collect(
    persons.flatMap((id, n) => [
      ev(id, 'home', n * 10, { properties: { plan: n % 2 === 0 ? '+1 offer' : 'free' } }),
      ...(n < 4 ? [ev(id, FORMULA, n * 10 + 1, n === 0 ? { userId: '@admin' } : {})] : []),
      ...(n < 2 ? [ev(id, QUOTED, n * 10 + 2, { channel: 'store' })] : []),
    ]),
  );
  expect(status).toBe(200);
}, 30_000);
afterAll(() => server.stop());

const FUNNEL = {
  steps: [{ name: 'home' }, { name: FORMULA }, { name: QUOTED }],
  windowMs: 3_600_000,
  from: T - 1,
  to: T + 3_600_000,
};

/** `exports.<path>` over HTTP: the parsed CSV (header apart) and the file name. */
async function download(path: string, input: object) {
  const payload = encodeURIComponent(JSON.stringify({ projectId: server.project.projectId, ...input }));
  const response = await fetch(`${server.base}/trpc/exports.${path}?input=${payload}`, {
    headers: { Authorization: `Bearer ${server.project.secretKey}` },
  });
  const body = (await response.json()) as {
    result?: { data: { filename: string; csv: string } };
    error?: any;
  };
  expect(response.status, JSON.stringify(body.error)).toBe(200);
  const [header, ...rows] = parseCsv(body.result!.data.csv);
  return { filename: body.result!.data.filename, header: header!, rows };
}

async function ask(path: string, input: object) {
  const answer = await server.query(path, input);
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  return answer.data;
}

/** What a spreadsheet cell shows for a text that would start a formula. */
const guard = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);
const iso = (ms: number) => new Date(ms).toISOString();
const stepRow = (step: any, index: number) => [
  String(index + 1),
  guard(step.name),
  String(step.count),
  String(step.conversionRate),
  String(step.dropOff),
  String(step.inProgress),
  String(step.abandoned),
  step.medianTimeToConvertMs === null ? '' : String(step.medianTimeToConvertMs),
];

describe('CSV exports over HTTP', () => {
  it("holds the funnel's steps row for row, the formula step defused and the quoted one intact", async () => {
    const csv = await download('funnelStepsCsv', FUNNEL);
    const funnel = await ask('funnel', FUNNEL);
    expect(csv.filename).toMatch(
      new RegExp(`^parcours-funnel-${server.project.projectId}-\\d{4}-\\d\\d-\\d\\d\\.csv$`),
    );
    expect(csv.header).toEqual([
      'step',
      'touchpoint',
      'persons',
      'conversion_rate',
      'dropped_off',
      'in_progress',
      'abandoned',
      'median_time_to_convert_ms',
    ]);
    expect(funnel.steps.map((s: any) => s.count)).toEqual([6, 4, 2]);
    expect(csv.rows).toEqual(funnel.steps.map(stepRow));
    expect(csv.rows[1]![1]).toBe(`'${FORMULA}`);
    expect(csv.rows[2]![1]).toBe(QUOTED);
  });

  it('holds the breakdown, one row per value and step, a "+" value defused', async () => {
    const query = { ...FUNNEL, breakdown: 'plan' };
    const csv = await download('funnelBreakdownCsv', query);
    const funnel = await ask('funnel', query);
    expect(csv.header[0]).toBe('plan');
    const expected = funnel.breakdown.flatMap((row: any) =>
      row.steps.map((step: any, index: number) => [guard(String(row.value)), ...stepRow(step, index)]),
    );
    expect(expected.length).toBe(6);
    expect(csv.rows).toEqual(expected);
    expect(csv.rows.map((row) => row[0])).toContain("'+1 offer");
  });

  it('holds the paths in their rank', async () => {
    const query = { depth: 3, limit: 10 };
    const csv = await download('pathsCsv', query);
    const paths = await ask('paths', query);
    expect(paths.paths.length).toBeGreaterThan(1);
    expect(csv.rows).toEqual(
      paths.paths.map((path: any, index: number) => [
        String(index + 1),
        guard(path.steps.join(' → ')),
        String(path.count),
      ]),
    );
  });

  it('holds every drop-off of a step, and the download is in the audit log', async () => {
    const query = { ...FUNNEL, step: 2 };
    const csv = await download('dropoffsCsv', query);
    const dropoffs = await ask('funnelDropoffs', { ...query, limit: 200 });
    expect(dropoffs.total).toBe(2);
    expect(csv.rows).toEqual(
      dropoffs.persons.map((p: any) => [
        p.personId,
        p.userIds.join(' '),
        p.anonymousIds.join(' '),
        iso(p.reachedAt),
        guard(p.lastTouchpoint.name),
        p.lastTouchpoint.channel === null ? '' : guard(p.lastTouchpoint.channel),
        iso(p.lastTouchpoint.timestamp),
      ]),
    );
    const { entries } = await server.store.getAuditLog(server.project.projectId, {
      limit: 5,
      action: 'export.',
    });
    expect(entries[0]).toMatchObject({ action: 'export.dropoffs', detail: { step: 2, persons: 2 } });
  });

  it('holds the persons list in its order, a "@" user id defused, and audits it', async () => {
    const query = { sort: 'personId', order: 'asc' };
    const csv = await download('personsCsv', query);
    const persons = await ask('persons', { ...query, limit: 200 });
    expect(persons.persons).toHaveLength(6);
    expect(csv.rows).toEqual(
      persons.persons.map((p: any) => [
        guard(p.personId),
        guard(p.userIds.join(' ')),
        p.anonymousIds.join(' '),
        iso(p.firstSeen),
        iso(p.lastSeen),
        String(p.touchpoints),
        guard(p.channels.map((c: string | null) => c ?? '(none)').join(' ')),
        p.stages.join(' | '),
      ]),
    );
    expect(csv.rows.map((row) => row[1])).toContain("'@admin");
    const { entries } = await server.store.getAuditLog(server.project.projectId, {
      limit: 5,
      action: 'export.',
    });
    expect(entries[0]).toMatchObject({ action: 'export.persons', detail: { persons: 6 } });
  });

  it('answers 400 for a breakdown CSV without a breakdown and for a step past the funnel', async () => {
    const payload = (input: object) =>
      encodeURIComponent(JSON.stringify({ projectId: server.project.projectId, ...input }));
    const get = (path: string, input: object) =>
      fetch(`${server.base}/trpc/exports.${path}?input=${payload(input)}`, {
        headers: { Authorization: `Bearer ${server.project.secretKey}` },
      });
    const noBreakdown = await get('funnelBreakdownCsv', FUNNEL);
    expect(noBreakdown.status).toBe(400);
    expect(await noBreakdown.text()).toContain('breakdown');
    const pastEnd = await get('dropoffsCsv', { ...FUNNEL, step: 4 });
    expect(pastEnd.status).toBe(400);
    expect(await pastEnd.text()).toContain('step');
  });
});
