import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

/**
 * Issue 13, "input is refused, not rewritten", over real HTTP on a real SQLite file:
 * each bad input answers its 4xx with a message naming the field or the limit, and
 * nothing of the request is stored. Bodies are written as raw JSON text, as an
 * attacker would send them: `"\ud800"` escapes and own `__proto__` keys included.
 */
let dir: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;
const logged: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-refusal-'));
  store = openSqliteStore({ filename: join(dir, 'refusal.db') });
  project = await store.createProject({ name: 'Refusal' });
  server = createServer({
    store,
    publicDir: dir,
    logError: (message) => logged.push(message),
    limits: TEST_SERVER_LIMITS,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Three persons who visited and never bought: a drop-off list of three.
  const batch = ['p1', 'p2', 'p3'].map((id, i) => event(id, { id: `seed-${id}`, timestamp: at + i }));
  expect((await post('collect', JSON.stringify({ writeKey: project.writeKey, batch }))).status).toBe(200);
});
afterAll(async () => {
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = Date.UTC(2026, 6, 1);
const event = (anonymousId: string, extra: object = {}) => ({
  id: `r-${anonymousId}`,
  type: 'track',
  name: 'Visited',
  anonymousId,
  timestamp: at,
  ...extra,
});

interface Answer {
  status: number;
  message: string;
  paths: string[];
}

async function answerOf(response: Response): Promise<Answer> {
  const body = (await response.json()) as any;
  const issues = (body.error?.data?.issues ?? []) as Array<{ path: string }>;
  return { status: response.status, message: body.error?.message ?? '', paths: issues.map((i) => i.path) };
}

/** POSTs a raw body (a string, so escapes and duplicate keys go on the wire as written). */
async function post(path: string, body: string): Promise<Answer> {
  const response = await fetch(`${base}/trpc/${path}`, { method: 'POST', body });
  return answerOf(response);
}

/** A journeys.* or privacy.* query with the project's secret key; `input` is raw JSON text. */
async function query(path: string, input: string): Promise<Answer & { data?: any }> {
  const url = `${base}/trpc/${path}?input=${encodeURIComponent(input)}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${project.secretKey}` } });
  if (response.ok)
    return { status: 200, message: '', paths: [], data: ((await response.json()) as any).result.data };
  return answerOf(response);
}

/** A collect body around one event written as raw JSON text. */
const collectBody = (eventJson: string) => `{"writeKey":"${project.writeKey}","batch":[${eventJson}]}`;
const eventJson = (extra: string) =>
  `{"id":"bad-1","type":"track","name":"Visited","anonymousId":"bad","timestamp":${at}${extra}}`;

describe('collect refuses what it would otherwise rewrite', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['a lone surrogate in the name', `,"name":"Visited \\ud800"`, 'batch[0].name', /lone surrogate/],
    [
      'a lone surrogate in the anonymous id',
      `,"anonymousId":"\\udfffx"`,
      'batch[0].anonymousId',
      /lone surrogate/,
    ],
    [
      'a lone surrogate in a property value',
      `,"properties":{"plan":"\\ud83d"}`,
      'batch[0].properties.plan',
      /lone surrogate/,
    ],
    [
      'a lone surrogate in a property name',
      `,"properties":{"pl\\udc00an":"pro"}`,
      'batch[0].properties["pl\\udc00an"]',
      /property name: must be well-formed Unicode/,
    ],
    [
      'a lone surrogate in the context',
      `,"context":{"title":"\\ud800"}`,
      'batch[0].context.title',
      /lone surrogate/,
    ],
    [
      '__proto__ in properties',
      `,"properties":{"plan":"pro","__proto__":{"admin":true}}`,
      'batch[0].properties.__proto__',
      /reserved name/,
    ],
    [
      '__proto__ with a scalar',
      `,"properties":{"__proto__":1}`,
      'batch[0].properties.__proto__',
      /reserved name/,
    ],
    [
      'constructor in properties',
      `,"properties":{"constructor":"x"}`,
      'batch[0].properties.constructor',
      /reserved name/,
    ],
    [
      'prototype in the context',
      `,"context":{"prototype":"x"}`,
      'batch[0].context.prototype',
      /reserved name/,
    ],
    [
      'a nested property value',
      `,"properties":{"cart":{"items":2}}`,
      'batch[0].properties.cart',
      /values must be a string, number, boolean or null/,
    ],
    [
      'an array property value',
      `,"properties":{"tags":["a"]}`,
      'batch[0].properties.tags',
      /values must be a string, number, boolean or null/,
    ],
  ];
  for (const [what, extra, path, message] of cases) {
    it(`answers 400 for ${what}, naming ${path}, and stores nothing`, async () => {
      const before = await store.countEvents(project.projectId);
      const answer = await post('collect', collectBody(eventJson(extra)));
      expect(answer, JSON.stringify(answer)).toMatchObject({ status: 400, paths: [path] });
      expect(answer.message).toContain(`${path}: `);
      expect(answer.message).toMatch(message);
      expect(await store.countEvents(project.projectId)).toBe(before);
    });
  }

  it('answers 400 for a lone surrogate in the write key, naming it', async () => {
    const answer = await post('collect', `{"writeKey":"wk_\\ud800","batch":[${eventJson('')}]}`);
    expect(answer).toMatchObject({ status: 400, paths: ['writeKey'] });
  });

  it('stores a well-formed surrogate pair as the character it is', async () => {
    const answer = await post(
      'collect',
      collectBody(eventJson(`,"id":"emoji","name":"Smiled","properties":{"mood":"\\ud83d\\ude00"}`)),
    );
    expect(answer.status).toBe(200);
    const timeline = await store.getPersonTimeline(project.projectId, { anonymousId: 'bad' });
    expect(timeline?.events.find((e) => e.id === 'emoji')?.properties).toEqual({ mood: '😀' });
  });

  it('answers 413 over 500 events with a message stating the limit', async () => {
    const many = Array.from({ length: 501 }, (_, i) => eventJson(`,"id":"many-${i}"`)).join(',');
    const answer = await post('collect', `{"writeKey":"${project.writeKey}","batch":[${many}]}`);
    expect(answer.status).toBe(413);
    expect(answer.message).toMatch(/batch: 501 events, and a batch holds at most 500 events/);
  });
});

