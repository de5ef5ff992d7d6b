import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Event } from '@parcours/schema';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../Store.js';
import { fileContains } from './privacy/fileContains.js';
import { IndexSnapshot, SnapshotError } from '../engine/IndexSnapshot.js';
import { fileSource, getSnapshotDirectory, writeAll } from './IndexSnapshotFiles.js';
import { prepareGetIndexableEvents } from './queries/getIndexableEvents.js';
import { openSqliteStore, type SqliteStoreOptions } from './openSqliteStore.js';

const dir = mkdtempSync(join(tmpdir(), 'parcours-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `store-${++files}.db`);

const T0 = Date.UTC(2026, 5, 1);
const NAMES = ['Viewed ad', 'Visited site', 'Opened email', 'Added to cart', 'Called support', 'Purchased'];
const CHANNELS = ['ads', 'web', 'email', 'store', 'phone'];

/**
 * Journeys that exercise every part of the index: channels, a property, devices that
 * identify (some as two users: a shared device, owners in segments), events carrying
 * user ids, users with several devices. Deterministic.
 */
function journeys(first: number, persons: number, prefix: string): Event[] {
  const events: Event[] = [];
  for (let p = first; p < first + persons; p++) {
    const device = `device-${p}`;
    const steps = 1 + ((p * 7) % NAMES.length);
    for (let k = 0; k < steps; k++) {
      const event: Event = {
        id: `${prefix}-${p}-${k}`,
        type: 'track',
        name: NAMES[(p + k) % NAMES.length]!,
        anonymousId: device,
        timestamp: T0 + p * 3_000 + k * 90_000,
        channel: CHANNELS[(p * 3 + k) % CHANNELS.length]!,
        properties: { plan: p % 3 === 0 ? 'pro' : 'free' },
      };
      if (p % 11 === 0 && k === 1) event.userId = `user-${p % 97}`;
      events.push(event);
    }
    if (p % 5 === 0) {
      events.push({
        id: `${prefix}-${p}-id`,
        type: 'identify',
        name: 'identify',
        anonymousId: device,
        userId: `user-${p % 89}`,
        timestamp: T0 + p * 3_000 + 45_000,
      });
    }
    if (p % 35 === 0) {
      // The same device, later, as someone else.
      events.push({
        id: `${prefix}-${p}-id2`,
        type: 'identify',
        name: 'identify',
        anonymousId: device,
        userId: `user-other-${p}`,
        timestamp: T0 + p * 3_000 + 100_000,
      });
    }
  }
  return events;
}

const FUNNEL = {
  steps: [{ name: 'Viewed ad' }, { name: 'Visited site' }, { name: 'Added to cart' }],
  windowMs: 30 * 86_400_000,
};

/** Every journey answer of a project, to compare two indexes. */
async function answers(store: Store, projectId: string) {
  return {
    funnel: await store.getFunnel(projectId, FUNNEL),
    byChannel: await store.getFunnel(projectId, { ...FUNNEL, breakdown: 'channel' }),
    byPlan: await store.getFunnel(projectId, { ...FUNNEL, breakdown: 'plan' }),
    dropoffs: await store.getFunnelDropoffs(projectId, { ...FUNNEL, step: 2, limit: 50 }),
    paths: await store.getPaths(projectId, { depth: 4, limit: 30 }),
    stages: await store.getStages(projectId, {}),
    overview: await store.getOverview(projectId, { from: T0 - 86_400_000, to: T0 + 60 * 86_400_000 }),
  };
}

async function insert(store: Store, projectId: string, events: Event[]) {
  for (let i = 0; i < events.length; i += 500) await store.insertEvents(projectId, events.slice(i, i + 500));
}

/** A file store with `persons` journeys, its index built and closed (saving it). */
async function seededFile(persons: number, options: Omit<SqliteStoreOptions, 'filename'> = {}) {
  const filename = newFile();
  const store = openSqliteStore({ filename, ...options });
  const { projectId } = await store.createProject({ name: 'Snapshots' });
  await insert(store, projectId, journeys(0, persons, 'a'));
  const live = await answers(store, projectId);
  await store.close();
  return { filename, projectId, live, snapshot: join(getSnapshotDirectory(filename), '1.idx') };
}

/** Renames events in the file behind the store's back: only an index loaded from a snapshot still sees the old names. */
function renameInFile(filename: string, from: string, to: string) {
  const db = new Database(filename);
  db.prepare(`UPDATE events SET name = ? WHERE name = ?`).run(to, from);
  db.close();
}

describe.each(['inline', 'worker'] as const)('journey index snapshots (%s engine)', (journeyEngine) => {
  it('are saved at close and loaded at the next open, then caught up with rows committed since', async () => {
    const { filename, projectId, live, snapshot } = await seededFile(4_000, { journeyEngine });
    expect(existsSync(snapshot)).toBe(true);
    expect(statSync(snapshot).mode & 0o777).toBe(0o600);

    // Loaded, not rebuilt: a change the index could only see by reading the rows is not seen.
    renameInFile(filename, 'Viewed ad', 'Renamed behind its back');
    const reopened = openSqliteStore({ filename, journeyEngine });
    expect(await answers(reopened, projectId)).toEqual(live);

    // Rows committed after the snapshot: caught up, as a fresh build would count them.
    await insert(reopened, projectId, journeys(4_000, 500, 'b'));
    const caughtUp = await answers(reopened, projectId);
    await reopened.close();

    renameInFile(filename, 'Renamed behind its back', 'Viewed ad');
    rmSync(getSnapshotDirectory(filename), { recursive: true });
    const rebuilt = openSqliteStore({ filename, journeyEngine, indexSnapshots: false });
    expect(caughtUp).toEqual(await answers(rebuilt, projectId));
    expect(caughtUp.funnel.steps[0]!.count).toBeGreaterThan(live.funnel.steps[0]!.count);
    await rebuilt.close();
  }, 120_000);

  it('are rebuilt from the rows when unreadable, and replaced', async () => {
    const { filename, projectId, live, snapshot } = await seededFile(3_500, { journeyEngine });
    const bytes = readFileSync(snapshot);
    for (const damaged of [
      bytes.subarray(0, bytes.length >> 1),
      Buffer.from('not a snapshot'),
      Buffer.alloc(0),
    ]) {
      writeFileSync(snapshot, damaged);
      const reopened = openSqliteStore({ filename, journeyEngine });
      expect(await answers(reopened, projectId)).toEqual(live);
      await reopened.close();
      expect(readFileSync(snapshot).equals(bytes)).toBe(true);
    }
  }, 120_000);
});

describe('journey index snapshots and removals', () => {
  it('go with an erasure at once: the file holding the erased ids is deleted, the next start rebuilds', async () => {
    const { filename, projectId, snapshot } = await seededFile(3_500);
    expect(await fileContains([snapshot], ['\u0000device-1234\u0000'])).toBe(true);
    const store = openSqliteStore({ filename });
    await store.getFunnel(projectId, FUNNEL); // loaded from the snapshot
    await store.erasePerson(projectId, { anonymousId: 'device-1234' });
    expect(existsSync(snapshot)).toBe(false);
    const after = await answers(store, projectId);
    await store.close();
    // Saved again at close, without the erased device.
    expect(existsSync(snapshot)).toBe(true);
    expect(await fileContains([snapshot], ['\u0000device-1234\u0000'])).toBe(false);
    const reopened = openSqliteStore({ filename });
    expect(await answers(reopened, projectId)).toEqual(after);
    await reopened.close();
  }, 120_000);

  it('are deleted with their project', async () => {
    const { filename, projectId, snapshot } = await seededFile(3_500);
    const store = openSqliteStore({ filename });
    await store.deleteProject(projectId);
    expect(existsSync(snapshot)).toBe(false);
    await store.close();
  }, 60_000);

  it('are not written for a store opened without them, nor for a small index', async () => {
    const off = await seededFile(3_500, { indexSnapshots: false });
    expect(existsSync(getSnapshotDirectory(off.filename))).toBe(false);
    const small = await seededFile(100);
    expect(existsSync(getSnapshotDirectory(small.filename))).toBe(false);
  }, 60_000);
});

describe('snapshot files', () => {
  it('are written and read in bounded calls, section by section (Node reads at most 2 GiB into one buffer)', () => {
    const saved = new IndexSnapshot();
    saved.arrays.set(
      'time',
      Float64Array.from({ length: 1_000 }, (_, i) => i * 1.5),
    );
    saved.arrays.set('odd', Uint8Array.from([1, 2, 3]));
    saved.strings.set('ids', ['device-1', 'é😀', '']);
    saved.numbers.set('lastSeq', 7);
    const path = join(dir, 'chunks.idx');
    let fd = openSync(path, 'w');
    // 7-byte writes and 5-byte reads: every section crosses call boundaries.
    for (const chunk of saved.encode({ v: 2 })) writeAll(fd, chunk, 7);
    closeSync(fd);
    fd = openSync(path, 'r');
    try {
      const { meta, snapshot } = IndexSnapshot.read<{ v: number }>(fileSource(fd, 5));
      expect(meta).toEqual({ v: 2 });
      for (const [name, array] of saved.arrays) expect(snapshot.arrays.get(name), name).toEqual(array);
      expect(snapshot.strings.get('ids')).toEqual(['device-1', 'é😀', '']);
      expect(snapshot.number('lastSeq')).toBe(7);
    } finally {
      closeSync(fd);
    }
    // A file cut short is refused, not half-read.
    writeFileSync(path, readFileSync(path).subarray(0, statSync(path).size - 16));
    fd = openSync(path, 'r');
    try {
      expect(() => IndexSnapshot.read(fileSource(fd, 5))).toThrow(SnapshotError);
    } finally {
      closeSync(fd);
    }
  });
});

describe('the index reads the store in pages', () => {
  it('gives the same answers whatever the page size, breakdowns by property included', async () => {
    const filename = newFile();
    const store = openSqliteStore({ filename, indexSnapshots: false });
    const { projectId } = await store.createProject({ name: 'Pages' });
    await insert(store, projectId, journeys(0, 600, 'a'));
    const whole = await answers(store, projectId);
    await store.close();
    // 7 rows a page: hundreds of pages, page ends inside persons and inside groups of equal times.
    const paged = openSqliteStore({
      filename,
      indexSnapshots: false,
      journeyLimits: { indexReadPageRows: 7 },
    });
    expect(await answers(paged, projectId)).toEqual(whole);
    // A catch-up is paged too, and stops at the last row committed when it starts.
    await insert(paged, projectId, journeys(600, 50, 'b'));
    const caughtUp = await answers(paged, projectId);
    await paged.close();
    const rebuilt = openSqliteStore({ filename, indexSnapshots: false });
    expect(caughtUp).toEqual(await answers(rebuilt, projectId));
    expect(caughtUp.funnel.steps[0]!.count).toBeGreaterThan(whole.funnel.steps[0]!.count);
    await rebuilt.close();
  }, 120_000);

  it('holds no statement open between pages: the connection can write while a read is under way', async () => {
    const filename = newFile();
    const store = openSqliteStore({ filename, indexSnapshots: false });
    const { projectId } = await store.createProject({ name: 'Open reads' });
    await insert(store, projectId, journeys(0, 40, 'a'));
    await store.close();
    const db = new Database(filename);
    const projectRowId = db.prepare('SELECT id FROM projects').pluck().get() as number;
    const total = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    const read = prepareGetIndexableEvents(db, 10)(projectRowId, 0, { properties: true });
    const seqs: number[] = [];
    for (const { seq } of read) {
      seqs.push(seq);
      // A row committed mid-read, on the same connection (busy, were a statement open):
      // after the last one when the read began, so not read.
      if (seqs.length === 15) {
        db.prepare(
          `INSERT INTO events (project_id, event_id, type, name, anonymous_id, timestamp, received_at, properties)
           SELECT project_id, 'late', type, name, anonymous_id, timestamp, received_at, properties FROM events LIMIT 1`,
        ).run();
      }
    }
    expect(seqs).toHaveLength(total);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(total);
    db.close();
  }, 60_000);
});
