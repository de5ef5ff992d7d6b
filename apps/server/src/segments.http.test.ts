import type { Event } from '@parcours/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourneysServer, type ApiAnswer, type JourneysServer } from './testing/startJourneysServer.js';

// segments.* and segmented journeys.* queries through the real HTTP API on a real SQLite file.
let server: JourneysServer;
let base: string;

const MINUTE = 60_000;
const t0 = Date.UTC(2026, 5, 1);
let seq = 0;
const tp = (anonymousId: string, name: string, minutes: number, channel = 'web'): Event => ({
  id: `s-${++seq}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: t0 + minutes * MINUTE,
  channel,
});

/** A `segments.<path>` call: a mutation (POST) or a query (GET), with the project's admin key by default. */
async function segments(
  path: string,
  input: object,
  secretKey = server.project.secretKey,
): Promise<ApiAnswer> {
  const body = JSON.stringify({ projectId: server.project.projectId, ...input });
  const query = path === 'list' || path === 'get';
  const response = await fetch(
    query
      ? `${base}/trpc/segments.${path}?input=${encodeURIComponent(body)}`
      : `${base}/trpc/segments.${path}`,
    {
      method: query ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
      ...(!query && { body }),
    },
  );
  const answer = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  return { status: response.status, data: answer.result?.data, error: answer.error };
}

const funnel = {
  steps: [{ name: 'Visit' }, { name: 'Cart' }, { name: 'Purchase' }],
  windowMs: 60 * MINUTE,
  now: t0,
};
/** Persons who came by email, at least twice. */
const emailed = { kind: 'did', name: 'Visit', channel: 'email', minCount: 2 };

beforeAll(async () => {
  server = await startJourneysServer('segments');
  base = server.base;
  const status = await server.collect([
    // Two persons by email, twice each: one buys, one stops at the cart.
    ...[
      tp('e1', 'Visit', 0, 'email'),
      tp('e1', 'Visit', 1, 'email'),
      tp('e1', 'Cart', 2),
      tp('e1', 'Purchase', 3),
    ],
    ...[tp('e2', 'Visit', 0, 'email'), tp('e2', 'Visit', 1, 'email'), tp('e2', 'Cart', 2)],
    // Once by email: not in the segment. Three others from the web, one buying.
    ...[tp('e3', 'Visit', 0, 'email'), tp('e3', 'Cart', 5), tp('e3', 'Purchase', 6)],
    ...[tp('w1', 'Visit', 0), tp('w1', 'Cart', 1), tp('w1', 'Purchase', 2)],
    ...[tp('w2', 'Visit', 0)],
    ...[tp('w3', 'Visit', 0), tp('w3', 'Cart', 1)],
  ]);
  expect(status).toBe(200);
});
afterAll(() => server.stop());

it('saves a segment and narrows the funnel, persons and overview to it, by id or inline', async () => {
  const created = await segments('create', {
    name: 'Came by email twice',
    description: 'Two email visits or more',
    definition: emailed,
  });
  expect(created.status).toBe(200);
  expect(created.data).toMatchObject({
    segmentId: expect.stringMatching(/^seg_/),
    persona: false,
    definition: emailed,
  });
  const segmentId = created.data.segmentId as string;

  const byId = await server.query('funnel', { ...funnel, segment: { id: segmentId } });
  const inline = await server.query('funnel', { ...funnel, segment: emailed });
  const everyone = await server.query('funnel', funnel);
  expect(byId.status).toBe(200);
  // e1 and e2 visited and reached the cart; only e1 bought.
  expect(byId.data.steps.map((s: { count: number }) => s.count)).toEqual([2, 2, 1]);
  expect(inline.data).toEqual(byId.data);
  expect(everyone.data.steps.map((s: { count: number }) => s.count)).toEqual([6, 5, 3]);

  const persons = await server.query('persons', {
    segment: { id: segmentId },
    sort: 'personId',
    order: 'asc',
  });
  expect(persons.data.persons.map((p: { personId: string }) => p.personId)).toEqual(['e1', 'e2']);
  expect(persons.data.total).toBe(2);

  const overview = await server.query('overview', {
    from: t0,
    to: t0 + 60 * MINUTE,
    conversion: { name: 'Purchase' },
    segment: { kind: 'didNot', name: 'Cart' },
  });
  expect(overview.data.totals).toMatchObject({ persons: 1, events: 1, conversions: 0 });

  const listed = await segments('list', {});
  expect(listed.data.map((s: { segmentId: string }) => s.segmentId)).toEqual([segmentId]);
});

it('updates and deletes a segment, each change in the audit log', async () => {
  const { data: created } = await segments('create', {
    name: 'Buyers',
    definition: { kind: 'did', name: 'Purchase' },
  });
  const updated = await segments('update', {
    segmentId: created.segmentId,
    name: 'Web buyers',
    definition: {
      kind: 'and',
      conditions: [
        { kind: 'did', name: 'Purchase' },
        { kind: 'didNot', name: 'Visit', channel: 'email' },
      ],
    },
    persona: true,
  });
  expect(updated.data).toMatchObject({ name: 'Web buyers', persona: true });
  const paths = await server.query('paths', { segment: { id: created.segmentId } });
  expect(paths.data.paths).toEqual([{ steps: ['Visit', 'Cart', 'Purchase'], count: 1, left: 1 }]);

  expect((await segments('delete', { segmentId: created.segmentId })).data).toEqual({ deleted: true });
  expect((await segments('delete', { segmentId: created.segmentId })).status).toBe(404);
  const gone = await server.query('stages', { segment: { id: created.segmentId } });
  expect(gone.status).toBe(400);
  expect(JSON.stringify(gone.error)).toContain(`segment.id: this project has no segment`);

  const { entries } = await server.store.getAuditLog(server.project.projectId, {
    limit: 20,
    action: 'segment.',
  });
  expect(entries.filter((e) => e.target === created.segmentId).map((e) => e.action)).toEqual([
    'segment.deleted',
    'segment.updated',
    'segment.created',
  ]);
});

it('keeps a shared funnel on the segment as it was when shared, even once the segment is deleted', async () => {
  const { data: saved } = await segments('create', { name: 'Emailed', definition: emailed });
  const shared = await fetch(`${base}/trpc/shares.create`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.project.secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      projectId: server.project.projectId,
      view: 'funnel',
      params: {},
      query: { ...funnel, segment: { id: saved.segmentId } },
      expiresInDays: 1,
    }),
  });
  expect(shared.status).toBe(200);
  const { url } = ((await shared.json()) as { result: { data: { url: string } } }).result.data;
  const token = new URL(url.replace('#/share?', 'share?')).searchParams.get('token')!;
  const open = async () => {
    const response = await fetch(
      `${base}/trpc/share.get?input=${encodeURIComponent(JSON.stringify({ token }))}`,
    );
    return ((await response.json()) as { result: { data: { data: { steps: Array<{ count: number }> } } } })
      .result.data.data;
  };
  expect((await open()).steps.map((s) => s.count)).toEqual([2, 2, 1]);
  await segments('delete', { segmentId: saved.segmentId });
  expect((await open()).steps.map((s) => s.count)).toEqual([2, 2, 1]);
});

it('answers 400 naming the bad field of a definition, 403 to a read key that edits, 401 without a key', async () => {
  const badInline = await server.query('funnel', {
    ...funnel,
    segment: { kind: 'and', conditions: [{ kind: 'did', name: 'Visit', minCount: 0 }] },
  });
  expect(badInline.status).toBe(400);
  expect(JSON.stringify(badInline.error)).toContain('segment.conditions[0].minCount');

  const badSaved = await segments('create', { name: 'Odd', definition: { kind: 'trait', name: 'plan' } });
  expect(badSaved.status).toBe(400);
  expect(JSON.stringify(badSaved.error)).toContain('definition.value');
  expect((await segments('create', { name: ' ', definition: emailed })).status).toBe(400);

  const { key } = await server.store.createSecretKey(server.project.projectId, {
    scope: 'read',
    label: 'reader',
  });
  expect((await segments('list', {}, key)).status).toBe(200);
  expect((await segments('create', { name: 'No', definition: emailed }, key)).status).toBe(403);
  expect((await segments('list', {}, 'sk_wrong')).status).toBe(401);
});
