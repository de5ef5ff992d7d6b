import type { Event } from '@parcours/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJourneysServer, type JourneysServer } from './testing/startJourneysServer.js';

// A project's time zone through the real HTTP API on a real SQLite file: set by an
// owner's key (audit-logged), refused when not IANA, and followed by the daily series.
let server: JourneysServer;
let base: string;
let seq = 0;
const visit = (anonymousId: string, iso: string): Event => ({
  id: `tz-${++seq}`,
  type: 'track',
  name: 'Visited',
  anonymousId,
  timestamp: Date.parse(iso),
});

/** `admin.<procedure>` of the project with a secret key: a mutation when `input` is given. */
async function admin(procedure: string, key: string, input?: object) {
  const projectId = server.project.projectId;
  const response =
    input === undefined
      ? await fetch(
          `${base}/trpc/admin.${procedure}?input=${encodeURIComponent(JSON.stringify({ projectId }))}`,
          {
            headers: { Authorization: `Bearer ${key}` },
          },
        )
      : await fetch(`${base}/trpc/admin.${procedure}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ projectId, ...input }),
        });
  const body = (await response.json()) as { result?: { data: any }; error?: { message: string } };
  return { status: response.status, data: body.result?.data, error: body.error };
}

beforeAll(async () => {
  server = await startJourneysServer('time-zone');
  base = server.base;
  const status = await server.collect([
    visit('a', '2026-10-24T22:30:00Z'), // 00:30 on 25 October in Paris (+02:00)
    visit('b', '2026-10-25T22:30:00Z'), // 23:30 on the 25th, after the change (+01:00)
    visit('c', '2026-10-25T23:30:00Z'), // 00:30 on the 26th
  ]);
  expect(status).toBe(200);
});
afterAll(() => server.stop());

// 25 and 26 October in Paris: 25 + 24 hours from 22:00 UTC on the 24th.
const parisRange = { from: Date.UTC(2026, 9, 24, 22), to: Date.UTC(2026, 9, 26, 23) - 1 };

describe('admin.setTimeZone over HTTP', () => {
  it('answers UTC for a project made without a zone', async () => {
    const project = await admin('project', server.project.secretKey);
    expect(project.status).toBe(200);
    expect(project.data.timeZone).toBe('UTC');
  });

  it('refuses a name that is not an IANA zone with a 400 naming the field', async () => {
    for (const timeZone of ['Paris', '+01:00', '']) {
      const refused = await admin('setTimeZone', server.project.secretKey, { timeZone });
      expect(refused.status, JSON.stringify(refused.error)).toBe(400);
      expect(refused.error?.message).toContain('timeZone');
    }
  });

  it('refuses a read key with a 403', async () => {
    const read = await server.store.createSecretKey(server.project.projectId, { scope: 'read', label: 'BI' });
    const refused = await admin('setTimeZone', read.key, { timeZone: 'Europe/Paris' });
    expect(refused.status).toBe(403);
  });

  it('sets the zone, logs it, and the overview then counts Paris days across the October change', async () => {
    const utc = await server.query('overview', parisRange);
    expect(utc.data.days.map((d: { day: string; events: number }) => [d.day, d.events])).toEqual([
      ['2026-10-24', 1],
      ['2026-10-25', 2],
      ['2026-10-26', 0],
    ]);

    const set = await admin('setTimeZone', server.project.secretKey, { timeZone: 'Europe/Paris' });
    expect(set.status, JSON.stringify(set.error)).toBe(200);
    expect((await admin('project', server.project.secretKey)).data.timeZone).toBe('Europe/Paris');
    const { entries } = await server.store.getAuditLog(server.project.projectId, {
      limit: 10,
      action: 'project.',
    });
    expect(entries.find((e) => e.action === 'project.timeZoneChanged')?.detail).toEqual({
      from: 'UTC',
      to: 'Europe/Paris',
    });

    const paris = await server.query('overview', parisRange);
    expect(paris.data.days.map((d: { day: string; events: number }) => [d.day, d.events])).toEqual([
      ['2026-10-25', 2],
      ['2026-10-26', 1],
    ]);
  });
});
