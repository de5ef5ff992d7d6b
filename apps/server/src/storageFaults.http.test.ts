import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStoreOptions, type Store } from '@parcours/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 13: at run time a storage fault answers 503 with Retry-After over HTTP (the
// SDK keeps the batch and retries), is logged once per incident, and nothing is lost.
const AT = Date.UTC(2026, 2, 1);

/** A store's own better-sqlite3 connection, from its test hook (this package may not import the driver). */
type Connection = Parameters<NonNullable<SqliteStoreOptions['onConnection']>>[0];

let dir: string | undefined;
let mounted: string | undefined;
let store: Store | undefined;
let server: Server | undefined;

afterEach(async () => {
  server?.close();
  server?.closeAllConnections();
  await store?.close();
  if (mounted !== undefined) execFileSync('umount', [mounted]);
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  [dir, mounted, store, server] = [undefined, undefined, undefined, undefined];
});

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { result?: { data: { accepted: number; duplicates: number } }; error?: { message: string } };
}

async function start(filename: string, onConnection?: (db: Connection) => void, busyTimeoutMs?: number) {
  store = openSqliteStore({ filename, onConnection, busyTimeoutMs });
  const project = await store.createProject({ name: 'Shop' });
  const log: string[] = [];
  // Storage faults only: a busy test machine must not make the event-loop shedder answer first.
  server = createServer({
    store,
    logError: (message) => log.push(message),
    limits: TEST_SERVER_LIMITS,
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc/collect`;
  const post = async (batch: unknown[]): Promise<Answer> => {
    // text/plain, as the SDK's fetch and sendBeacon send it.
    const response = await fetch(url, {
      method: 'POST',
      body: JSON.stringify({ writeKey: project.writeKey, batch }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as Answer['body'],
    };
  };
  return { project, log, post };
}

/** Batch `n` of 500 events with unique ids, ~200 KB of SQLite pages. */
const makeBatch = (n: number) =>
  Array.from({ length: 500 }, (_, i) => ({
    id: `b${n}-e${i}`,
    type: 'track' as const,
    name: 'Viewed product',
    anonymousId: `anon-${n}-${i % 50}`,
    timestamp: AT + n * 1000 + i,
    properties: { note: `${n}:${i}:`.padEnd(300, 'x') },
  }));

/** A 3 MiB tmpfs, when this process may mount one (root with CAP_SYS_ADMIN): a real full disk. */
function mountTinyDisk(at: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'parcours-full', at], {
      stdio: 'ignore',
    });
    mounted = at;
    return true;
  } catch {
    return false;
  }
}

/** How the disk fills and is freed: for real (tmpfs) or by SQLite's own size limit. */
interface FullDisk {
  /** Before batch `n`: fill now, if this way fills on demand. */
  beforeBatch: (n: number, db: Connection) => void;
  makeRoom: (db: Connection) => void;
}

/**
 * Sends batches of 500 until one is refused, then three at once, checks the 503s and the log, makes room,
 * sends the refused batches again (as the SDK does after Retry-After), then replays all.
 */
async function fillAndRecover(filename: string, disk: FullDisk): Promise<void> {
  let connection: Connection | undefined;
  const { project, log, post } = await start(filename, (db) => (connection = db));
  const batches: ReturnType<typeof makeBatch>[] = [];
  const refused: number[] = [];
  const answers: Answer[] = [];
  for (let n = 0; n < 60 && refused.length === 0; n++) {
    disk.beforeBatch(n, connection!);
    batches.push(makeBatch(n));
    const answer = await post(batches[n]!);
    if (answer.status !== 200) {
      refused.push(n);
      answers.push(answer);
    } else expect(answer.body.result?.data).toEqual({ accepted: 500, duplicates: 0 });
  }
  // Three at once, which usually share one group commit: when it fails, each request gets its 503.
  const concurrent = [0, 1, 2].map((i) => batches.length + i);
  for (const n of concurrent) batches.push(makeBatch(n));
  answers.push(...(await Promise.all(concurrent.map((n) => post(batches[n]!)))));
  refused.push(...concurrent);
  expect(refused, `no batch was refused in ${batches.length}: the disk never filled`).toHaveLength(4);
  expect(refused[0], 'some batches were stored before the disk filled').toBeGreaterThan(1);
  for (const answer of answers) {
    expect({ status: answer.status, retryAfter: answer.retryAfter }).toEqual({
      status: 503,
      retryAfter: '30',
    });
    expect(answer.body.error?.message).toMatch(
      /^Storage unavailable: the database is full.*retry after 30 s$/,
    );
  }
  expect(log, log.join('\n')).toHaveLength(1);
  expect(log[0]).toMatch(/^storage fault \(SQLITE_FULL\): the database is full/);

  disk.makeRoom(connection!);
  for (const n of refused) {
    const answer = await post(batches[n]!);
    expect({ status: answer.status, data: answer.body.result?.data }).toEqual({
      status: 200,
      data: { accepted: 500, duplicates: 0 },
    });
  }
  expect(log).toHaveLength(2);
  expect(log[1]).toMatch(/^storage recovered: .*4 requests were answered 503/);
  // A replay of everything stores nothing twice; every acknowledged event is there.
  for (const batch of batches)
    expect((await post(batch)).body.result?.data).toEqual({ accepted: 0, duplicates: 500 });
  expect(await store!.countEvents(project.projectId)).toBe(batches.length * 500);
}

describe('a full disk under collect: 503 with Retry-After, one log line, then every batch stored exactly once', () => {
  it('on a 3 MiB tmpfs that really fills up (ENOSPC), grown back by a remount', async (context) => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-full-'));
    const disk = join(dir, 'disk');
    mkdirSync(disk);
    if (!mountTinyDisk(disk))
      return context.skip('cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)');
    await fillAndRecover(join(disk, 'parcours.db'), {
      beforeBatch: () => {},
      makeRoom: () => execFileSync('mount', ['-o', 'remount,size=64m', disk]),
    });
  }, 60_000);

  it("at SQLite's own size limit (PRAGMA max_page_count on the server's connection), then lifted", async () => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-full-'));
    await fillAndRecover(join(dir, 'parcours.db'), {
      beforeBatch: (n, db) => {
        if (n === 3) db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      },
      makeRoom: (db) => db.pragma('max_page_count = 1073741823'),
    });
  }, 60_000);
});

describe('a database locked by another connection', () => {
  it('answers 503 with Retry-After: 1 once the busy timeout passes, then 200 when the lock is gone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-busy-'));
    const filename = join(dir, 'parcours.db');
    const { log, post } = await start(filename, undefined, 100);
    // A second store on the file, as `parcours import` would be, holding the write lock.
    let other: Connection | undefined;
    const importer = openSqliteStore({ filename, onConnection: (db) => (other = db) });
    other!.exec('BEGIN IMMEDIATE');
    try {
      const answer = await post(makeBatch(0));
      expect({ status: answer.status, retryAfter: answer.retryAfter }).toEqual({
        status: 503,
        retryAfter: '1',
      });
      expect(answer.body.error?.message).toMatch(
        /^Storage unavailable: the database is locked by another connection/,
      );
    } finally {
      other!.exec('COMMIT');
      await importer.close();
    }
    expect((await post(makeBatch(0))).body.result?.data).toEqual({ accepted: 500, duplicates: 0 });
    expect(log.map((line) => line.split(':')[0])).toEqual([
      'storage fault (SQLITE_BUSY)',
      'storage recovered',
    ]);
  }, 30_000);
});
