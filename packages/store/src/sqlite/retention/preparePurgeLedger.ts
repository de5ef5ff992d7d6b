import type Database from 'better-sqlite3';
import { CONSENT_LIFETIME_MONTHS } from '../../retention/types.js';
import { subtractCalendarMonths } from '../../retention/subtractCalendarMonths.js';

/**
 * Purges the oldest consent-ledger records whose consent ended before a cutoff.
 *
 * A record's consent ends at the next record of the same person (same subject digest:
 * it replaces it), or, with none, `CONSENT_LIFETIME_MONTHS` after it (the SDK then asks
 * again under a new id); a record granting nothing (a refusal, a full withdrawal) ends
 * at once. The chain can only lose a prefix: the longest run of the oldest records that
 * may all go. An anchor (the last purged record's seq and hash) is written first, in the
 * same transaction; the ledger's delete trigger allows deleting at or before it only,
 * and `verify` starts from its hash. A record that could go but follows one that cannot
 * waits: at most `CONSENT_LIFETIME_MONTHS` longer than needed.
 */
export function preparePurgeLedger(db: Database.Database) {
  const chain = db
    .prepare(
      `SELECT seq, received_at, granted, subject_digest, hash FROM consent_records
       WHERE project_id = ? ORDER BY seq`,
    )
    .raw();
  const insertAnchor = db.prepare(
    `INSERT INTO consent_ledger_anchors (project_id, through_seq, hash, records, purged_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const deletePrefix = db.prepare(`DELETE FROM consent_records WHERE project_id = ? AND seq <= ?`);

  const purge = db.transaction((projectRowId: number, cutoff: number, now: number): number => {
    // The chain's oldest records up to the first received from the cutoff on, which can
    // neither go nor end an earlier one before the cutoff: a true prefix, even if clocks
    // disagreed (a later successor ignored only keeps a record longer).
    const rows: Array<[number, number, string, string | null, string]> = [];
    for (const row of chain.iterate(projectRowId) as Iterable<(typeof rows)[number]>) {
      if (row[1] >= cutoff) break;
      rows.push(row);
    }
    const ends = rows.map(([, receivedAt, granted]) =>
      granted === '[]' ? receivedAt : subtractCalendarMonths(receivedAt, -CONSENT_LIFETIME_MONTHS),
    );
    // Walking back, each record's successor of the same person is the last one seen.
    const nextReceivedAt = new Map<string, number>();
    for (let i = rows.length - 1; i >= 0; i--) {
      const [, receivedAt, , digest] = rows[i]!;
      if (digest === null) continue;
      const next = nextReceivedAt.get(digest);
      if (next !== undefined) ends[i] = Math.min(ends[i]!, next);
      nextReceivedAt.set(digest, receivedAt);
    }
    let count = 0;
    while (count < rows.length && ends[count]! < cutoff) count++;
    if (count === 0) return 0;
    const [throughSeq, , , , hash] = rows[count - 1]!;
    insertAnchor.run(projectRowId, throughSeq, hash, count, now);
    return deletePrefix.run(projectRowId, throughSeq).changes;
  });

  return {
    /** Records purged. */
    purge: (projectRowId: number, cutoff: number, now: number) => purge.immediate(projectRowId, cutoff, now),
  };
}
