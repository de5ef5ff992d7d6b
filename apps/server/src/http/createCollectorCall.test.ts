import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiServices, type TokenBucketOptions } from '@parcours/api';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrpcHandlers } from './createTrpcHandlers.js';

// The collector's direct call must answer exactly as tRPC's own handler: two servers
// on one store, each with its own rate-limit buckets, one handing every request to
// tRPC's node handler, the other to `callCollector`; the same requests to both.
type Connection = Parameters<NonNullable<Parameters<typeof openSqliteStore>[0]['onConnection']>>[0];

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

let dir: string;
let store: Store;
let connection: Connection;
let project: CreatedProject;
const logged: string[] = [];
const servers: Server[] = [];
let viaTrpc: number;
let direct: number;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
  });
}

/** A server on port 0 whose requests go to `handle` once their body is read. */
async function listen(
  handle: (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>,
): Promise<number> {
  const server = createServer((req, res) => void readBody(req).then((body) => handle(req, res, body)));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

type Limit = TokenBucketOptions | false;

/** Handlers of their own (rate-limit buckets included) over `over`. */
function handlers(over: Store, writeKeyRateLimit: Limit) {
  return createTrpcHandlers({
    store: over,
    services: createApiServices({ writeKeyRateLimit }),
    trustProxy: false,
    logError: (message) => logged.push(message),
  });
}

async function listenPair(over: Store, writeKeyRateLimit: Limit = false): Promise<[number, number]> {
  const trpc = handlers(over, writeKeyRateLimit);
  const ours = handlers(over, writeKeyRateLimit);
  return [
    await listen((req, res, body) => {
      // What createTrpcRoute hands tRPC: the decoded body as `req.body`.
      (req as IncomingMessage & { body?: string }).body = body;
      trpc.handleTrpc(req, res);
    }),
    await listen((req, res, body) =>
      ours.callCollector(req, res, { path: req.url!.slice('/trpc/'.length), body }),
    ),
  ];
}

function post(port: number, path: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        void readBody(res).then((text) =>
          resolve({
            status: res.statusCode!,
            headers: {
              'content-type': res.headers['content-type'],
              vary: res.headers.vary,
              'retry-after': res.headers['retry-after'],
            },
            body: JSON.parse(text) as unknown,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let seq = 0;
const event = (extra: object = {}) => ({
  id: `same-${++seq}`,
  type: 'track' as const,
  name: 'Viewed',
  anonymousId: 'device-1',
  timestamp: Date.UTC(2026, 3, 1) + seq,
  ...extra,
});
const batchOf = (events: object[], extra: object = {}) =>
  JSON.stringify({ writeKey: project.writeKey, batch: events, ...extra });

/** Sends one request to each server (the body made afresh for each) and returns both answers. */
async function both(
  path: string,
  makeBody: () => string,
  headers?: Record<string, string>,
): Promise<[Answer, Answer]> {
  return [await post(viaTrpc, path, makeBody(), headers), await post(direct, path, makeBody(), headers)];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-collector-call-'));
  store = openSqliteStore({ filename: join(dir, 'call.db'), onConnection: (db) => (connection = db) });
  project = await store.createProject({ name: 'Same answers' });
  [viaTrpc, direct] = await listenPair(store);
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('callCollector answers as tRPC’s handler does', () => {
  const stored = [event(), event()];
  const cases: Array<[string, string, () => string, Record<string, string>?]> = [
    ['a valid batch', 'collect', () => batchOf([event(), event({ channel: 'web' })])],
    ['a batch already stored', 'collect', () => batchOf(stored)],
    ['a category the batch does not grant', 'collect', () => batchOf([event({ category: 'marketing' })])],
    ['a body that is not JSON', 'collect', () => '{"writeKey": '],
    ['an empty body', 'collect', () => ''],
    ['JSON that is not an object', 'collect', () => '[1, 2]'],
    ['no write key', 'collect', () => JSON.stringify({ batch: [event()] })],
    ['an invalid field', 'collect', () => batchOf([event({ timestamp: 'yesterday' })])],
    ['an unknown write key', 'collect', () => JSON.stringify({ writeKey: 'wk_nobody', batch: [event()] })],
    ['too many events', 'collect', () => batchOf(Array.from({ length: 501 }, () => event()))],
    ['a policy version never published', 'collect', () => batchOf([event()], { policyVersion: 99 })],
    [
      'GPC on, a marketing event',
      'collect',
      () => batchOf([event({ category: 'marketing' })]),
      { 'sec-gpc': '1' },
    ],
    ['a bad consent record', 'consent', () => JSON.stringify({ writeKey: project.writeKey, records: [{}] })],
  ];

  it.each(cases)('%s', async (_, path, makeBody, headers) => {
    if (_ === 'a batch already stored') await store.insertEvents(project.projectId, stored);
    const [fromTrpc, fromCall] = await both(`/trpc/${path}`, makeBody, headers);
    expect(fromCall).toEqual(fromTrpc);
  });

  it('over the write key’s rate limit: 429 with Retry-After', async () => {
    [viaTrpc, direct] = await listenPair(store, { ratePerSecond: 1, burst: 10 });
    const [fromTrpc, fromCall] = await both('/trpc/collect', () => batchOf([event(), event()]));
    expect(fromTrpc.status).toBe(200);
    expect(fromCall).toEqual(fromTrpc);
    const [limitedTrpc, limitedCall] = await both('/trpc/collect', () =>
      batchOf(Array.from({ length: 20 }, () => event())),
    );
    expect(limitedTrpc.status).toBe(429);
    expect(limitedCall).toEqual(limitedTrpc);
    [viaTrpc, direct] = await listenPair(store);
  });

  it('a storage fault: 503 with Retry-After', async () => {
    connection.pragma('query_only = 1');
    try {
      const [fromTrpc, fromCall] = await both('/trpc/collect', () => batchOf([event()]));
      expect(fromTrpc.status).toBe(503);
      expect(fromCall).toEqual(fromTrpc);
    } finally {
      connection.pragma('query_only = 0');
    }
  });

  it('an unexpected error: 500 without its message, logged once by each', async () => {
    const failing = Object.create(store) as Store;
    failing.insertEvents = () => Promise.reject(new Error('SQL internals'));
    const [trpcPort, directPort] = await listenPair(failing);
    logged.length = 0;
    const body = batchOf([event()]);
    const fromTrpc = await post(trpcPort, '/trpc/collect', body);
    const fromCall = await post(directPort, '/trpc/collect', body);
    expect(fromTrpc.status).toBe(500);
    expect(JSON.stringify(fromTrpc.body)).not.toContain('SQL internals');
    expect(fromCall).toEqual(fromTrpc);
    expect(logged).toEqual(['/trpc/collect failed', '/trpc/collect failed']);
  });
});
