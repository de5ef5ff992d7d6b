import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../Store.js';
import { createCheckpointer } from './createCheckpointer.js';
import { openDatabase } from './openDatabase.js';
import { openSqliteStore } from './openSqliteStore.js';

const dir = mkdtempSync(join(tmpdir(), 'parcours-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `checkpoint-${++files}.db`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const events = (from: number, count: number): StoredEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `c${from + i}`,
    type: 'track',
    name: 'Viewed',
    // Scattered devices: the anonymous-id index takes random inserts, as in real traffic.
    anonymousId: `device-${((from + i) * 7919) % 50_000}`,
    timestamp: Date.UTC(2026, 0, 1) + from + i,
    properties: { path: `/products/${(from + i) % 300}` },
  }));

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

describe('createCheckpointer', () => {
  it('copies the WAL into the database on its own thread, the connection never checkpointing', async () => {
    const filename = newFile();
    let connection: Database.Database | undefined;
    const store = openSqliteStore({ filename, onConnection: (db) => (connection = db) });
    const { projectId } = await store.createProject({ name: 'Checkpoints' });
    const before = statSync(filename).size;
    // 20 groups: past the 1,000 WAL frames from which SQLite (and the thread) checkpoint.
    for (let from = 0; from < 20_000; from += 1_000) await store.insertEvents(projectId, events(from, 1_000));
    expect(connection!.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // The pages reach the database file only through a checkpoint, and this connection makes none.
    await until(() => statSync(filename).size > before + 500_000);
    await store.close();
  });

  it('leaves a WAL under 1,000 frames alone, as SQLite would', async () => {
    const filename = newFile();
    const store = openSqliteStore({ filename });
    const { projectId } = await store.createProject({ name: 'Small' });
    await store.insertEvents(projectId, events(0, 1_000));
    const [size, wal] = [statSync(filename).size, statSync(`${filename}-wal`).size];
    expect(wal).toBeGreaterThan(100_000);
    await sleep(500);
    expect(statSync(filename).size).toBe(size);
    await store.close();
  });

  it('keeps the WAL from growing without end under continuous group commits', async () => {
    const filename = newFile();
    const store = openSqliteStore({ filename });
    const { projectId } = await store.createProject({ name: 'Steady' });
    // 150,000 events write about 270 MB of WAL frames (measured with no restart); the WAL
    // starts over as it is checkpointed (about 20 MB here).
    for (let from = 0; from < 150_000; from += 1_000)
      await store.insertEvents(projectId, events(from, 1_000));
    expect(statSync(`${filename}-wal`).size).toBeLessThan(100_000_000);
    expect(await store.countEvents(projectId)).toBe(150_000);
    await store.close();
  }, 120_000);

  it('lets a process that awaits the store’s close finish it and exit 0 (as `parcours import` does)', () => {
    // Exit code 13 is Node's "unsettled top-level await": a close waiting on an unref'd thread.
    const script = join(dir, 'closeAndExit.mjs');
    writeFileSync(
      script,
      `import { openSqliteStore } from ${JSON.stringify(new URL('../../dist/index.js', import.meta.url).href)};
      const store = openSqliteStore({ filename: ${JSON.stringify(newFile())} });
      const { projectId } = await store.createProject({ name: 'Exit' });
      await store.insertEvents(projectId, Array.from({ length: 5_000 }, (_, i) =>
        ({ id: 'e' + i, type: 'track', name: 'A', anonymousId: 'd' + ((i * 7919) % 5_000), timestamp: i })));
      await store.close();
      console.log('closed');`,
    );
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('closed');
    expect(child.status).toBe(0);
  }, 30_000);

  it('gives the checkpoints back to the connection when its thread ends', async () => {
    const db = openDatabase({ filename: newFile() });
    // A file the thread cannot open: it fails and ends at once.
    const checkpointer = createCheckpointer(db, join(dir, 'missing', 'nowhere.db'));
    checkpointer.afterCommit();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await until(() => db.pragma('wal_autocheckpoint', { simple: true }) === 1_000);
    await checkpointer.close();
    db.close();
  });
});
