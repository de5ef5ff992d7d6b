import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ConsentRecord } from '@parcours/schema';
import {
  openSqliteStore,
  subtractCalendarMonths,
  type PersonExport,
  type PersonRef,
  type PrivacySubjectRef,
  type Store,
  type StoredEvent,
} from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openClickHouseStore } from './openClickHouseStore.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';
import { batchesArbitrary, DEVICES, maybe, STEP_MS, T0, USERS } from './testing/journeyWorld.js';
import { getDataParent } from './testing/startClickHouse.js';

/**
 * The same random events, consent records and data-subject requests, given to a
 * SQLite store and to a ClickHouse store, give the same privacy answers: the export
 * of every person (their rows in every person table), the receipts of an erasure, a
 * device erasure (a full or partial withdrawal) and a retention purge, and the same
 * answers afterwards (events counted, timelines, persons, exports, requests, the
 * ledger still verifying).
 */

/** Columns that are each engine's own: arrival numbers and times, random ids, per-project secrets' digests. */
const ENGINE_OWN = new Set([
  'seq',
  'received_at',
  'created_at',
  'updated_at',
  'id',
  'public_id',
  'chain',
  'position',
  'subject_digest',
  'prev_hash',
  'hash',
]);

function comparable(exported: PersonExport | undefined) {
  if (exported === undefined) return undefined;
  const tables = Object.fromEntries(
    Object.entries(exported.tables).map(([table, rows]) => [
      table,
      rows.map((row) =>
        Object.fromEntries(Object.entries(row).filter(([column]) => !ENGINE_OWN.has(column))),
      ),
    ]),
  );
  return { person: exported.person, tables };
}

/** A device only the ledger knows (a visitor who granted, then sent nothing). */
const LEDGER_ONLY = 'ledger-only';

const consentArbitrary = fc.array(
  fc.record({
    device: fc.constantFrom(...DEVICES, LEDGER_ONLY),
    user: maybe(fc.constantFrom(...USERS), 30),
    choice: fc.constantFrom('grant', 'refuse', 'withdraw', 'marketing'),
  }),
  { maxLength: 8 },
);

function toConsentRecords(drawn: Array<{ device: string; user: string | null; choice: string }>) {
  return drawn.map((r, i): ConsentRecord => {
    const granted =
      r.choice === 'grant'
        ? ['analytics' as const]
        : r.choice === 'marketing'
          ? ['analytics' as const, 'marketing' as const]
          : [];
    const record: ConsentRecord = {
      id: `c${i}`,
      timestamp: T0 + i * STEP_MS,
      granted,
      denied: granted.length === 0 ? ['analytics', 'marketing'] : [],
      policyVersion: '1',
      source: 'banner',
      anonymousId: r.device,
      ...(r.choice === 'withdraw' ? { action: 'withdraw' as const } : {}),
    };
    if (r.user !== null) record.userId = r.user;
    return record;
  });
}

/** What is asked of both stores after loading them. */
const operationArbitrary = fc.oneof(
  fc
    .constantFrom<PrivacySubjectRef>(
      ...USERS.map((userId) => ({ userId })),
      ...DEVICES.map((anonymousId) => ({ anonymousId })),
      { anonymousId: LEDGER_ONLY },
      { userId: 'nobody' },
    )
    .map((ref) => ({ kind: 'erasePerson' as const, ref })),
  fc
    .record({
      device: fc.constantFrom(...DEVICES),
      categories: maybe(fc.subarray(['analytics', 'marketing'], { minLength: 1 }), 75),
    })
    .map((drawn) => ({ kind: 'eraseDevice' as const, ...drawn })),
  fc.integer({ min: 0, max: 16 }).map((t) => ({ kind: 'purge' as const, t })),
);

const REFS: PersonRef[] = [
  ...USERS.map((userId) => ({ userId })),
  ...DEVICES.map((anonymousId) => ({ anonymousId })),
];
const SUBJECTS: PrivacySubjectRef[] = [...REFS, { anonymousId: LEDGER_ONLY }] as PrivacySubjectRef[];

