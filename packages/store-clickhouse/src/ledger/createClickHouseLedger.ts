import { randomBytes } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import type { ConsentCategory, ConsentRecord } from '@parcours/schema';
import {
  decodePageCursor,
  encodePageCursor,
  parseSeqPosition,
  GENESIS_HASH,
  InvalidCursorError,
  checkLedgerRow,
  computeRecordHash,
  computeSubjectDigest,
  createKey,
  inferConsentAction,
  stripQuery,
  summariseConsentDecisions,
  toLedgerContent,
  type LedgerEntry,
  type LedgerRow,
  type Store,
} from '@parcours/store';
import { quoteDatabaseName, quoteInteger, quoteString } from '../sqlLiteral.js';
import type { Records } from '../state/createRecords.js';
import { nextVersion } from '../state/nextVersion.js';
import { getLedgerAnchors, startOfChain } from './ledgerAnchors.js';
import { CHAINED_COLUMNS, readLedgerRows, type ChainedLedgerRow } from './readLedgerRows.js';

/** A published version number as records state it: a decimal string without leading zeros. */
const VERSION_NUMBER = /^[1-9]\d{0,8}$/;
/** Record ids per `IN (…)` look-up, as for events. */
const LOOKUP_CHUNK = 1_000;

type LedgerMethods = Pick<
  Store,
  | 'insertConsentRecords'
  | 'getConsentRecords'
  | 'getLatestConsent'
  | 'verifyLedger'
  | 'getConsentLog'
  | 'getConsentStats'
>;

