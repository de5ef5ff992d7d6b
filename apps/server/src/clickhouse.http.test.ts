import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  shouldSkipClickHouse,
  startClickHouse,
  type TestClickHouse,
} from '@parcours/store-clickhouse/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { nextData, readServerSentEvents } from './testing/readServerSentEvents.js';

// Issue 10, item 5: `parcours project create`, `import` and `start` with
// `--clickhouse URL` on a real clickhouse-server; two `parcours start` processes (the
// real binary) on one database answer the same data, as behind a load balancer.
const BIN = fileURLToPath(new URL('../bin/parcours.js', import.meta.url));
const T0 = 1767225600000;

interface Created {
  projectId: string;
  writeKey: string;
  secretKey: string;
}

async function cli(args: string[], stdin?: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ...(stdin !== undefined && { readStdin: async () => stdin }),
  });
  return { code, out, err };
}

/** Starts the real binary and resolves with its URL once it says it listens. */
async function startServer(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--host', '127.0.0.1', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`parcours start did not listen: ${stderr}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`parcours start exited with ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    });
  });
  return { url, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// Two `parcours start` processes, each given up to 60 s to listen (startServer): under
// CI's load, the file's 30 s default timed the pair out while both were still starting.
describe.skipIf(shouldSkipClickHouse())('parcours with --clickhouse', { timeout: 150_000 }, () => {
  let clickhouse: TestClickHouse;
  let folder: string;
  let database: string;
  let project: Created;
  const servers: ChildProcess[] = [];
  let first: string;
  let second: string;

  beforeAll(async () => {
    clickhouse = await startClickHouse();
    folder = mkdtempSync(join(tmpdir(), 'parcours-clickhouse-cli-'));
    database = `${clickhouse.url}/parcours_http`;
  }, 90_000);
  afterAll(async () => {
    await Promise.all(servers.map(stopServer));
    await clickhouse?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates a project and imports a file into a database created on first use', async () => {
    const created = await cli(['project', 'create', '--name', 'Shop', '--clickhouse', database]);
    expect(created).toMatchObject({ code: 0, err: [] });
    project = JSON.parse(created.out[0]!) as Created;
    expect(project.writeKey).toMatch(/^wk_/);

    const file = join(folder, 'crm.ndjson');
    const line = (id: string, name: string, minute: number) =>
      JSON.stringify({
        id,
        type: 'track',
        name,
        anonymousId: 'crm-7',
        timestamp: T0 + minute * 60_000,
        channel: 'crm',
      });
    writeFileSync(file, [line('crm-1', 'Store visit', 1), line('crm-2', 'Purchased', 2), '{oops'].join('\n'));
    const imported = await cli(['import', file, '--project', project.projectId, '--clickhouse', database]);
    expect(imported.out).toEqual(['{"imported":2,"duplicates":0,"rejected":1}']);
    // The same file again: every id is a duplicate, across processes too.
    const again = await cli(['import', file, '--project', project.projectId, '--clickhouse', database]);
    expect(again.out).toEqual(['{"imported":0,"duplicates":2,"rejected":1}']);
    const missing = await cli(['import', file, '--project', 'prj_nope', '--clickhouse', database]);
    expect(missing).toMatchObject({ code: 1, err: [`parcours import: no project prj_nope in ${database}`] });
  });

  it('starts two servers on one database (flag and environment) that answer the same data', async () => {
    const a = await startServer(['--clickhouse', database]);
    const b = await startServer([], { PARCOURS_CLICKHOUSE_URL: database });
    servers.push(a.child, b.child);
    [first, second] = [a.url, b.url];

    // The README's collect example, unchanged, on the first server…
    const batch = [
      {
        id: 'evt-1',
        type: 'track',
        name: 'Store visit',
        anonymousId: 'loyalty-card-77',
        userId: 'customer-1042',
        timestamp: 1767225600000,
        channel: 'store',
      },
    ];
    const collect = (base: string) =>
      fetch(`${base}/trpc/collect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ writeKey: project.writeKey, batch }),
      });
    const answer = await collect(first);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('{"result":{"data":{"accepted":1,"duplicates":0}}}');
    // …and its replay on the second is a duplicate: one store behind both.
    expect(await (await collect(second)).text()).toBe('{"result":{"data":{"accepted":0,"duplicates":1}}}');

    const funnel = async (base: string) => {
      const input = {
        projectId: project.projectId,
        steps: [{ name: 'Store visit' }, { name: 'Purchased' }],
        windowMs: 86_400_000,
      };
      const response = await fetch(
        `${base}/trpc/journeys.funnel?input=${encodeURIComponent(JSON.stringify(input))}`,
        {
          headers: { authorization: `Bearer ${project.secretKey}` },
        },
      );
      expect(response.status).toBe(200);
      return ((await response.json()) as { result: { data: { steps: Array<{ count: number }> } } }).result
        .data;
    };
    const fromFirst = await funnel(first);
    // crm-7 visited and bought (imported); customer-1042 visited (collected).
    expect(fromFirst.steps.map((step) => step.count)).toEqual([2, 1]);
    expect(await funnel(second)).toEqual(fromFirst);
  });

  it('pushes a touchpoint collected by one server to a live view open on the other within 2 s', async () => {
    const controller = new AbortController();
    const input = encodeURIComponent(JSON.stringify({ projectId: project.projectId }));
    const response = await fetch(`${second}/trpc/live.touchpoints?input=${input}`, {
      headers: { authorization: `Bearer ${project.secretKey}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const events = readServerSentEvents(response);
    const before = (await nextData(events)).data.touchpoints as Array<{ id: string }>;
    const answer = await fetch(`${first}/trpc/collect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        writeKey: project.writeKey,
        batch: [
          { id: 'evt-live', type: 'track', name: 'Called support', anonymousId: 'phone-5', timestamp: T0 },
        ],
      }),
    });
    expect(await answer.text()).toBe('{"result":{"data":{"accepted":1,"duplicates":0}}}');
    const acknowledged = Date.now();
    const pushed = (await nextData(events)).data.touchpoints as Array<{ id: string }>;
    expect(Date.now() - acknowledged, 'pushed within 2 s of the acknowledgement').toBeLessThan(2_000);
    expect(pushed.map((touchpoint) => touchpoint.id)).toEqual(['evt-live', ...before.map((t) => t.id)]);
    controller.abort();
  }, 30_000);

  it('shares accounts: a session opened on one server is valid on the other', async () => {
    const user = await cli(
      ['user', 'create', '--email', 'ada@example.com', '--name', 'Ada', '--clickhouse', database],
      'correct horse battery staple\n',
    );
    expect(user.code).toBe(0);
    const signIn = await fetch(`${first}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse battery staple' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const me = await fetch(`${second}/trpc/auth.me`, { headers: { cookie } });
    const body = (await me.json()) as { result: { data: { user: { email: string } } } };
    expect(body.result.data.user.email).toBe('ada@example.com');

    // A key revoked through one server opens nothing on the other (no cache of secret keys).
    const key = await cli([
      'key',
      'create',
      '--project',
      project.projectId,
      '--scope',
      'read',
      '--label',
      'bi',
      '--clickhouse',
      database,
    ]);
    const { key: secret, keyId } = JSON.parse(key.out[0]!) as { key: string; keyId: string };
    const read = () =>
      fetch(
        `${second}/trpc/journeys.journeyMap?input=${encodeURIComponent(JSON.stringify({ projectId: project.projectId }))}`,
        {
          headers: { authorization: `Bearer ${secret}` },
        },
      );
    expect((await read()).status).toBe(200);
    const revoked = await cli([
      'key',
      'revoke',
      '--project',
      project.projectId,
      '--key-id',
      keyId,
      '--clickhouse',
      database,
    ]);
    expect(revoked.code).toBe(0);
    expect((await read()).status).toBe(401);
  });

  it('keeps one consent ledger behind both servers that verifies', async () => {
    const record = {
      id: 'consent-1',
      timestamp: T0,
      granted: ['analytics'],
      denied: ['marketing'],
      policyVersion: '1',
      source: 'banner',
      anonymousId: 'loyalty-card-77',
    };
    const send = (base: string) =>
      fetch(`${base}/trpc/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ writeKey: project.writeKey, records: [record] }),
      });
    expect(await (await send(first)).text()).toBe('{"result":{"data":{"accepted":1,"duplicates":0}}}');
    expect(await (await send(second)).text()).toBe('{"result":{"data":{"accepted":0,"duplicates":1}}}');
    const input = encodeURIComponent(JSON.stringify({ projectId: project.projectId }));
    const verified = await fetch(`${second}/trpc/privacy.verifyLedger?input=${input}`, {
      headers: { authorization: `Bearer ${project.secretKey}` },
    });
    expect(((await verified.json()) as { result: { data: unknown } }).result.data).toEqual({
      ok: true,
      records: 1,
    });
  });

  it('exports a person on one server and erases them through the other', async () => {
    const ask = (base: string, procedure: string, init: RequestInit = {}) => {
      const input = encodeURIComponent(
        JSON.stringify({ projectId: project.projectId, userId: 'customer-1042' }),
      );
      const url =
        init.method === 'POST' ? `${base}/trpc/${procedure}` : `${base}/trpc/${procedure}?input=${input}`;
      return fetch(url, {
        ...init,
        headers: { authorization: `Bearer ${project.secretKey}`, 'content-type': 'application/json' },
        ...(init.method === 'POST'
          ? { body: JSON.stringify({ projectId: project.projectId, userId: 'customer-1042' }) }
          : {}),
      });
    };
    const exported = await ask(first, 'privacy.exportPerson');
    expect(exported.status).toBe(200);
    const document = ((await exported.json()) as { result: { data: { tables: Record<string, unknown[]> } } })
      .result.data;
    expect(document.tables['events']).toMatchObject([{ event_id: 'evt-1', user_id: 'customer-1042' }]);
    expect(document.tables['consent_records']).toHaveLength(1);
    const erased = await ask(second, 'privacy.erasePerson', { method: 'POST' });
    expect(erased.status).toBe(200);
    const receipt = ((await erased.json()) as { result: { data: { tables: Record<string, number> } } }).result
      .data;
    expect(receipt.tables).toMatchObject({ events: 1, identity_links: 1, consent_records: 1 });
    // Gone for the first server too, the moment the second answered.
    expect((await ask(first, 'privacy.exportPerson')).status).toBe(404);
  });
});
