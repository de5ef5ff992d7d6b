import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsentRecord } from '@parcours/schema';
import { openSqliteStore, type SqliteStoreOptions } from '@parcours/store';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

// `parcours privacy verify` on a real SQLite file whose ledger was tampered with by
// hand (through the store's connection hook: this package may not import the driver).
type Connection = Parameters<NonNullable<SqliteStoreOptions['onConnection']>>[0];

const dir = mkdtempSync(join(tmpdir(), 'parcours-privacy-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const record = (id: string): ConsentRecord => ({
  id,
  timestamp: 1_780_000_000_000,
  granted: ['analytics'],
  denied: ['marketing'],
  policyVersion: '1',
  source: 'banner',
  anonymousId: 'device',
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

/** A file with records r1…r4, then `tamper` run on a raw connection with the store closed after. */
async function ledgerFile(tamper?: (db: Connection) => void) {
  const db = join(dir, `ledger-${++files}.db`);
  let connection!: Connection;
  const store = openSqliteStore({
    filename: db,
    journeyEngine: 'inline',
    onConnection: (c) => (connection = c),
  });
  const { projectId } = await store.createProject({ name: 'Shop' });
  await store.insertConsentRecords(projectId, ['r1', 'r2', 'r3', 'r4'].map(record));
  tamper?.(connection);
  await store.close();
  return { db, projectId };
}

describe('parcours privacy verify', () => {
  it('prints {"ok":true,"records":4} and exits 0 on an untouched ledger', async () => {
    const { db, projectId } = await ledgerFile();
    const result = await run(['privacy', 'verify', '--project', projectId, '--db', db]);
    expect(result.code).toBe(0);
    expect(result.out.map((line) => JSON.parse(line) as unknown)).toEqual([{ ok: true, records: 4 }]);
  });

  it('names the record changed behind the trigger, and exits 1', async () => {
    const { db, projectId } = await ledgerFile((c) => {
      c.exec(`DROP TRIGGER consent_records_no_update`);
      c.prepare(`UPDATE consent_records SET denied = '[]' WHERE record_id = 'r2'`).run();
    });
    const result = await run(['privacy', 'verify', '--project', projectId, '--db', db]);
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.out[0]!) as { ok: boolean; records: number; firstBroken: object };
    expect(printed).toMatchObject({ ok: false, records: 4, firstBroken: { recordId: 'r2' } });
  });

  it('names the record after a deleted one, and exits 1', async () => {
    const { db, projectId } = await ledgerFile((c) => {
      c.exec(`DROP TRIGGER consent_records_no_delete`);
      c.prepare(`DELETE FROM consent_records WHERE record_id = 'r3'`).run();
    });
    const result = await run(['privacy', 'verify', '--project', projectId, '--db', db]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out[0]!)).toMatchObject({
      ok: false,
      records: 3,
      firstBroken: { recordId: 'r4' },
    });
  });

  it('is a usage error without --project, and exit 1 for an unknown project', async () => {
    const { db } = await ledgerFile();
    expect((await run(['privacy', 'verify', '--db', db])).code).toBe(2);
    const unknown = await run(['privacy', 'verify', '--project', 'prj_nope', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.err.join('\n')).toMatch(/prj_nope/);
  });
});
