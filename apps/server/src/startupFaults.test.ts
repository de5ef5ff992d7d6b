import { execFileSync, spawnSync } from 'node:child_process';
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
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

// Issue 13: each start-up fault, on a real broken file, gives exit code 1 and one
// line on stderr naming the path, the problem and the fix, and no stack trace.
// `parcours start` runs as the real binary (what an operator sees, stderr whole);
// the other commands go through the same opening, checked in-process on `user list`.
const BIN = fileURLToPath(new URL('../bin/parcours.js', import.meta.url));
const SPAWN_TIMEOUT = 20_000;

let dir: string;
let healthy: string;
let files = 0;
const immutable: string[] = [];
/** Where the events table's root page lies in the healthy file, read through the store's own connection. */
let eventsRoot: { page: number; pageSize: number };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-faults-'));
  healthy = join(dir, 'healthy.db');
  const store = openSqliteStore({
    filename: healthy,
    onConnection: (db) => {
      const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'events'").get() as {
        rootpage: number;
      };
      eventsRoot = { page: rootpage, pageSize: db.pragma('page_size', { simple: true }) as number };
    },
  });
  const { projectId } = await store.createProject({ name: 'Shop' });
  const events = Array.from({ length: 3_000 }, (_, i) => ({
    id: `evt-${i}`,
    type: 'page' as const,
    name: `/products/${i}`,
    anonymousId: `anon-${i % 89}`,
    timestamp: Date.UTC(2026, 2, 1) + i * 1000,
  }));
  await store.insertEvents(projectId, events);
  await store.close();
}, 30_000);
afterAll(() => {
  for (const path of immutable) execFileSync('chattr', ['-i', path]);
  rmSync(dir, { recursive: true, force: true });
});

const copyHealthy = (into = dir) => {
  const path = join(into, `copy-${++files}.db`);
  copyFileSync(healthy, path);
  return path;
};

/** Root writes through any mode: the immutable attribute stops it. False where that cannot be set. */
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

/** The broken databases, each built for real, with what the line must say. */
const FAULTS: Array<{
  fault: string;
  words: RegExp;
  make: () => string | undefined | Promise<string | undefined>;
}> = [
  {
    fault: 'a missing directory',
    words: /the directory .*no-such-dir does not exist; create it \(mkdir -p/,
    make: () => join(dir, 'no-such-dir', 'parcours.db'),
  },
  {
    fault: 'a text file',
    words: /is not a SQLite database .*give the path of a Parcours database/,
    make: () => {
      const path = join(dir, `notes-${++files}.txt`);
      writeFileSync(path, 'Meeting notes, not a database.\n'.repeat(100));
      return path;
    },
  },
  {
    fault: 'a truncated file',
    words: /is truncated: \d+ bytes where its header announces \d+.*restore it from a backup/,
    make: () => {
      const path = copyHealthy();
      truncateSync(path, Math.floor(statSync(path).size / 2));
      return path;
    },
  },
  {
    fault: 'corrupt pages',
    words: /is corrupt \(.+\); restore it from a backup, or salvage .*\.recover/,
    make: () => {
      const path = copyHealthy();
      overwriteEventsRoot(path);
      return path;
    },
  },
  {
    fault: 'a schema newer than this version',
    words: /has schema version 99, newer than this Parcours knows.*upgrade Parcours/,
    make: async () => {
      const path = copyHealthy();
      await setUserVersion(path, 99);
      return path;
    },
  },
  {
    fault: 'a read-only file',
    words: /cannot be written .*give the user running Parcours write access to it/,
    make: () => {
      const path = copyHealthy();
      return makeReadOnly(path, 0o444) ? path : undefined;
    },
  },
  {
    fault: 'a read-only directory',
    words: /cannot write in .*-wal and .*-shm beside the database; give .* write access to the directory/,
    make: () => {
      const sub = join(dir, `read-only-${++files}`);
      mkdirSync(sub);
      const path = copyHealthy(sub);
      return makeReadOnly(sub, 0o555) ? path : undefined;
    },
  },
];

/** Fills the root page of the events table with garbage: opening reads none of it, quick_check does. */
function overwriteEventsRoot(path: string): void {
  const { page, pageSize } = eventsRoot;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

/** Sets the header's schema version, as a newer Parcours would have, with SQLite's own pragma. */
async function setUserVersion(path: string, version: number): Promise<void> {
  const store = openSqliteStore({
    filename: path,
    onConnection: (db) => db.pragma(`user_version = ${version}`),
  });
  await store.close();
}

function expectOneLine(lines: string[], command: string, path: string, words: RegExp): void {
  expect(lines, `stderr was:\n${lines.join('\n')}`).toHaveLength(1);
  const [line] = lines as [string];
  expect(line.startsWith(`parcours ${command}: `)).toBe(true);
  expect(line).toContain(path);
  expect(line).toMatch(words);
  expect(line).not.toMatch(/\n|\s+at .+:\d+:\d+|Error:/);
}

describe.each(FAULTS)('a database with $fault', ({ words, make }) => {
  it('stops `parcours start` with exit code 1 and one line naming it', async (context) => {
    const path = await make();
    if (path === undefined) return context.skip('this file system cannot make a path read-only for root');
    const child = spawnSync(process.execPath, [BIN, 'start', '--port', '0', '--db', path], {
      encoding: 'utf8',
      timeout: SPAWN_TIMEOUT,
    });
    expect(child.stdout).toBe('');
    expectOneLine(child.stderr.split('\n').filter(Boolean), 'start', path, words);
    expect(child.status).toBe(1);
  });

  it('stops any other command the same way (user list)', async (context) => {
    const path = await make();
    if (path === undefined) return context.skip('this file system cannot make a path read-only for root');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['user', 'list', '--db', path], {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    // `user list` asks for an existing file first: a missing directory is "no database".
    if (!words.source.includes('no-such-dir')) expectOneLine(err, 'user list', path, words);
    else expect(err).toEqual([`parcours user list: no database ${path}`]);
    expect({ code, out }).toEqual({ code: 1, out: [] });
  });
});

describe('--skip-check', () => {
  it('opens a database whose damage only the quick check would find, and is in every help', async () => {
    const path = copyHealthy();
    overwriteEventsRoot(path);
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    expect(await runCli(['project', 'list', '--db', path], io)).toBe(1);
    out.length = 0;
    expect(await runCli(['project', 'list', '--db', path, '--skip-check'], io)).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ projects: [{ name: 'Shop' }] });
    out.length = 0;
    await runCli(['start', '--help'], io);
    expect(out.join('\n')).toMatch(/--skip-check +skip PRAGMA quick_check at start/);
  });
});
