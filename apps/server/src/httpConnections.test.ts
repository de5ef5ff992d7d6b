import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqliteStore, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ServerOptions } from './createServer.js';
import { openRawConnection, postHead } from './http/rawHttp.testSupport.js';

let dir: string;
let store: Store;
const servers: Server[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-connections-'));
  store = openSqliteStore({ filename: join(dir, 'connections.db') });
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(limits: ServerOptions['limits']): Promise<number> {
  const server = createServer({ store, publicDir: dir, limits });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Writes `data` a byte at a time, every `everyMs`, until the socket is closed. */
async function dribble(write: (data: string) => Promise<boolean>, data: string, everyMs: number) {
  for (const byte of data) {
    if (!(await write(byte))) return;
    await sleep(everyMs);
  }
}

describe('slow clients', () => {
  it('closes a connection whose body dribbles in, once the request timeout passes', async () => {
    const port = await start({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const connection = await openRawConnection(port);
    await connection.write(
      postHead('/trpc/collect', { 'Content-Type': 'application/json', 'Content-Length': 1_000 }),
    );
    void dribble(connection.write, '{'.repeat(1_000), 100);
    const closedAfterMs = await connection.closed;
    // requestTimeout (1 s), checked by Node every 500 ms here: closed in seconds, not 300 s.
    expect(closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(closedAfterMs).toBeLessThan(3_000);
  }, 10_000);

  it('closes a connection whose headers dribble in, once the headers timeout passes', async () => {
    const port = await start({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const connection = await openRawConnection(port);
    void dribble(connection.write, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(200), 50);
    const closedAfterMs = await connection.closed;
    expect(closedAfterMs).toBeGreaterThanOrEqual(400);
    expect(closedAfterMs).toBeLessThan(2_500);
  }, 10_000);

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const port = await start({ keepAliveTimeoutMs: 300 });
    const connection = await openRawConnection(port);
    await connection.write('GET /nothing-here.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect((await connection.response).status).toBe(404);
    expect(await connection.closed).toBeLessThan(2_500);
  }, 10_000);
});

describe('the connection cap', () => {
  it('closes connections past maxConnections at once, and takes new ones when others end', async () => {
    const port = await start({ maxConnections: 2 });
    const first = await openRawConnection(port);
    const second = await openRawConnection(port);
    // Let the server accept both before the third knocks.
    await sleep(100);
    const third = await openRawConnection(port);
    await third.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await expect(third.response).rejects.toThrow(/closed without a full response/);
    first.socket.destroy();
    second.socket.destroy();
    await Promise.all([first.closed, second.closed]);
    await sleep(100);
    const later = await openRawConnection(port);
    await later.write('GET /nothing-here.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect((await later.response).status).toBe(404);
    later.socket.destroy();
  }, 10_000);
});