describeWithClickHouse('ClickHouse privacy against the SQLite engine', (server) => {
  let clickhouse: Store;
  const folder = mkdtempSync(join(getDataParent(), 'parcours-privacy-equivalence-'));
  let run = 0;
  beforeAll(async () => {
    clickhouse = await openClickHouseStore({ url: server().url, database: 'privacy' });
  });
  afterAll(async () => {
    await clickhouse?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Both stores, loaded alike; `ask` answers for each. */
  async function compare<T>(
    load: { batches: StoredEvent[][]; consent: ConsentRecord[] },
    ask: (store: Store, projectId: string) => Promise<T>,
  ): Promise<{ sqlite: T; clickhouse: T }> {
    const sqlite = openSqliteStore({ filename: join(folder, `${++run}.db`), journeyEngine: 'inline' });
    try {
      const stores = [sqlite, clickhouse];
      const answers: T[] = [];
      for (const store of stores) {
        const { projectId } = await store.createProject({ name: `run ${run}` });
        for (const batch of load.batches) await store.insertEvents(projectId, batch);
        await store.insertConsentRecords(projectId, load.consent);
        await store.createPrivacyRequest(projectId, {
          kind: 'erasure',
          receivedOn: '2026-01-02',
          requesterName: 'Gina',
          requesterEmail: 'gina@example.test',
          userId: 'u1',
          anonymousIds: ['d2'],
        });
        answers.push(await ask(store, projectId));
      }
      return { sqlite: answers[0]!, clickhouse: answers[1]! };
    } finally {
      await sqlite.close();
    }
  }

  it('exports every person alike, before and after an erasure, a withdrawal or a purge, with the same receipts', async () => {
    const seen = { erased: 0, partial: 0, purged: 0 };
    await fc.assert(
      fc.asyncProperty(
        batchesArbitrary,
        consentArbitrary,
        operationArbitrary,
        async (batches, drawn, operation) => {
          const consent = toConsentRecords(drawn);
          const answers = await compare({ batches, consent }, async (store, projectId) => {
            const exports = async () =>
              Promise.all(SUBJECTS.map(async (ref) => comparable(await store.exportPerson(projectId, ref))));
            const before = await exports();
            let receipt: unknown;
            if (operation.kind === 'erasePerson') {
              receipt = (await store.erasePerson(projectId, operation.ref)).tables;
            } else if (operation.kind === 'eraseDevice') {
              receipt = (
                await store.eraseDevice(projectId, operation.device, {
                  ...(operation.categories === null ? {} : { categories: operation.categories }),
                })
              ).tables;
            } else {
              // A month after a time of the world: the purge cuts through its events; the
              // ledger's records, received now, are all younger than a year.
              await store.setRetention(projectId, { eventsMonths: 1 });
              const now = subtractCalendarMonths(T0 + operation.t * STEP_MS, -1);
              const purged = await store.purge(projectId, now);
              receipt = purged.tables;
            }
            const requests = (await store.listPrivacyRequests(projectId)).map(
              ({ requestId: _, createdAt: __, updatedAt: ___, ...request }) => request,
            );
            return {
              before,
              receipt,
              after: await exports(),
              events: await store.countEvents(projectId),
              timelines: await Promise.all(REFS.map((ref) => store.getPersonTimeline(projectId, ref))),
              persons: await store.getPersons(projectId, { limit: 100 }),
              requests,
              ledger: await store.verifyLedger(projectId),
            };
          });
          expect(answers.clickhouse).toEqual(answers.sqlite);
          expect(answers.sqlite.ledger.ok).toBe(true);
          const receipt = answers.sqlite.receipt as Record<string, number>;
          if (operation.kind === 'erasePerson' && receipt['events']! > 0) seen.erased++;
          if (operation.kind === 'eraseDevice' && operation.categories !== null && receipt['events']! > 0)
            seen.partial++;
          if (operation.kind === 'purge' && receipt['events']! > 0) seen.purged++;
        },
      ),
      { numRuns: 40 },
    );
    // Each kind of removal really removed something in some runs.
    expect(seen.erased).toBeGreaterThan(3);
    expect(seen.partial).toBeGreaterThan(2);
    expect(seen.purged).toBeGreaterThan(3);
  }, 300_000);

  it('purges the same ledger records, anchored so that the rest still verifies', async () => {
    const consent = toConsentRecords([
      { device: 'd0', user: null, choice: 'refuse' },
      { device: 'd1', user: null, choice: 'grant' },
      // Replaced by the next record of the same device: its consent ended then.
      { device: 'd1', user: null, choice: 'withdraw' },
      { device: 'd2', user: null, choice: 'grant' },
      { device: 'd3', user: null, choice: 'refuse' },
    ]);
    // A year and a day from now: the consents that ended now are past the proof period.
    const now = Date.now() + 367 * 86_400_000;
    const answers = await compare({ batches: [], consent }, async (store, projectId) => {
      await store.setRetention(projectId, { ledgerProofYears: 1 });
      const purged = await store.purge(projectId, now);
      const records = await store.getConsentRecords(projectId, { limit: 10 });
      const log = await store.getConsentLog(projectId, { limit: 10 });
      return {
        tables: purged.tables,
        left: records.records.map((record) => record.id),
        verified: log.records.map((entry) => entry.verified),
        ledger: await store.verifyLedger(projectId),
      };
    });
    expect(answers.clickhouse).toEqual(answers.sqlite);
    // The refusal and the replaced grant go; the grant still running stops the prefix.
    expect(answers.sqlite).toMatchObject({
      tables: { consent_records: 3 },
      left: ['c4', 'c3'],
      verified: [true, true],
      ledger: { ok: true, records: 2 },
    });
  });
});
