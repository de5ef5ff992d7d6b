import type { Event } from '@parcours/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startJourneysServer, type ApiAnswer, type JourneysServer } from './testing/startJourneysServer.js';

// journeys.unlinkIdentity (un-merge) through the real HTTP API on a real SQLite file.
let server: JourneysServer;

const t0 = Date.UTC(2026, 5, 1);
let seq = 0;
const tp = (anonymousId: string, name: string, minute: number, userId?: string): Event => ({
  id: `u-${++seq}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: t0 + minute * 60_000,
  ...(userId !== undefined && { userId }),
});

async function unlink(input: object, secretKey = server.project.secretKey): Promise<ApiAnswer> {
  const response = await fetch(`${server.base}/trpc/journeys.unlinkIdentity`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ projectId: server.project.projectId, ...input }),
  });
  const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  return { status: response.status, data: body.result?.data, error: body.error };
}

beforeAll(async () => {
  server = await startJourneysServer('unmerge');
  // Noor signs in at home, then on the shop's kiosk, where the next visitor buys.
  const status = await server.collect([
    tp('home', 'Signed in', 0, 'noor'),
    tp('kiosk', 'Signed in', 10, 'noor'),
    tp('kiosk', 'Purchased', 20),
  ]);
  expect(status).toBe(200);
});
afterAll(() => server.stop());

it('un-merges the kiosk from the user: the next funnel and timeline count it apart', async () => {
  const funnel = { steps: [{ name: 'Signed in' }, { name: 'Purchased' }], windowMs: 3_600_000 };
  expect((await server.query('funnel', funnel)).data.steps.map((s: any) => s.count)).toEqual([1, 1]);

  const { key: readKey } = await server.store.createSecretKey(server.project.projectId, {
    scope: 'read',
    label: 'BI',
  });
  expect((await unlink({ anonymousId: 'kiosk', userId: 'noor' }, readKey)).status).toBe(403);
  const done = await unlink({ anonymousId: 'kiosk', userId: 'noor' });
  expect([done.status, done.data]).toEqual([200, { events: 1 }]);

  // Both devices signed in, but only the kiosk's visitor bought: two persons now.
  expect((await server.query('funnel', funnel)).data.steps.map((s: any) => s.count)).toEqual([2, 1]);
  const noor = await server.query('person', { userId: 'noor' });
  expect(noor.data.person.anonymousIds).toEqual(['home']);
  const kiosk = await server.query('person', { anonymousId: 'kiosk' });
  expect(kiosk.data.events.map((e: any) => [e.name, e.claimedUserId])).toEqual([
    ['Signed in', 'noor'],
    ['Purchased', undefined],
  ]);

  const again = await unlink({ anonymousId: 'kiosk', userId: 'noor' });
  expect(again.status).toBe(404);
  expect(JSON.stringify(again.error)).toContain('No link between device');
  expect((await unlink({ anonymousId: '', userId: 'noor' })).status).toBe(400);
});