const encodeCursor = (seq: number) => Buffer.from(`c${seq}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const seq = /^c([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString())?.[1];
  if (seq === undefined || encodeCursor(Number(seq)) !== cursor) {
    throw new InvalidCursorError('cursor is not one this consent log handed out: start again without it');
  }
  return Number(seq);
}

const parseList = (text: string): ConsentCategory[] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as ConsentCategory[]) : [];
  } catch {
    return [];
  }
};

const toEntry = (row: LedgerRow, verified: boolean): LedgerEntry => ({
  seq: row.seq,
  recordId: row.record_id,
  timestamp: row.timestamp,
  receivedAt: row.received_at,
  action: row.action as LedgerEntry['action'],
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
});

/**
 * The consent ledger on ClickHouse, with the same hashes, digests and checks as SQLite
 * (`@parcours/store`'s `computeRecordHash`, `checkLedgerRow`): one chain per store
 * instance and project (see `createLedgerTable`), appended one batch at a time within
 * the process; every chain verifies on its own from the genesis hash. A record id is
 * looked up before appending (a replay is a duplicate); two processes racing on one
 * replay may both append it, in their own chains (both copies verify). The project's
 * ledger secret (the key of the person digests) is a shared record made with the project.
 * A purge (`purgeLedger`) removes a prefix of each chain and anchors it: verification
 * starts each chain after its anchor, from the anchor's hash.
 */
export function createClickHouseLedger(
  client: ClickHouseClient,
  database: string,
  records: Records,
  getConfigHash: (projectId: string, policyVersion: number) => Promise<string | undefined>,
): LedgerMethods {
  const db = quoteDatabaseName(database);
  const chain = createKey('chn', 9);
  const heads = new Map<string, { position: number; hash: string }>();
  const queues = new Map<string, Promise<unknown>>();
  const P = (projectId: string) => `project_id = ${quoteString(projectId)}`;

  const secretOf = async (projectId: string): Promise<string> => {
    const found = await records.get<{ secret: string }>('ledger_secret', projectId);
    if (found !== undefined) return found.secret;
    const secret = randomBytes(32).toString('hex');
    await records.put('ledger_secret', projectId, { secret });
    return secret;
  };
  const knownIds = async (projectId: string, ids: string[]): Promise<Set<string>> => {
    const known = new Set<string>();
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const chunk = ids.slice(i, i + LOOKUP_CHUNK);
      const result = await client.query({
        query: `SELECT DISTINCT record_id FROM ${db}.consent_ledger
          WHERE ${P(projectId)} AND record_id IN (${chunk.map(quoteString).join(',')})`,
        format: 'JSONEachRow',
      });
      for (const row of await result.json<{ record_id: string }>()) known.add(row.record_id);
    }
    return known;
  };
  const append: LedgerMethods['insertConsentRecords'] = async (projectId, batch, facts = {}) => {
    const fresh = new Map<string, ConsentRecord>();
    for (const record of batch) if (!fresh.has(record.id)) fresh.set(record.id, record);
    for (const id of await knownIds(projectId, [...fresh.keys()])) fresh.delete(id);
    const secret = await secretOf(projectId);
    const head = heads.get(projectId) ?? { position: 0, hash: GENESIS_HASH };
    let { position, hash: prevHash } = head;
    const now = Date.now();
    const rows: Array<Record<string, unknown>> = [];
    for (const record of fresh.values()) {
      const action = record.action ?? inferConsentAction(record.granted, record.denied);
      // A refusal names nobody: the ids are kept only for a grant or a withdrawal.
      const keepsIds = action === 'withdraw' || record.granted.length > 0;
      const anonymousId = keepsIds ? (record.anonymousId ?? null) : null;
      const userId = keepsIds ? (record.userId ?? null) : null;
      const published = VERSION_NUMBER.test(record.policyVersion)
        ? await getConfigHash(projectId, Number(record.policyVersion))
        : undefined;
      const row = {
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
      const hash = computeRecordHash(prevHash, toLedgerContent(row));
      rows.push({
        ...row,
        project_id: projectId,
        seq: nextVersion(),
        chain,
        position: ++position,
        prev_hash: prevHash,
        hash,
      });
      prevHash = hash;
    }
    if (rows.length > 0) {
      // One insert, one part: the whole batch lands or none of it, and the head moves after.
      await client.insert({ table: `${db}.consent_ledger`, format: 'JSONEachRow', values: rows });
      heads.set(projectId, { position, hash: prevHash });
    }
    return { accepted: rows.length, duplicates: batch.length - rows.length };
  };

  const hasRecord = async (projectId: string, seq: number): Promise<boolean> => {
    const result = await client.query({
      query: `SELECT count() AS n FROM ${db}.consent_ledger WHERE ${P(projectId)} AND seq = ${quoteInteger(seq)}`,
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ n: string }>();
    return Number(row!.n) > 0;
  };

  /** Each row's link check, from the hash of the row before it in its chain. */
  const verifyRows = async (projectId: string, rows: ChainedLedgerRow[]): Promise<boolean[]> => {
    if (rows.length === 0) return [];
    const secret = await secretOf(projectId);
    const chains = [...new Set(rows.map((row) => row.chain))].map(quoteString).join(',');
    const positions = [...new Set(rows.map((row) => row.position - 1))].map(quoteInteger).join(',');
    const before = await readLedgerRows(
      client,
      `SELECT ${CHAINED_COLUMNS} FROM ${db}.consent_ledger
        WHERE ${P(projectId)} AND chain IN (${chains}) AND position IN (${positions})`,
    );
    const hashOf = new Map(before.map((row) => [`${row.chain}/${row.position}`, row.hash]));
    const anchors = await getLedgerAnchors(records, projectId);
    return rows.map((row) => {
      const start = startOfChain(anchors, row.chain);
      const prev =
        row.position === start.position ? start.prevHash : hashOf.get(`${row.chain}/${row.position - 1}`);
      return prev !== undefined && checkLedgerRow(row, prev, secret) === undefined;
    });
  };

  return {
    insertConsentRecords(projectId, batch, facts) {
      // One append at a time per project in this process: the chain's head is ours.
      const run = (queues.get(projectId) ?? Promise.resolve()).then(() => append(projectId, batch, facts));
      queues.set(
        projectId,
        run.catch(() => undefined),
      );
      return run;
    },
    async getConsentRecords(projectId, { limit, cursor: given }) {
      // Opaque to callers, as on every engine: `c1.` and the record's sequence number.
      const cursor = given === undefined ? undefined : parseSeqPosition(decodePageCursor('c1', given));
      if (given !== undefined && (cursor === undefined || !(await hasRecord(projectId, cursor)))) {
        throw new InvalidCursorError(
          `cursor: not a nextCursor of this project's consent records: start again without one`,
        );
      }
      const rows = await readLedgerRows(
        client,
        `SELECT ${CHAINED_COLUMNS} FROM ${db}.consent_ledger
          WHERE ${P(projectId)} AND seq < ${quoteInteger(cursor ?? Number.MAX_SAFE_INTEGER)}
          ORDER BY seq DESC LIMIT ${quoteInteger(limit + 1)}`,
      );
      const page = rows.slice(0, limit).map((row) => {
        const record: ConsentRecord & { receivedAt: number } = {
          id: row.record_id,
          timestamp: row.timestamp,
          granted: parseList(row.granted),
          denied: parseList(row.denied),
          policyVersion: row.policy_version,
          source: row.source,
          receivedAt: row.received_at,
        };
        if (row.anonymous_id !== null) record.anonymousId = row.anonymous_id;
        if (row.user_id !== null) record.userId = row.user_id;
        return record;
      });
      return {
        records: page,
        nextCursor: rows.length > limit ? encodePageCursor('c1', String(rows[limit - 1]!.seq)) : null,
      };
    },
    async getLatestConsent(projectId, anonymousId) {
      const [row] = await readLedgerRows(
        client,
        `SELECT ${CHAINED_COLUMNS} FROM ${db}.consent_ledger
          WHERE ${P(projectId)} AND anonymous_id = ${quoteString(anonymousId)} ORDER BY seq DESC LIMIT 1`,
      );
      return (
        row && {
          action: row.action as LedgerEntry['action'],
          granted: parseList(row.granted),
          gpc: row.gpc === 1,
        }
      );
    },
    async verifyLedger(projectId) {
      const secret = await secretOf(projectId);
      const rows = await readLedgerRows(
        client,
        `SELECT ${CHAINED_COLUMNS} FROM ${db}.consent_ledger WHERE ${P(projectId)} ORDER BY chain, position`,
      );
      const anchors = await getLedgerAnchors(records, projectId);
      let firstBroken: { seq: number; recordId: string; reason: string } | undefined;
      let previous: ChainedLedgerRow | undefined;
      let kept = 0;
      for (const row of rows) {
        // Each chain starts after its purged prefix (records still there are being deleted).
        const start = startOfChain(anchors, row.chain);
        if (row.position < start.position) continue;
        kept++;
        const sameChain = previous?.chain === row.chain;
        const expected = sameChain ? previous!.hash : start.prevHash;
        const reason =
          row.position !== (sameChain ? previous!.position + 1 : start.position)
            ? 'a record is missing before this one in its chain'
            : checkLedgerRow(row, expected, secret);
        // The earliest broken record, whichever chain holds it.
        if (reason !== undefined && (firstBroken === undefined || row.seq < firstBroken.seq)) {
          firstBroken = { seq: row.seq, recordId: row.record_id, reason };
        }
        previous = row;
      }
      return firstBroken === undefined
        ? { ok: true, records: kept }
        : { ok: false, records: kept, firstBroken };
    },
    async getConsentLog(projectId, query) {
      const before = query.cursor === undefined ? Number.MAX_SAFE_INTEGER : decodeCursor(query.cursor);
      if (query.cursor !== undefined && !(await hasRecord(projectId, before))) {
        throw new InvalidCursorError(
          'cursor names no consent record of this project: start again without it',
        );
      }
      const filters = [
        `seq < ${quoteInteger(before)}`,
        query.search === undefined
          ? ''
          : `(anonymous_id = ${quoteString(query.search)} OR user_id = ${quoteString(query.search)})`,
        query.from === undefined ? '' : `received_at >= ${quoteInteger(query.from)}`,
        query.to === undefined ? '' : `received_at < ${quoteInteger(query.to)}`,
        query.action === undefined ? '' : `action = ${quoteString(query.action)}`,
        query.policyVersion === undefined
          ? ''
          : `policy_version = ${quoteString(String(query.policyVersion))}`,
      ].filter(Boolean);
      const rows = await readLedgerRows(
        client,
        `SELECT ${CHAINED_COLUMNS} FROM ${db}.consent_ledger
          WHERE ${P(projectId)} AND ${filters.join(' AND ')}
          ORDER BY seq DESC LIMIT ${quoteInteger(query.limit + 1)}`,
      );
      const page = rows.slice(0, query.limit);
      const verified = await verifyRows(projectId, page);
      return {
        records: page.map((row, i) => toEntry(row, verified[i]!)),
        nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.seq) : null,
      };
    },
    async getConsentStats(projectId, range) {
      const rows = await readLedgerRows(
        client,
        `SELECT ${CHAINED_COLUMNS} FROM ${db}.consent_ledger
          WHERE ${P(projectId)} AND received_at >= ${quoteInteger(range.from)} AND received_at < ${quoteInteger(range.to)}
          ORDER BY seq`,
      );
      return summariseConsentDecisions(
        rows.map((row) => ({
          receivedAt: row.received_at,
          policyVersion: row.policy_version,
          locale: row.locale,
          action: row.action,
          gpc: row.gpc === 1,
        })),
        range.timeZone,
      );
    },
  };
}
