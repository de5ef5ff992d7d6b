import type { ClickHouseClient } from '@clickhouse/client';
import { findConsentEnds } from '@parcours/store';
import { queryRows } from '../queryRows.js';
import { quoteDatabaseName, quoteInteger, quoteString } from '../sqlLiteral.js';
import type { Records } from '../state/createRecords.js';
import { getLedgerAnchors, putLedgerAnchors, startOfChain, type LedgerAnchor } from './ledgerAnchors.js';

interface CandidateRow {
  seq: string;
  chain: string;
  position: string;
  received_at: string;
  granted: string;
  subject_digest: string | null;
  hash: string;
}

/**
 * Purges the oldest consent-ledger records whose consent ended before `cutoff`, as
 * the SQLite engine does for its one chain, on each chain of the project: when a
 * consent ends is `findConsentEnds` over the records received before the cutoff (a
 * successor in any chain counts: it is the same person's), and each chain loses only
 * a prefix, the longest run from its start (after its anchor) of records that may all
 * go. An anchor per chain (the last purged record's position and hash) is written
 * first, so that `verifyLedger` starts each chain there; then an `ALTER … DELETE`
 * mutation removes the prefixes (the caller waits for it). Only the candidates' ages,
 * chains and hashes leave ClickHouse, never their ids. Answers the records purged.
 */
export async function purgeLedger(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  options: { records: Records; cutoff: number; now: number },
): Promise<number> {
  const db = quoteDatabaseName(target.database);
  const project = `project_id = ${quoteString(target.projectId)}`;
  const candidates = await queryRows<CandidateRow>(
    client,
    `SELECT seq, chain, position, received_at, granted, subject_digest, hash FROM ${db}.consent_ledger
     WHERE ${project} AND received_at < ${quoteInteger(options.cutoff)}
     ORDER BY seq`,
  );
  const anchors = await getLedgerAnchors(options.records, target.projectId);
  // Records at or before an anchor are purged already (their deletion may still be running).
  const rows = candidates
    .map((row) => ({ ...row, position: Number(row.position), receivedAt: Number(row.received_at) }))
    .filter((row) => row.position >= startOfChain(anchors, row.chain).position);
  const ends = findConsentEnds(
    rows.map((row) => ({
      receivedAt: row.receivedAt,
      granted: row.granted,
      subjectDigest: row.subject_digest,
    })),
  );
  const byChain = new Map<string, Array<{ position: number; hash: string; end: number }>>();
  rows.forEach((row, i) => {
    const chain = byChain.get(row.chain) ?? [];
    chain.push({ position: row.position, hash: row.hash, end: ends[i]! });
    byChain.set(row.chain, chain);
  });
  const purged: LedgerAnchor[] = [];
  for (const [chain, chainRows] of byChain) {
    chainRows.sort((a, b) => a.position - b.position);
    let next = startOfChain(anchors, chain).position;
    let count = 0;
    // A prefix: positions without a gap from the chain's start, each consent ended.
    while (
      count < chainRows.length &&
      chainRows[count]!.position === next &&
      chainRows[count]!.end < options.cutoff
    ) {
      count++;
      next++;
    }
    if (count === 0) continue;
    const last = chainRows[count - 1]!;
    purged.push({
      chain,
      throughPosition: last.position,
      hash: last.hash,
      records: count,
      purgedAt: options.now,
    });
  }
  if (purged.length === 0) return 0;
  await putLedgerAnchors(options.records, target.projectId, purged);
  const prefixes = purged.map(
    (anchor) =>
      `(chain = ${quoteString(anchor.chain)} AND position <= ${quoteInteger(anchor.throughPosition)})`,
  );
  await client.command({
    query: `ALTER TABLE ${db}.consent_ledger DELETE WHERE ${project} AND (${prefixes.join(' OR ')})`,
  });
  return purged.reduce((sum, anchor) => sum + anchor.records, 0);
}
