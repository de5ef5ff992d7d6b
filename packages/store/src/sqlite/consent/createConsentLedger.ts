import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CollectResult, ConsentAction, ConsentCategory, ConsentRecord } from '@parcours/schema';
import {
  checkLedgerRow,
  LEDGER_COLUMNS,
  toLedgerContent,
  type LedgerRow,
} from '../../consent/checkLedgerRow.js';
import {
  computeRecordHash,
  computeSubjectDigest,
  GENESIS_HASH,
  inferConsentAction,
  stripQuery,
} from '../../consent/ledgerHash.js';
import type {
  ConsentRequestFacts,
  LatestConsent,
  LedgerEntry,
  LedgerVerification,
} from '../../consent/types.js';

/** A published version number as records state it: a decimal string without leading zeros. */
const VERSION_NUMBER = /^[1-9]\d{0,8}$/;

/**
 * The consent ledger's writes and chain checks, by project row id (see
 * migrateConsentLedger.ts for the table). better-sqlite3 is synchronous and each
 * append runs in one transaction that reads the chain's head and inserts after it,
 * so concurrent requests cannot interleave inside a chain.
 */
export function createConsentLedger(db: Database.Database) {
  const getSecret = db.prepare(`SELECT ledger_secret FROM projects WHERE id = ?`).pluck();
  const setSecret = db.prepare(
    `UPDATE projects SET ledger_secret = ? WHERE id = ? AND ledger_secret IS NULL`,
  );
  const getHead = db
    .prepare(`SELECT hash FROM consent_records WHERE project_id = ? ORDER BY seq DESC LIMIT 1`)
    .pluck();
  const getPrevHash = db
    .prepare(`SELECT hash FROM consent_records WHERE project_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1`)
    .pluck();
  const getConfigHash = db
    .prepare(`SELECT config_hash FROM consent_configs WHERE project_id = ? AND policy_version = ?`)
    .pluck();
  const insert = db.prepare(`
    INSERT OR IGNORE INTO consent_records
      (project_id, record_id, timestamp, received_at, granted, denied, policy_version, config_hash,
       action, source, locale, origin, path, gpc, anonymous_id, user_id, subject_digest, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  `);
  // After a retention purge the chain starts from its latest anchor, not the genesis.
  const getAnchor = db
    .prepare(`SELECT hash FROM consent_ledger_anchors WHERE project_id = ? ORDER BY through_seq DESC LIMIT 1`)
    .pluck();
  const startOf = (projectRowId: number) =>
    (getAnchor.get(projectRowId) as string | undefined) ?? GENESIS_HASH;
  const walk = db.prepare(`SELECT ${LEDGER_COLUMNS} FROM consent_records WHERE project_id = ? ORDER BY seq`);
  const getLatest = db.prepare(`
    SELECT action, granted, gpc FROM consent_records
    WHERE project_id = ? AND anonymous_id = ? ORDER BY seq DESC LIMIT 1
  `);

  /** The project's ledger secret (hex), made on first use. */
  const secretOf = (projectRowId: number): string => {
    const secret = getSecret.get(projectRowId) as string | null | undefined;
    if (typeof secret === 'string') return secret;
    setSecret.run(randomBytes(32).toString('hex'), projectRowId);
    return getSecret.get(projectRowId) as string;
  };

  const toRow = (
    projectRowId: number,
    record: ConsentRecord,
    facts: ConsentRequestFacts,
    now: number,
    secret: string,
  ): Omit<LedgerRow, 'seq' | 'prev_hash' | 'hash'> => {
    const action = record.action ?? inferConsentAction(record.granted, record.denied);
    // A refusal names nobody: the ids are kept only for a grant or a withdrawal.
    const keepsIds = action === 'withdraw' || record.granted.length > 0;
    const anonymousId = keepsIds ? (record.anonymousId ?? null) : null;
    const userId = keepsIds ? (record.userId ?? null) : null;
    const published = VERSION_NUMBER.test(record.policyVersion)
      ? (getConfigHash.get(projectRowId, Number(record.policyVersion)) as string | undefined)
      : undefined;
    return {
      record_id: record.id,
      timestamp: record.timestamp,
      received_at: now,
      granted: JSON.stringify(record.granted),
      denied: JSON.stringify(record.denied),
      policy_version: record.policyVersion,
      config_hash: published ?? record.configHash ?? null,
      action,
      source: record.source,
      locale: record.locale ?? null,
      origin: facts.origin ?? null,
      path: record.path === undefined ? null : stripQuery(record.path),
      gpc: record.gpc === true || facts.gpc === true ? 1 : 0,
      anonymous_id: anonymousId,
      user_id: userId,
      subject_digest: computeSubjectDigest(secret, { anonymousId, userId }),
    };
  };

  const append = db.transaction(
    (
      projectRowId: number,
      records: ReadonlyArray<ConsentRecord>,
      facts: ConsentRequestFacts,
    ): CollectResult => {
      const now = Date.now();
      const secret = secretOf(projectRowId);
      // A ledger purged to nothing goes on from its anchor.
      let prevHash = (getHead.get(projectRowId) as string | undefined) ?? startOf(projectRowId);
      let accepted = 0;
      for (const record of records) {
        const row = toRow(projectRowId, record, facts, now, secret);
        const hash = computeRecordHash(prevHash, toLedgerContent(row));
        const { changes } = insert.run(
          projectRowId,
          row.record_id,
          row.timestamp,
          row.received_at,
          row.granted,
          row.denied,
          row.policy_version,
          row.config_hash,
          row.action,
          row.source,
          row.locale,
          row.origin,
          row.path,
          row.gpc,
          row.anonymous_id,
          row.user_id,
          row.subject_digest,
          prevHash,
          hash,
        );
        // A duplicate id is not appended: the head stays where it was.
        if (changes === 1) {
          accepted++;
          prevHash = hash;
        }
      }
      return { accepted, duplicates: records.length - accepted };
    },
  );

  return {
    // IMMEDIATE: the write lock is taken before the head is read, so another process
    // writing the same file (the CLI) waits instead of failing on a stale head.
    append: (projectRowId: number, records: ReadonlyArray<ConsentRecord>, facts: ConsentRequestFacts) =>
      append.immediate(projectRowId, records, facts),
    getLatest(projectRowId: number, anonymousId: string): LatestConsent | undefined {
      const row = getLatest.get(projectRowId, anonymousId) as
        { action: ConsentAction; granted: string; gpc: number } | undefined;
      if (row === undefined) return undefined;
      return {
        action: row.action,
        granted: JSON.parse(row.granted) as ConsentCategory[],
        gpc: row.gpc === 1,
      };
    },
    verify(projectRowId: number): LedgerVerification {
      const secret = secretOf(projectRowId);
      let prevHash = startOf(projectRowId);
      let records = 0;
      let firstBroken: LedgerVerification['firstBroken'];
      for (const row of walk.iterate(projectRowId) as Iterable<LedgerRow>) {
        records++;
        if (firstBroken === undefined) {
          const reason = checkLedgerRow(row, prevHash, secret);
          if (reason !== undefined) firstBroken = { seq: row.seq, recordId: row.record_id, reason };
        }
        prevHash = row.hash;
      }
      return firstBroken === undefined ? { ok: true, records } : { ok: false, records, firstBroken };
    },
    /** Ledger rows as the privacy officer reads them, each with whether its link checks. */
    toEntries(projectRowId: number, rows: LedgerRow[]): LedgerEntry[] {
      const secret = secretOf(projectRowId);
      return rows.map((row) => {
        const prevHash =
          (getPrevHash.get(projectRowId, row.seq) as string | undefined) ?? startOf(projectRowId);
        return toLedgerEntry(row, checkLedgerRow(row, prevHash, secret) === undefined);
      });
    },
  };
}

function parseList(text: string): ConsentCategory[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as ConsentCategory[]) : [];
  } catch {
    return [];
  }
}

function toLedgerEntry(row: LedgerRow, verified: boolean): LedgerEntry {
  return {
    seq: row.seq,
    recordId: row.record_id,
    timestamp: row.timestamp,
    receivedAt: row.received_at,
    action: row.action as ConsentAction,
    source: row.source,
    granted: parseList(row.granted),
    denied: parseList(row.denied),
    policyVersion: row.policy_version,
    configHash: row.config_hash,
    locale: row.locale,
    origin: row.origin,
    path: row.path,
    gpc: row.gpc === 1,
    anonymousId: row.anonymous_id,
    userId: row.user_id,
    verified,
  };
}
