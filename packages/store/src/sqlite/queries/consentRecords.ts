import type Database from 'better-sqlite3';
import type { ConsentCategory, ConsentRecord } from '@parcours/schema';

interface ConsentRow {
  seq: number;
  record_id: string;
  timestamp: number;
  granted: string;
  denied: string;
  policy_version: string;
  source: string;
  anonymous_id: string | null;
  user_id: string | null;
  received_at: number;
}

/** A stored consent record, with when the collector received it. */
export interface StoredConsentRecord extends ConsentRecord {
  receivedAt: number;
}

/** True when the project has a consent record with this `seq`: a cursor it handed out. */
export function prepareHasConsentRecord(db: Database.Database) {
  const statement = db.prepare(`SELECT 1 FROM consent_records WHERE project_id = ? AND seq = ?`).pluck();
  return (projectRowId: number, seq: number): boolean => statement.get(projectRowId, seq) !== undefined;
}

/** The newest records first, a page at a time (cursor: the last `seq` seen). */
export function prepareGetConsentRecords(db: Database.Database) {
  const statement = db.prepare(`
    SELECT seq, record_id, timestamp, granted, denied, policy_version, source, anonymous_id, user_id, received_at
    FROM consent_records
    WHERE project_id = ? AND seq < ?
    ORDER BY seq DESC
    LIMIT ?
  `);
  return (projectRowId: number, before: number, limit: number) =>
    (statement.all(projectRowId, before, limit) as ConsentRow[]).map((row) => {
      const record: StoredConsentRecord & { seq: number } = {
        seq: row.seq,
        id: row.record_id,
        timestamp: row.timestamp,
        granted: JSON.parse(row.granted) as ConsentCategory[],
        denied: JSON.parse(row.denied) as ConsentCategory[],
        policyVersion: row.policy_version,
        source: row.source,
        receivedAt: row.received_at,
      };
      if (row.anonymous_id !== null) record.anonymousId = row.anonymous_id;
      if (row.user_id !== null) record.userId = row.user_id;
      return record;
    });
}
