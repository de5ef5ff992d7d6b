import type Database from 'better-sqlite3';
import { findConsentEnds } from '../../retention/findConsentEnds.js';

/**
 * Purges the oldest consent-ledger records whose consent ended before a cutoff (when
 * a consent ends: `findConsentEnds`). The chain can only lose a prefix: the longest
 * run of the oldest records that may all go. An anchor (the last purged record's seq and hash) is written first, in the
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
    const ends = findConsentEnds(
      rows.map(([, receivedAt, granted, subjectDigest]) => ({ receivedAt, granted, subjectDigest })),
    );
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