describe('consent refuses a record that proves nothing', () => {
  it('answers 400 naming records[1].denied for a category both granted and denied, and keeps neither record', async () => {
    const record = (id: string, granted: string[], denied: string[]) =>
      JSON.stringify({
        id,
        timestamp: at,
        granted,
        denied,
        policyVersion: '1',
        source: 'banner',
        anonymousId: 'a',
      });
    const body = `{"writeKey":"${project.writeKey}","records":[${record('ok', ['analytics'], ['marketing'])},${record('both', ['analytics', 'marketing'], ['marketing'])}]}`;
    const answer = await post('consent', body);
    expect(answer).toMatchObject({ status: 400, paths: ['records[1].denied'] });
    expect(answer.message).toContain('records[1].denied: marketing cannot be both granted and denied');
    const page = await query('privacy.consentRecords', JSON.stringify({ projectId: project.projectId }));
    expect(page.data.records).toEqual([]);
  });

  it('answers 400 naming records[0].source for a lone surrogate in a record', async () => {
    const body = `{"writeKey":"${project.writeKey}","records":[{"id":"c","timestamp":${at},"granted":[],"denied":["analytics"],"policyVersion":"1","source":"banner\\ud800"}]}`;
    const answer = await post('consent', body);
    expect(answer).toMatchObject({ status: 400, paths: ['records[0].source'] });
    expect(answer.message).toMatch(/records\[0\]\.source: must be well-formed Unicode/);
  });
});

describe('journey and privacy queries refuse what would filter or page on nothing', () => {
  const funnel = (extra: string) =>
    `{"projectId":"${project.projectId}","steps":[{"name":"Visited"${extra}},{"name":"Bought"}],"windowMs":86400000`;

  it('answers 400 for a reserved name in a funnel step where, and in a breakdown', async () => {
    const where = await query('journeys.funnel', `${funnel(',"where":{"__proto__":"pro"}')}}`);
    expect(where).toMatchObject({ status: 400, paths: ['steps[0].where.__proto__'] });
    expect(where.message).toMatch(/steps\[0\]\.where\.__proto__: is a reserved name/);
    const constructor = await query('journeys.funnel', `${funnel(',"where":{"constructor":1}')}}`);
    expect(constructor).toMatchObject({ status: 400, paths: ['steps[0].where.constructor'] });
    const breakdown = await query('journeys.funnel', `${funnel('')},"breakdown":"prototype"}`);
    expect(breakdown).toMatchObject({ status: 400, paths: ['breakdown'] });
    expect(breakdown.message).toMatch(/breakdown: is a reserved name/);
    const nested = await query('journeys.funnel', `${funnel(',"where":{"plan":{"$ne":1}}')}}`);
    expect(nested.message).toMatch(
      /steps\[0\]\.where\.plan: values must be a string, number, boolean or null/,
    );
  });

  it('pages drop-offs with the cursor it answered, and answers 400 for a garbage or unknown one', async () => {
    const first = await query('journeys.funnelDropoffs', `${funnel('')},"step":2,"limit":2}`);
    expect(first.status).toBe(200);
    expect(first.data.persons.map((p: any) => p.personId)).toEqual(['p1', 'p2']);
    const next = await query(
      'journeys.funnelDropoffs',
      `${funnel('')},"step":2,"limit":2,"cursor":"${first.data.nextCursor}"}`,
    );
    expect(next.data.persons.map((p: any) => p.personId)).toEqual(['p3']);

    const garbage = await query('journeys.funnelDropoffs', `${funnel('')},"step":2,"cursor":"p2"}`);
    expect(garbage).toMatchObject({ status: 400, paths: ['cursor'] });
    expect(garbage.message).toMatch(/cursor: not a drop-off cursor/);
    // Well-formed, but naming no device of the project (crafted, or from another project).
    const nobody = `d1.${Buffer.from('nobody').toString('base64url')}`;
    const unknown = await query('journeys.funnelDropoffs', `${funnel('')},"step":2,"cursor":"${nobody}"}`);
    expect(unknown.status).toBe(400);
    expect(unknown.message).toMatch(/^cursor: not a drop-off cursor of this funnel/);
  });

  // Issue 10 made the cursor an opaque string: a number is now refused by type.
  it('answers 400 for a consent-record cursor it never handed out', async () => {
    const message = 'cursor: not a consent-record cursor of this project: start again without a cursor';
    // Shaped like one this API hands out, naming row 424242, which this project has not.
    for (const cursor of ['c1.NDI0MjQy', 'abc']) {
      const refused = await query(
        'privacy.consentRecords',
        JSON.stringify({ projectId: project.projectId, cursor }),
      );
      expect(refused).toMatchObject({ status: 400, message });
    }
    const numeric = await query(
      'privacy.consentRecords',
      JSON.stringify({ projectId: project.projectId, cursor: 424242 }),
    );
    expect(numeric).toMatchObject({ status: 400, paths: ['cursor'] });
  });

  it('logged no server error along the way', () => {
    expect(logged).toEqual([]);
  });
});
