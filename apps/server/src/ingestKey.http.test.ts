import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

/**
 * Issue 13, "consent the server can stand behind", end to end: a key made with
 * `parcours key create --scope ingest`, used on the real collector over HTTP, and
 * `parcours import`, which stays trusted.
 */
let dir: string;
let db: string;
let store: Store;
let server: Server;
let base: string;
let projectId: string;
let writeKey: string;

async function cli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-ingest-'));
  db = join(dir, 'ingest.db');
  const created = await cli(['project', 'create', '--name', 'Shop', '--db', db]);
  ({ projectId, writeKey } = JSON.parse(created.out[0]!) as { projectId: string; writeKey: string });
  store = openSqliteStore({ filename: db });
  server = createServer({ store, publicDir: dir, logError: () => {}, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 30_000);
afterAll(async () => {
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = Date.UTC(2026, 4, 1);
let seq = 0;
const batchOf = (anonymousId: string) =>
  (['analytics', 'marketing', 'personalization'] as const).map((category) => ({
    id: `i${++seq}`,
    type: 'track',
    name: category,
    anonymousId,
    timestamp: at + seq,
    category,
  }));

async function collect(body: object, secretKey?: string) {
  const response = await fetch(`${base}/trpc/collect`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', ...(secretKey && { Authorization: `Bearer ${secretKey}` }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}
const namesOf = async (anonymousId: string) =>
  (await store.getPersonTimeline(projectId, { anonymousId }))?.events.map((e) => e.name) ?? [];

describe('consent on POST /trpc/collect', () => {
  it('stores only analytics from a write-key batch without a consent list, and counts the rest as refused', async () => {
    const { status, body } = await collect({ writeKey, batch: batchOf('public') });
    expect(status).toBe(200);
    expect(body.result.data).toEqual({ accepted: 1, duplicates: 0, refused: 2 });
    expect(await namesOf('public')).toEqual(['analytics']);
  });

  it('stores every category from a batch without a list sent with an ingest key made by the CLI', async () => {
    const made = await cli([
      'key',
      'create',
      '--project',
      projectId,
      '--scope',
      'ingest',
      '--label',
      'CRM',
      '--db',
      db,
    ]);
    expect(made.code).toBe(0);
    const { key, scope } = JSON.parse(made.out[0]!) as { key: string; scope: string };
    expect(scope).toBe('ingest');
    const { status, body } = await collect({ writeKey, batch: batchOf('crm') }, key);
    expect(status).toBe(200);
    expect(body.result.data).toEqual({ accepted: 3, duplicates: 0 });
    expect(await namesOf('crm')).toEqual(['analytics', 'marketing', 'personalization']);
    // The ingest key opens nothing else.
    const url = `${base}/trpc/journeys.person?input=${encodeURIComponent(JSON.stringify({ projectId, anonymousId: 'crm' }))}`;
    const read = await fetch(url, { headers: { Authorization: `Bearer ${key}` } });
    expect(read.status).toBe(403);
  });

  it('answers 403 naming the scope for a key of another scope, 401 for an unknown one, and stores nothing', async () => {
    const made = await cli(['key', 'create', '--project', projectId, '--scope', 'read', '--db', db]);
    const { key } = JSON.parse(made.out[0]!) as { key: string };
    const wrongScope = await collect({ writeKey, batch: batchOf('wrong') }, key);
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.body.error.message).toBe(
      'A key with scope read cannot send touchpoints (collect): use a key with scope ingest',
    );
    const unknown = await collect({ writeKey, batch: batchOf('wrong') }, 'sk_unknown');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toMatch(/Unknown or revoked secret key/);
    expect(await namesOf('wrong')).toEqual([]);
  });

  it('leaves parcours import storing every category: it is local and trusted', async () => {
    const file = join(dir, 'crm.ndjson');
    writeFileSync(
      file,
      batchOf('imported')
        .map((event) => JSON.stringify(event))
        .join('\n'),
    );
    const imported = await cli(['import', file, '--project', projectId, '--db', db]);
    expect(imported.err).toEqual([]);
    expect(JSON.parse(imported.out[0]!)).toEqual({ imported: 3, duplicates: 0, rejected: 0 });
    expect(await namesOf('imported')).toEqual(['analytics', 'marketing', 'personalization']);
  });
});
