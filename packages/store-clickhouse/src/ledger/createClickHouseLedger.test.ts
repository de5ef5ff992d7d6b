import { createClient } from '@clickhouse/client';
import type { ConsentRecord } from '@parcours/schema';
import { expect, it } from 'vitest';
import { openClickHouseStore } from '../openClickHouseStore.js';
import { describeWithClickHouse } from '../testing/describeWithClickHouse.js';

const record = (id: string, anonymousId: string): ConsentRecord => ({
  id,
  timestamp: Date.UTC(2026, 5, 1),
  granted: ['analytics'],
  denied: ['marketing'],
  policyVersion: '1',
  source: 'banner',
  anonymousId,
});

describeWithClickHouse('the consent ledger on ClickHouse', (server) => {
  it('keeps one verifiable chain per process, and finds a forged record', async () => {
    const database = 'ledger_chains';
    // Two store instances on one database: two collector processes behind a balancer.
    const first = await openClickHouseStore({ url: server().url, database });
    const second = await openClickHouseStore({ url: server().url, database });
    try {
      const { projectId } = await first.createProject({ name: 'Ledger' });
      const appends = Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? first : second).insertConsentRecords(projectId, [record(`r${i}`, `d${i}`)]),
      );
      expect(await Promise.all(appends)).toEqual(appends.map(() => ({ accepted: 1, duplicates: 0 })));
      // A replay through the other process is a duplicate: ids are checked in the table.
      expect(await second.insertConsentRecords(projectId, [record('r0', 'd0')])).toEqual({
        accepted: 0,
        duplicates: 1,
      });
      expect(await first.verifyLedger(projectId)).toEqual({ ok: true, records: 12 });
      expect(await second.verifyLedger(projectId)).toEqual({ ok: true, records: 12 });
      const log = await second.getConsentLog(projectId, { limit: 20 });
      expect(log.records.map((entry) => entry.recordId).sort()).toEqual(
        Array.from({ length: 12 }, (_, i) => `r${i}`).sort(),
      );
      expect(log.records.every((entry) => entry.verified)).toBe(true);

      // Forge a record into one chain: a copy of r2 granting marketing too.
      const client = createClient({ url: server().url });
      try {
        await client.command({
          query: `INSERT INTO ${database}.consent_ledger
            SELECT project_id, seq + 1, chain, position, 'forged', timestamp, received_at,
              '["analytics","marketing"]', '[]', policy_version, config_hash, 'accept_all', source,
              locale, origin, path, gpc, anonymous_id, user_id, subject_digest, prev_hash, hash
            FROM ${database}.consent_ledger WHERE record_id = 'r2'`,
        });
      } finally {
        await client.close();
      }
      const verdict = await first.verifyLedger(projectId);
      expect(verdict).toMatchObject({ ok: false, records: 13 });
      expect(verdict.firstBroken?.recordId).toMatch(/^(forged|r2)$/);
      const forged = (await first.getConsentLog(projectId, { limit: 20 })).records.find(
        (entry) => entry.recordId === 'forged',
      );
      expect(forged?.verified).toBe(false);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
