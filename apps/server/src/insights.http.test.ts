import type { Event } from '@parcours/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJourneysServer, type ApiAnswer, type JourneysServer } from './testing/startJourneysServer.js';

// Saved insights, dashboards and annotations through the real HTTP API on a real SQLite file.
let server: JourneysServer;

const DAY = 86_400_000;
const day = (n: number) => Date.UTC(2026, 5, 1) + n * DAY;

async function call(path: string, input: object, method: 'GET' | 'POST'): Promise<ApiAnswer> {
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
  const answer = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  return { status: response.status, data: answer.result?.data, error: answer.error };
}
const query = (path: string, input: object = {}) => call(path, input, 'GET');
const mutate = (path: string, input: object) => call(path, input, 'POST');

beforeAll(async () => {
  server = await startJourneysServer('insights');
});
afterAll(() => server.stop());

describe('saved insights', () => {
  it('saves a view with its URL state, lists and searches, edits and deletes it', async () => {
    const funnel = await mutate('insights.create', {
      name: 'Checkout funnel',
      description: 'Cart to payment, weekly review',
      view: 'funnel',
      params: { step1: 'Cart', step2: 'Paid', window: '7d' },
    });
    expect(funnel.status).toBe(200);
    expect(funnel.data).toMatchObject({
      view: 'funnel',
      params: { step1: 'Cart', step2: 'Paid', window: '7d' },
    });
    await mutate('insights.create', { name: 'Top paths', view: 'paths', params: { depth: '4' } });

    expect(
      (await query('insights.list', { search: 'WEEKLY' })).data.map((i: { name: string }) => i.name),
    ).toEqual(['Checkout funnel']);
    expect((await query('insights.list')).data).toHaveLength(2);

    const renamed = await mutate('insights.update', { insightId: funnel.data.insightId, name: 'Checkout' });
    expect(renamed.data).toMatchObject({ name: 'Checkout', description: 'Cart to payment, weekly review' });
    expect((await mutate('insights.delete', { insightId: funnel.data.insightId })).status).toBe(200);
    const again = await mutate('insights.delete', { insightId: funnel.data.insightId });
    expect(again.status).toBe(404);
    expect(JSON.stringify(again.error)).toContain(funnel.data.insightId);
  });

  it('does not keep a persons search, which can name a person', async () => {
    const persons = await mutate('insights.create', {
      name: 'Web persons',
      view: 'persons',
      params: { channel: 'web', search: 'user:ada' },
    });
    expect(persons.data.params).toEqual({ channel: 'web' });
  });

  it('answers 400 naming a bad view, name or params', async () => {
    const badView = await mutate('insights.create', { name: 'x', view: 'revenue', params: {} });
    expect(badView.status).toBe(400);
    expect(JSON.stringify(badView.error)).toContain('view');
    const noName = await mutate('insights.create', { name: '  ', view: 'paths', params: {} });
    expect(noName.status).toBe(400);
    expect(JSON.stringify(noName.error)).toContain('name');
    const tooMany = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`p${i}`, 'v']));
    const badParams = await mutate('insights.create', { name: 'x', view: 'paths', params: tooMany });
    expect(badParams.status).toBe(400);
    expect(JSON.stringify(badParams.error)).toContain('at most 30 params');
  });
});

