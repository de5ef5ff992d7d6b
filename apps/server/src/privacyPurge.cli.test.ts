import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-purge-cli-'));
  db = join(dir, 'cli.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

const FUNNEL = { steps: [{ name: 'home' }], windowMs: 1_000 };

describe('parcours privacy purge', () => {
  it('prints the receipt, audited, and a running store forgets the purged events at its next question', async () => {
    const server = openSqliteStore({ filename: db });
    try {
      const { projectId } = await server.createProject({ name: 'Shop' });
      const recent = Date.now() - 86_400_000;
      await server.insertEvents(projectId, [
        { id: 'old', type: 'page', name: 'home', anonymousId: 'old-device', userId: 'u', timestamp: 1_000 },
        { id: 'new', type: 'page', name: 'home', anonymousId: 'new-device', timestamp: recent },
      ]);
      expect((await server.getFunnel(projectId, FUNNEL)).steps[0]!.count).toBe(2);

      const purged = await run(['privacy', 'purge', '--project', projectId, '--db', db]);
      expect(purged.code, purged.err.join('\n')).toBe(0);
      const receipt = JSON.parse(purged.out[0]!);
      expect(receipt).toMatchObject({
        purgeId: expect.stringMatching(/^prg_/),
        tables: { events: 1, identity_links: 1, consent_records: 0 },
      });
      expect((await server.getFunnel(projectId, FUNNEL)).steps[0]!.count).toBe(1);
      const { entries } = await server.getAuditLog(projectId, { limit: 5 });
      expect(entries[0]).toMatchObject({
        action: 'privacy.purged',
        actor: { kind: 'cli' },
        target: receipt.purgeId,
        detail: { events: 1, identity_links: 1 },
      });
    } finally {
      await server.close();
    }
  }, 30_000);

  it('needs --project and names an unknown one', async () => {
    await openSqliteStore({ filename: db }).close();
    expect((await run(['privacy', 'purge', '--db', db])).code).not.toBe(0);
    const unknown = await run(['privacy', 'purge', '--project', 'prj_nope', '--db', db]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err.join('\n')).toMatch(/prj_nope/);
  });
});
