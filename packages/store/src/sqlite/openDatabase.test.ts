import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import { openDatabase } from './openDatabase.js';
import { openSqliteStore } from './openSqliteStore.js';
import { StoreOpenError, type StoreOpenErrorKind } from './StoreOpenError.js';

// Every broken file here is a real one: a database written by the store, then cut,
// overwritten or made read-only on disk, and opened as `parcours` would open it.
let dir: string;
let healthy: string;
let files = 0;
const immutable: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-open-'));
  healthy = join(dir, 'healthy.db');
  const store = openSqliteStore({ filename: healthy });
  const { projectId } = await store.createProject({ name: 'Shop' });
  const events = Array.from({ length: 3_000 }, (_, i) => ({
    id: `evt-${i}`,
    type: 'track' as const,
    name: 'Viewed product',
    anonymousId: `anon-${i % 97}`,
    timestamp: 1_700_000_000_000 + i,
    properties: { sku: `sku-${i}`, note: 'x'.repeat(80) },
  }));
  await store.insertEvents(projectId, events);
  await store.close();
}, 30_000);
afterAll(() => {
  for (const path of immutable) execFileSync('chattr', ['-i', path]);
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the healthy database, to break. */
function copyHealthy(): string {
  const path = join(dir, `copy-${++files}.db`);
  copyFileSync(healthy, path);
  return path;
}

function openError(filename: string, options: { quickCheck?: boolean } = {}): StoreOpenError {
  try {
    openDatabase({ filename, ...options }).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreOpenError);
    return error as StoreOpenError;
  }
  throw new Error(`${filename} opened without an error`);
}

function expectRefused(filename: string, kind: StoreOpenErrorKind, words: RegExp): void {
  const error = openError(filename);
  expect({ kind: error.kind, path: error.path }).toEqual({ kind, path: filename });
  expect(error.message).toContain(filename);
  expect(error.message).toMatch(words);
  expect(error.message).not.toContain('\n');
}

/**
 * Makes `path` unwritable for this process. As root, modes do not stop writes, so the
 * immutable attribute does (ext4, xfs, btrfs: `chattr +i`); false where neither works.
 */
function makeReadOnly(path: string, mode: number): boolean {
  if (process.getuid?.() !== 0) {
    chmodSync(path, mode);
    return true;
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
    immutable.push(path);
    return true;
  } catch {
    return false;
  }
}

describe('openDatabase refuses what it cannot use, naming the path, the problem and the fix', () => {
  it('a missing directory', () => {
    expectRefused(join(dir, 'no-such-dir', 'parcours.db'), 'missing-directory', /does not exist; create it/);
  });

  it('a text file', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'These are my notes, not a database.\n'.repeat(200));
    expectRefused(path, 'not-a-database', /is not a SQLite database/);
  });

  it('a truncated database, at half its size and inside its header', () => {
    const half = copyHealthy();
    truncateSync(half, Math.floor(statSync(half).size / 2));
    expectRefused(half, 'truncated', /is truncated: \d+ bytes where its header announces \d+.*backup/);
    const cut = copyHealthy();
    truncateSync(cut, 60);
    expectRefused(cut, 'truncated', /less than the 100-byte header/);
  });

  it('a database with a damaged page, which only the quick check finds', () => {
    const path = copyHealthy();
    const raw = new Database(path, { readonly: true });
    const { rootpage } = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'events'").get() as {
      rootpage: number;
    };
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    // Overwrite the root page of the events table (pages count from 1).
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(fd);
    // Without the check the damage goes unnoticed at open: what the flag trades away.
    expect(() => openDatabase({ filename: path, quickCheck: false }).close()).not.toThrow();
    expectRefused(path, 'corrupt', /is corrupt \(.*\); restore it from a backup.*\.recover/);
  });

  it('a schema newer than this version', () => {
    const path = copyHealthy();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expectRefused(
      path,
      'newer-schema',
      new RegExp(`version ${MIGRATIONS.length + 1}, newer.*upgrade Parcours`),
    );
  });

  it('a read-only file', (context) => {
    const path = copyHealthy();
    if (!makeReadOnly(path, 0o444)) context.skip('neither chmod nor chattr can make a file read-only here');
    expectRefused(path, 'read-only-file', /cannot be written.*write access/);
  });

  it('a read-only directory', (context) => {
    const sub = join(dir, `ro-dir-${++files}`);
    mkdirSync(sub);
    const path = join(sub, 'parcours.db');
    copyFileSync(healthy, path);
    if (!makeReadOnly(sub, 0o555))
      context.skip('neither chmod nor chattr can make a directory read-only here');
    expectRefused(path, 'read-only-directory', /cannot write in .*-wal.*write access to the directory/);
  });

  it('opens a healthy database and a new one', () => {
    openDatabase({ filename: copyHealthy() }).close();
    openDatabase({ filename: join(dir, 'new.db') }).close();
  });
});
