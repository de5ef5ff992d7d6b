import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsentRecord } from '@parcours/schema';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store, StoredEvent } from '../../Store.js';
import { openSqliteStore } from '../openSqliteStore.js';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 2, 1);
const FUNNEL = { steps: [{ name: 'view' }, { name: 'cart' }, { name: 'buy' }], windowMs: DAY };

/**
 * A person's stream: two devices linking to their user id, distinctive property and
 * context values, a consent record per device. Names are long and unlike anything
 * else in the file, so that finding one in the bytes means a row survived.
 */
function personOf(tag: string, i: number) {
  const devices = [`dev-${tag}-${i}-phone-9c1e`, `dev-${tag}-${i}-laptop-4b7d`];
  const userId = `user-${tag}-${i}@example.test`;
  const secrets = [`secret-${tag}-${i}-street-address-81`, `secret-${tag}-${i}-order-note-52`];
  const events: StoredEvent[] = ['view', 'cart', 'buy', 'view', 'cart'].map((name, k) => ({
    id: `ev-${tag}-${i}-${k}`,
    type: 'track',
    name: k === 2 && i % 3 === 0 ? 'view' : name,
    anonymousId: devices[k % 2]!,
    ...(k < 2 && { userId }),
    timestamp: t0 + i * 60_000 + k * 1_000,
    channel: k % 2 === 0 ? 'web' : 'app',
    properties: { note: secrets[k % 2]!, k },
    context: { page: `/checkout/${secrets[0]}` },
  }));
  const consents: ConsentRecord[] = devices.map((anonymousId, k) => ({
    id: `consent-${tag}-${i}-${k}`,
    timestamp: t0,
    granted: ['analytics'],
    denied: [],
    policyVersion: '1',
    source: 'banner',
    anonymousId,
    ...(k === 0 && { userId }),
  }));
  return { devices, userId, secrets, events, consents };
}

/** The database file and its WAL, as bytes (latin1 keeps every byte one char). */
function readFiles(filename: string): string {
  const wal = `${filename}-wal`;
  return readFileSync(filename, 'latin1') + (existsSync(wal) ? readFileSync(wal, 'latin1') : '');
}

async function ask(store: Store, projectId: string) {
  return {
    funnel: await store.getFunnel(projectId, FUNNEL),
    dropoffs: await store.getFunnelDropoffs(projectId, { ...FUNNEL, step: 3, limit: 500 }),
    paths: await store.getPaths(projectId, { depth: 4, limit: 50 }),
    stages: await store.getStages(projectId, {}),
    overview: await store.getOverview(projectId, { from: t0 - DAY, to: t0 + DAY }),
  };
}

describe('erasePerson on a file, through the worker engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-erase-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves none of their ids or values in the .db or -wal bytes, and the worker forgets them', async () => {
    const filename = join(dir, 'erase.db');
    const store = openSqliteStore({ filename }); // worker engine: a second, reading connection
    try {
      const { projectId } = await store.createProject({ name: 'Shop' });
      const persons = Array.from({ length: 400 }, (_, i) => personOf(i === 137 ? 'alice' : 'other', i));
      // Interleaved batches, so the person's rows share pages with everyone else's.
      for (let b = 0; b < 8; b++) {
        const batch = persons.filter((_, i) => i % 8 === b);
        await store.insertEvents(
          projectId,
          batch.flatMap((p) => p.events),
        );
        await store.insertConsentRecords(
          projectId,
          batch.flatMap((p) => p.consents),
        );
      }
      const alice = persons[137]!;
      const traces = [...alice.devices, alice.userId, ...alice.secrets];
      const before = await ask(store, projectId); // the worker's index now holds alice
      expect(before.funnel.steps[0]!.count).toBe(400);
      const bytes = readFiles(filename);
      for (const trace of traces) expect(bytes, `${trace} is there before`).toContain(trace);

      const receipt = await store.erasePerson(projectId, { anonymousId: alice.devices[1]! });
      expect(receipt.tables).toEqual({
        events: 5,
        identity_links: 2,
        consent_records: 2,
        privacy_requests: 0,
      });
      expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 800 });

      const after = readFiles(filename);
      for (const trace of traces) expect(after.includes(trace), `${trace} is gone`).toBe(false);
      // Everyone else's are still there: the search would have found a survivor.
      for (const trace of [persons[136]!.userId, persons[138]!.secrets[1]!]) expect(after).toContain(trace);
      expect(existsSync(`${filename}-wal`) ? readFileSync(`${filename}-wal`).length : 0).toBe(0);

      // The very next questions, through the worker, equal a store that never had her.
      const reference = openSqliteStore({ filename: ':memory:' });
      const { projectId: refProject } = await reference.createProject({ name: 'Shop' });
      await reference.insertEvents(
        refProject,
        persons.filter((p) => p !== alice).flatMap((p) => p.events),
      );
      const answers = await ask(store, projectId);
      expect(answers.funnel.steps[0]!.count).toBe(399);
      expect(answers).toEqual(await ask(reference, refProject));
      await reference.close();
      expect(await store.getPersonTimeline(projectId, { userId: alice.userId })).toBeUndefined();
    } finally {
      await store.close();
    }
  }, 60_000);

  it('waits out a reader that holds the WAL, then truncates it', async () => {
    const filename = join(dir, 'reader.db');
    // A short busy timeout: each checkpoint attempt gives up on the reader quickly.
    const store = openSqliteStore({ filename, journeyEngine: 'inline', busyTimeoutMs: 100 });
    const reader = new Database(filename, { readonly: true });
    try {
      const { projectId } = await store.createProject({ name: 'Shop' });
      const alice = personOf('alice', 1);
      await store.insertEvents(projectId, [...alice.events, ...personOf('other', 2).events]);
      // A read transaction opened before the erasure pins the WAL frames it may read.
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM events').pluck().get();
      setTimeout(() => reader.exec('COMMIT'), 50);
      const receipt = await store.erasePerson(projectId, { userId: alice.userId });
      expect(receipt.tables.events).toBe(5);
      expect(readFileSync(`${filename}-wal`).length).toBe(0);
      for (const trace of [alice.userId, ...alice.devices, ...alice.secrets]) {
        expect(readFiles(filename).includes(trace), trace).toBe(false);
      }
    } finally {
      reader.close();
      await store.close();
    }
  }, 60_000);

  it('fails, rows erased, when the reader never lets go; erasing again completes', async () => {
    const filename = join(dir, 'stuck.db');
    const store = openSqliteStore({ filename, journeyEngine: 'inline', busyTimeoutMs: 20 });
    const reader = new Database(filename, { readonly: true });
    try {
      const { projectId } = await store.createProject({ name: 'Shop' });
      const alice = personOf('alice', 1);
      await store.insertEvents(projectId, alice.events);
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM events').pluck().get();
      await expect(store.erasePerson(projectId, { userId: alice.userId })).rejects.toThrow(/checkpoint/);
      expect(await store.countEvents(projectId)).toBe(0);
      reader.exec('COMMIT');
      const again = await store.erasePerson(projectId, { userId: alice.userId });
      expect(again.tables.events).toBe(0);
      expect(readFileSync(`${filename}-wal`).length).toBe(0);
    } finally {
      reader.close();
      await store.close();
    }
  }, 60_000);
});
