import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { openRawConnection, postHead } from './http/rawHttp.testSupport.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

const LIMIT_MESSAGE = 'A request body holds at most 524288 bytes (512 KiB)';

let dir: string;
let store: Store;
let server: Server;
let port: number;
let project: CreatedProject;
const logged: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-input-'));
  mkdirSync(join(dir, 'public'));
  writeFileSync(join(dir, 'public', 'index.html'), '<!doctype html><title>Parcours</title>');
  store = openSqliteStore({ filename: join(dir, 'input.db') });
  project = await store.createProject({ name: 'Input' });
  server = createServer({
    store,
    publicDir: join(dir, 'public'),
    logError: (message) => logged.push(message),
    limits: TEST_SERVER_LIMITS,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
const event = (extra: object = {}) => ({
  id: `input-${++seq}`,
  type: 'track',
  name: 'Viewed',
  anonymousId: 'device-1',
  timestamp: Date.UTC(2026, 3, 1) + seq,
  ...extra,
});

/** Any method, any path, a raw body: what `fetch` refuses to send (TRACE) or to mangle. */
function send(method: string, path: string, body?: Buffer | string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}
const errorOf = (text: string) =>
  (JSON.parse(text) as { error: { message: string; data: { code: string } } }).error;

describe('request bodies over the limit', () => {
  it('refuses a Content-Length over the limit with 413 before reading the body, then closes', async () => {
    const connection = await openRawConnection(port);
    // Only the head is sent: the answer must not wait for 50 MB that never come.
    await connection.write(
      postHead('/trpc/collect', { 'Content-Type': 'application/json', 'Content-Length': 50_000_000 }),
    );
    const response = await connection.response;
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(errorOf(response.body)).toMatchObject({
      message: LIMIT_MESSAGE,
      data: { code: 'PAYLOAD_TOO_LARGE' },
    });
    await connection.closed;
  });

  it('refuses a chunked body once it crosses the limit, and closes without reading the rest', async () => {
    const connection = await openRawConnection(port);
    await connection.write(
      postHead('/trpc/collect', { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }),
    );
    const chunk = Buffer.from(`10000\r\n${'x'.repeat(0x10000)}\r\n`);
    let sent = 0;
    let answered = false;
    void connection.response.then(
      () => (answered = true),
      () => (answered = true),
    );
    // Up to 50 MB, as long as the server keeps the connection and has not answered.
    while (!answered && sent < 50_000_000 && (await connection.write(chunk))) sent += 0x10000;
    const response = await connection.response;
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(errorOf(response.body).message).toBe(LIMIT_MESSAGE);
    await connection.closed;
    // The socket buffers of loopback hold a few MB at most: far from the 50 MB offered.
    expect(sent).toBeLessThan(16_000_000);
  });

  it('refuses collect in a tRPC batch (which would multiply the 500-event limit) with a 400', async () => {
    const call = { writeKey: project.writeKey, batch: Array.from({ length: 400 }, () => event()) };
    const batched = await send('POST', '/trpc/collect,collect?batch=1', JSON.stringify({ 0: call, 1: call }));
    expect(batched.status).toBe(400);
    expect(errorOf(batched.text).message).toBe(
      'collect and consent cannot be batched: send one call per request, without ?batch',
    );
    const single = await send('POST', '/trpc/collect?batch=1', JSON.stringify({ 0: call }));
    expect(single.status).toBe(400);
    expect(await store.countEvents(project.projectId)).toBe(0);
  });
});

describe('invalid UTF-8', () => {
  const bodyWith = (bytes: Buffer, where: 'name' | 'property') => {
    const marker = '@@BAD@@';
    const bad = where === 'name' ? event({ name: marker }) : event({ properties: { plan: marker } });
    const json = JSON.stringify({ writeKey: project.writeKey, batch: [event(), bad] });
    const [before, after] = json.split(marker) as [string, string];
    return Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]);
  };

  it('answers 400 naming the field that holds bytes which are not UTF-8, and stores nothing', async () => {
    // 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte.
    const inName = await send('POST', '/trpc/collect', bodyWith(Buffer.from([0x43, 0xc3, 0x28]), 'name'));
    expect(inName.status).toBe(400);
    expect(errorOf(inName.text)).toMatchObject({
      message: 'batch[1].name is not valid UTF-8: strings must be sent as UTF-8',
      data: { code: 'BAD_REQUEST' },
    });
    // A lone 0xFF in a property value, in a text/plain body (sendBeacon).
    const inProperty = await send('POST', '/trpc/collect', bodyWith(Buffer.from([0xff]), 'property'));
    expect(inProperty.status).toBe(400);
    expect(errorOf(inProperty.text).message).toBe(
      'batch[1].properties.plan is not valid UTF-8: strings must be sent as UTF-8',
    );
    expect(await store.countEvents(project.projectId)).toBe(0);
  });

  it('says so for a body that is not JSON either', async () => {
    const response = await send('POST', '/trpc/collect', Buffer.from([0x7b, 0xff, 0xfe]));
    expect(response.status).toBe(400);
    expect(errorOf(response.text).message).toBe('The request body is not valid UTF-8');
  });

  it('still stores genuine non-ASCII text', async () => {
    const response = await send(
      'POST',
      '/trpc/collect',
      JSON.stringify({ writeKey: project.writeKey, batch: [event({ name: 'Café ☕ 𝄞' })] }),
    );
    expect(response.status).toBe(200);
    expect(await store.countEvents(project.projectId)).toBe(1);
  });
});

describe('malformed URLs and unsupported methods', () => {
  it('answers 400 to a path with a broken % escape, logging nothing', async () => {
    for (const path of ['/%', '/trpc/%zz', '/assets/%E0%A4%A']) {
      const response = await send('GET', path);
      expect(response.status, path).toBe(400);
      expect(response.text).toBe(
        'Malformed URL: in a path, % must start an escape of two hex digits, such as %20',
      );
    }
    expect(logged).toEqual([]);
  });

  it('answers 405 with Allow to a method the route does not take, logging nothing', async () => {
    const trace = await send('TRACE', '/trpc/collect');
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe('POST, OPTIONS');
    expect(errorOf(trace.text)).toMatchObject({
      message: 'TRACE is not allowed here: use POST, OPTIONS',
      data: { code: 'METHOD_NOT_SUPPORTED' },
    });
    const del = await send('DELETE', '/trpc/journeys.person');
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('GET, POST');
    const put = await send('PUT', '/', 'x');
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
    expect(logged).toEqual([]);
  });
});
