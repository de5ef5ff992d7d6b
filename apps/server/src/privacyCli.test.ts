import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-privacy-cli-'));
  db = join(dir, 'cli.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  const json = code === 0 && out[0]?.startsWith('{') === true ? JSON.parse(out[0]) : undefined;
  return { code, out, err, json };
}

/** A project with Erin (two events, a link, a consent record) and Frank, in `db`. */
async function seed(store: Store): Promise<string> {
  const { projectId } = await store.createProject({ name: 'Shop' });
  await store.insertEvents(projectId, [
    { id: 'e1', type: 'page', name: 'home', anonymousId: 'erin-device', timestamp: 1_000 },
    { id: 'e2', type: 'track', name: 'buy', anonymousId: 'erin-device', userId: 'erin', timestamp: 2_000 },
    { id: 'f1', type: 'page', name: 'home', anonymousId: 'frank-device', timestamp: 1_000 },
  ]);
  await store.insertConsentRecords(projectId, [
    {
      id: 'r1',
      timestamp: 1,
      granted: ['analytics'],
      denied: [],
      policyVersion: '1',
      source: 'banner',
      anonymousId: 'erin-device',
    },
  ]);
  return projectId;
}

const FUNNEL = { steps: [{ name: 'home' }], windowMs: 1_000 };

describe('parcours privacy export / erase', () => {
  it('export prints the document; erase prints the receipt, audited; a running store forgets the person at its next question', async () => {
    // A server's store on the same file, its journey index built before the CLI erases.
    const server = openSqliteStore({ filename: db });
    try {
      const projectId = await seed(server);
      expect((await server.getFunnel(projectId, FUNNEL)).steps[0]!.count).toBe(2);

      const exported = await run([
        'privacy',
        'export',
        '--project',
        projectId,
        '--user-id',
        'erin',
        '--db',
        db,
      ]);
      expect(exported.code).toBe(0);
      expect(exported.json.schemaVersion).toBe(1);
      expect(exported.json.person).toEqual({
        id: 'user:erin',
        anonymousIds: ['erin-device'],
        userIds: ['erin'],
      });
      expect(exported.json.tables.events.map((r: { event_id: string }) => r.event_id)).toEqual(['e1', 'e2']);

      const erased = await run([
        'privacy',
        'erase',
        '--project',
        projectId,
        '--anonymous-id',
        'erin-device',
        '--db',
        db,
      ]);
      expect(erased.code).toBe(0);
      expect(erased.json.tables).toEqual({
        events: 2,
        identity_links: 1,
        consent_records: 1,
        privacy_requests: 0,
      });
      expect((await server.getFunnel(projectId, FUNNEL)).steps[0]!.count).toBe(1);
      expect(await server.getPersonTimeline(projectId, { userId: 'erin' })).toBeUndefined();

      const { entries } = await server.getAuditLog(projectId, { limit: 10, action: 'privacy.' });
      expect(entries.map((e) => [e.action, e.actor.kind, e.target])).toEqual([
        ['privacy.personErased', 'cli', erased.json.requestId],
        ['privacy.personExported', 'cli', null],
      ]);

      const again = await run(['privacy', 'erase', '--project', projectId, '--user-id', 'erin', '--db', db]);
      expect(again.json.tables).toEqual({
        events: 0,
        identity_links: 0,
        consent_records: 0,
        privacy_requests: 0,
      });
      const gone = await run(['privacy', 'export', '--project', projectId, '--user-id', 'erin', '--db', db]);
      expect(gone.code).toBe(1);
      expect(gone.err.join('\n')).toContain('no person');
    } finally {
      await server.close();
    }
  }, 30_000);

  it('refuses both ids, or neither, as a usage error', async () => {
    const store = openSqliteStore({ filename: db });
    const projectId = await seed(store);
    await store.close();
    for (const ids of [[], ['--user-id', 'a', '--anonymous-id', 'b']]) {
      const result = await run(['privacy', 'erase', '--project', projectId, ...ids, '--db', db]);
      expect(result.code).toBe(2);
      expect(result.err.join('\n')).toContain('exactly one of --user-id or --anonymous-id');
    }
    expect((await run(['privacy', 'export', '--help'])).out.join('\n')).toContain('--anonymous-id');
  });
});
