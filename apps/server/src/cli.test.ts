import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import type { CliIo } from './commands/CliIo.js';

let dir: string;
let db: string;
let out: string[];
let err: string[];
const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-cli-'));
  db = join(dir, 'cli.db');
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function createProject(): Promise<{ projectId: string; writeKey: string; secretKey: string }> {
  expect(await runCli(['project', 'create', '--name', 'Shop', '--db', db], io)).toBe(0);
  expect(out).toHaveLength(1);
  return JSON.parse(out.pop()!);
}

describe('parcours', () => {
  it('prints help for itself and for each command', async () => {
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/start[\s\S]*project create[\s\S]*import/);
    for (const argv of [
      ['start', '--help'],
      ['project', 'create', '--help'],
      ['import', '--help'],
    ]) {
      out = [];
      expect(await runCli(argv, io)).toBe(0);
      expect(out.join('\n')).toContain(`Usage: parcours ${argv.slice(0, -1).join(' ')}`);
    }
  });

  it('rejects an unknown command or option with exit code 2', async () => {
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(err.join('\n')).toContain('unknown command "frobnicate"');
    expect(await runCli(['project', 'create', '--nme', 'x', '--db', db], io)).toBe(2);
    expect(await runCli(['project', 'create', '--db', db], io)).toBe(2);
    expect(err.join('\n')).toContain('--name is required');
  });

  it('project create prints the keys as one JSON line, and they work', async () => {
    const created = await createProject();
    expect(Object.keys(created).sort()).toEqual(['projectId', 'secretKey', 'writeKey']);
    const store = openSqliteStore({ filename: db });
    expect((await store.getProjectBySecretKey(created.secretKey))?.projectId).toBe(created.projectId);
    await store.close();
  });

  it('import loads the valid lines, reports each rejected line with its number, and counts duplicates', async () => {
    const { projectId } = await createProject();
    const t = Date.UTC(2026, 4, 1);
    const file = join(dir, 'touchpoints.ndjson');
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 's1',
          type: 'track',
          name: 'Store visit',
          anonymousId: 'card-1',
          userId: 'u1',
          timestamp: t,
          channel: 'store',
        }),
        '',
        '{not json',
        JSON.stringify({
          id: 's2',
          type: 'track',
          name: 'Support call',
          anonymousId: 'card-1',
          timestamp: 'monday',
        }),
        JSON.stringify({
          id: 's3',
          type: 'track',
          name: 'Support call',
          anonymousId: 'card-1',
          timestamp: t + 1,
          channel: 'call_centre',
        }),
      ].join('\n'),
    );
    expect(await runCli(['import', file, '--project', projectId, '--db', db], io)).toBe(1);
    expect(JSON.parse(out.pop()!)).toEqual({ imported: 2, duplicates: 0, rejected: 2 });
    expect(err).toEqual([
      `${file}:3: not valid JSON`,
      expect.stringMatching(new RegExp(`^${file}:4: timestamp: `)),
    ]);

    expect(await runCli(['import', file, '--project', projectId, '--db', db], io)).toBe(1);
    expect(JSON.parse(out.pop()!)).toEqual({ imported: 0, duplicates: 2, rejected: 2 });

    const store = openSqliteStore({ filename: db });
    const timeline = await store.getPersonTimeline(projectId, { userId: 'u1' });
    expect(timeline?.events.map((e) => e.name)).toEqual(['Store visit', 'Support call']);
    await store.close();
  });

  it('import refuses an unknown project', async () => {
    await createProject();
    const file = join(dir, 'empty.ndjson');
    writeFileSync(file, '');
    expect(await runCli(['import', file, '--project', 'prj_nope', '--db', db], io)).toBe(2);
    expect(err.join('\n')).toContain('no project prj_nope');
  });
});
