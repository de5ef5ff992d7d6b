import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { openSqliteStore, type CreatedProject, type SqliteStoreOptions, type Store } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaller } from '../appRouter.js';
import { createApiServices } from '../auth/createApiServices.js';

// `PRAGMA query_only` on the store's own connection makes SQLite answer every write
// with SQLITE_READONLY, as it does for a read-only file: a real SQLite fault, injected
// where root cannot make a file read-only under a running server.
let dir: string;
let store: Store;
/** The store's own better-sqlite3 connection, from its test hook. */
let db: Parameters<NonNullable<SqliteStoreOptions['onConnection']>>[0];
let project: CreatedProject;
let log: string[];
let headers: Array<[string, string]>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-faults-'));
  store = openSqliteStore({ filename: join(dir, 'api.db'), onConnection: (connection) => (db = connection) });
  project = await store.createProject({ name: 'Shop' });
  log = [];
  headers = [];
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const AT = Date.UTC(2026, 2, 1);
const services = () => createApiServices({ logError: (line) => log.push(line) });
const event = (id: string) => ({
  id,
  type: 'track' as const,
  name: 'Paid',
  anonymousId: 'a1',
  timestamp: AT,
});

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe('a storage fault under collect and consent', () => {
  it('answers 503 with Retry-After naming the problem, logs the incident once, and its recovery once', async () => {
    const caller = createCaller({
      store,
      services: services(),
      setHeader: (name, value) => void headers.push([name, value]),
    });
    db.pragma('query_only = 1');
    for (let i = 0; i < 3; i++) {
      const error = await errorOf(caller.collect({ writeKey: project.writeKey, batch: [event(`e${i}`)] }));
      expect(error.code).toBe('SERVICE_UNAVAILABLE');
      expect(error.message).toMatch(
        /^Storage unavailable: the database cannot be written.*nothing was stored, retry after 30 s$/,
      );
    }
    const consent = {
      id: 'c1',
      timestamp: AT,
      granted: ['analytics' as const],
      denied: [],
      policyVersion: 'v1',
      source: 'banner',
    };
    expect((await errorOf(caller.consent({ writeKey: project.writeKey, records: [consent] }))).code).toBe(
      'SERVICE_UNAVAILABLE',
    );
    expect(headers).toEqual(Array.from({ length: 4 }, () => ['Retry-After', '30']));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^storage fault \(SQLITE_READONLY\): the database cannot be written/);

    db.pragma('query_only = 0');
    expect(await caller.collect({ writeKey: project.writeKey, batch: [event('e0'), event('e1')] })).toEqual({
      accepted: 2,
      duplicates: 0,
    });
    expect(await caller.collect({ writeKey: project.writeKey, batch: [event('e2')] })).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect(log).toHaveLength(2);
    expect(log[1]).toMatch(/^storage recovered: .*4 requests were answered 503/);
    expect(await store.countEvents(project.projectId)).toBe(3);
  });

  it('leaves other errors as they were, unlogged', async () => {
    const caller = createCaller({ store, services: services() });
    expect((await errorOf(caller.collect({ writeKey: 'wk_nope', batch: [event('e1')] }))).code).toBe(
      'UNAUTHORIZED',
    );
    expect(log).toEqual([]);
  });
});