describe('dashboards', () => {
  it('gives a project a default dashboard, its home page, with an overview tile', async () => {
    const home = await query('dashboards.home');
    expect(home.status).toBe(200);
    expect(home.data).toMatchObject({ isDefault: true, name: 'Home' });
    expect(home.data.tiles.map((t: { view: string }) => t.view)).toEqual(['overview']);
    // The same one on every visit.
    expect((await query('dashboards.home')).data.dashboardId).toBe(home.data.dashboardId);
    const removal = await mutate('dashboards.delete', { dashboardId: home.data.dashboardId });
    expect(removal.status).toBe(400);
    expect(JSON.stringify(removal.error)).toContain('default dashboard');
  });

  it('adds, reorders and removes tiles; refuses a tile that is not a saved insight', async () => {
    const a = (await mutate('insights.create', { name: 'A', view: 'retention', params: {} })).data;
    const b = (await mutate('insights.create', { name: 'B', view: 'friction', params: {} })).data;
    const created = await mutate('dashboards.create', { name: 'Weekly', insightIds: [a.insightId] });
    expect(created.status).toBe(200);
    const { dashboardId } = created.data;
    await mutate('dashboards.update', { dashboardId, insightIds: [b.insightId, a.insightId] });
    const reordered = await query('dashboards.get', { dashboardId });
    expect(reordered.data.tiles.map((t: { name: string }) => t.name)).toEqual(['B', 'A']);
    await mutate('dashboards.update', { dashboardId, insightIds: [a.insightId] });
    expect((await query('dashboards.get', { dashboardId })).data.insightIds).toEqual([a.insightId]);

    const bad = await mutate('dashboards.update', { dashboardId, insightIds: ['ins_nothere'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.error)).toContain('insightIds: tile ins_nothere');
    expect((await query('dashboards.list')).data.map((d: { name: string }) => d.name)).toEqual([
      'Home',
      'Weekly',
    ]);
    expect((await mutate('dashboards.delete', { dashboardId })).status).toBe(200);
    expect((await query('dashboards.get', { dashboardId })).status).toBe(404);
  });
});

describe('annotations', () => {
  let seq = 0;
  /** A person who pays (day n), then either rates it and converts, or leaves. */
  const payment = (n: number, id: string, stays: boolean): Event[] => [
    { id: `p-${++seq}`, type: 'track', name: 'Paid', anonymousId: id, timestamp: day(n) },
    ...(stays
      ? ([
          { id: `p-${++seq}`, type: 'track', name: 'Ordered', anonymousId: id, timestamp: day(n) + 60_000 },
          {
            id: `p-${++seq}`,
            type: 'track',
            name: 'feedback',
            anonymousId: id,
            timestamp: day(n) + 120_000,
            properties: { kind: 'nps', score: 10 },
          },
        ] as Event[])
      : []),
  ];

  beforeAll(async () => {
    await server.store.setJourneyMap(server.project.projectId, [
      { name: 'decision', touchpoints: [{ name: 'Ordered' }] },
      { name: 'payment', touchpoints: [{ name: 'Paid' }] },
    ]);
    // Before the fix (1–4 June) three of four leave after paying; after it (9–12 June) one of four.
    const before = ['a', 'b', 'c', 'd'].flatMap((id, i) => payment(i, `before-${id}`, i === 0));
    const after = ['a', 'b', 'c', 'd'].flatMap((id, i) => payment(8 + i, `after-${id}`, i !== 0));
    expect(await server.collect([...before, ...after])).toBe(200);
  });

  it('keeps a day or a range, with an optional touchpoint, and refuses bad days', async () => {
    const range = await mutate('annotations.create', {
      fromDay: '2026-06-20',
      toDay: '2026-06-22',
      text: 'Campaign',
    });
    expect(range.data).toMatchObject({ fromDay: '2026-06-20', toDay: '2026-06-22', touchpoint: null });
    const backwards = await mutate('annotations.create', {
      fromDay: '2026-06-20',
      toDay: '2026-06-19',
      text: 'x',
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.error)).toContain('toDay');
    const noDay = await mutate('annotations.create', { fromDay: '2026-02-30', text: 'x' });
    expect(noDay.status).toBe(400);
    expect(JSON.stringify(noDay.error)).toContain('not a calendar day');
    const noTouchpoint = await query('annotations.compare', { annotationId: range.data.annotationId });
    expect(noTouchpoint.status).toBe(400);
    expect(JSON.stringify(noTouchpoint.error)).toContain('names no touchpoint');
  });

  it('compares the touchpoint before and after over equal periods, as the engine answers each', async () => {
    const fix = await mutate('annotations.create', {
      fromDay: '2026-06-08',
      text: 'Fixed the payment page',
      touchpoint: 'Paid',
    });
    expect(fix.status).toBe(200);
    const compare = await query('annotations.compare', { annotationId: fix.data.annotationId, days: 7 });
    expect(compare.status).toBe(200);
    const before = { from: day(0), to: day(7) - 1 };
    const after = { from: day(8), to: day(15) - 1 };
    expect(compare.data.before).toMatchObject(before);
    expect(compare.data.after).toMatchObject(after);
    for (const [side, period] of [
      ['before', before],
      ['after', after],
    ] as const) {
      const stages = (await server.query('stages', period)).data;
      const paid = stages.stages[1].touchpoints[0];
      const overview = (await server.query('overview', period)).data;
      expect(compare.data[side]).toMatchObject({
        persons: paid.persons,
        exitRate: paid.exitRate,
        nps: paid.nps,
        conversionRate: overview.totals.conversions / overview.totals.persons,
        complete: true,
      });
    }
    // 1–7 June: three of four payers left; 9–15 June (the 8th, the fix's day, in neither): one of four.
    expect([compare.data.before.exitRate, compare.data.after.exitRate]).toEqual([0.75, 0.25]);
    expect(compare.data.after.nps).toBe(100);
    expect((await query('annotations.list')).data.map((a: { text: string }) => a.text)).toEqual([
      'Fixed the payment page',
      'Campaign',
    ]);
  });
});
