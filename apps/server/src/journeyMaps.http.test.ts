import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourneysServer, type ApiAnswer, type JourneysServer } from './testing/startJourneysServer.js';

// journeys.maps, .createMap, .saveMap, .deleteMap and stages by map, through the real HTTP API on a real SQLite file.
let server: JourneysServer;
let ana: string;
let bob: string;

/** A journeys.* mutation (POST) with a secret key. */
async function mutate(path: string, input: object, secretKey: string): Promise<ApiAnswer> {
  const response = await fetch(`${server.base}/trpc/journeys.${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ projectId: server.project.projectId, ...input }),
  });
  const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  return { status: response.status, data: body.result?.data, error: body.error };
}

const ONBOARDING = [
  { name: 'sign-up', touchpoints: [{ name: 'Signed up' }] },
  { name: 'activation', touchpoints: [{ name: 'Project created', goal: true }] },
];

beforeAll(async () => {
  server = await startJourneysServer('journey-maps');
  const { projectId } = server.project;
  ana = (await server.store.createSecretKey(projectId, { scope: 'admin', label: "Ana's script" })).key;
  bob = (await server.store.createSecretKey(projectId, { scope: 'admin', label: "Bob's script" })).key;
  const t0 = Date.UTC(2026, 5, 1);
  const status = await server.collect([
    { id: 'm1', type: 'track', name: 'Signed up', anonymousId: 'a', timestamp: t0 },
    { id: 'm2', type: 'track', name: 'Project created', anonymousId: 'a', timestamp: t0 + 1 },
    { id: 'm3', type: 'track', name: 'Signed up', anonymousId: 'b', timestamp: t0 + 2 },
  ]);
  expect(status).toBe(200);
});
afterAll(() => server.stop());

it('creates maps from templates, answers stages per map, and refuses a stale save with 409 and the newer save', async () => {
  const created = await mutate('createMap', { name: 'Onboarding', template: 'saas-onboarding' }, ana);
  expect(created.status).toBe(200);
  const mapId = created.data.mapId as string;
  expect(created.data).toMatchObject({ name: 'Onboarding', version: 1, updatedBy: "Ana's script" });
  expect(created.data.stages.map((s: { name: string }) => s.name)).toEqual([
    'sign-up',
    'activation',
    'adoption',
    'conversion',
  ]);
  const listed = await server.query('maps', {});
  expect(listed.data.map((m: { name: string; version: number }) => [m.name, m.version])).toEqual([
    ['Main journey', 0],
    ['Onboarding', 1],
  ]);

  const save = { mapId, name: 'Onboarding', stages: ONBOARDING, baseVersion: 1 };
  const saved = await mutate('saveMap', save, ana);
  expect([saved.status, saved.data.version]).toEqual([200, 2]);
  const stages = await server.query('stages', { mapId });
  expect(stages.data.stages.map((s: { name: string; persons: number }) => [s.name, s.persons])).toEqual([
    ['sign-up', 2],
    ['activation', 1],
  ]);

  // Bob edited version 1 too: his save is refused, Ana's returned to compare.
  const stale = await mutate(
    'saveMap',
    { ...save, name: 'Bob was here', stages: [{ name: 'x', touchpoints: [] }] },
    bob,
  );
  expect(stale.status).toBe(409);
  expect(stale.error).toMatchObject({
    message: expect.stringContaining("saved by Ana's script since you opened it (version 2)"),
    data: { code: 'CONFLICT', journeyMap: { mapId, version: 2, name: 'Onboarding', stages: ONBOARDING } },
  });
  expect((await server.query('map', { mapId })).data).toMatchObject({
    version: 2,
    updatedBy: "Ana's script",
  });
  // Having compared, Bob overwrites over version 2, on purpose.
  const overwrite = await mutate('saveMap', { ...save, name: 'Bob was here', baseVersion: 2 }, bob);
  expect([overwrite.status, overwrite.data.version, overwrite.data.updatedBy]).toEqual([
    200,
    3,
    "Bob's script",
  ]);

  const audit = await server.store.getAuditLog(server.project.projectId, {
    limit: 20,
    action: 'journeyMap.',
  });
  expect(audit.entries.map((e) => e.action)).toEqual([
    'journeyMap.updated',
    'journeyMap.updated',
    'journeyMap.created',
  ]);
});

it('answers 404 for an unknown map, 400 for deleting the main map or a bad template, and deletes the others', async () => {
  expect((await server.query('stages', { mapId: 'map_nope' })).status).toBe(404);
  expect((await server.query('map', { mapId: 'map_nope' })).status).toBe(404);
  expect(
    (await mutate('saveMap', { mapId: 'map_nope', name: 'x', stages: ONBOARDING, baseVersion: 1 }, ana))
      .status,
  ).toBe(404);
  const main = await mutate('deleteMap', { mapId: 'main' }, ana);
  expect(main.status).toBe(400);
  expect(main.error).toMatchObject({
    message: expect.stringContaining('main journey map cannot be deleted'),
  });
  const badTemplate = await mutate('createMap', { name: 'x', template: 'casino' }, ana);
  expect(badTemplate.status).toBe(400);
  expect(badTemplate.error).toMatchObject({ message: expect.stringContaining('template') });
  const { data: map } = await mutate('createMap', { name: 'Cancellation' }, ana);
  expect((await mutate('deleteMap', { mapId: map.mapId }, ana)).status).toBe(200);
  expect((await mutate('deleteMap', { mapId: map.mapId }, ana)).status).toBe(404);
});
