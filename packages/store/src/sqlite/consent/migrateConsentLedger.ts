import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  computeRecordHash,
  computeSubjectDigest,
  GENESIS_HASH,
  inferConsentAction,
} from '../../consent/ledgerHash.js';
import { toLedgerContent, type LedgerRow } from '../../consent/checkLedgerRow.js';

/**
 * Migration 9 (issue 8): `consent_records` becomes the consent ledger, an append-only
 * hash chain per project (in `seq` order). Each project gets a random ledger secret
 * (the key of the subject digest); the records already there are chained now, in
 * their order, their action inferred from their categories. Triggers then refuse
 * DELETE while the project exists, and every UPDATE except the one erasure needs:
 * setting both `anonymous_id` and `user_id` to NULL and nothing else (the chain
 * covers the keyed digest of the ids, not the ids, so it still verifies).
 */
export function migrateConsentLedger(db: Database.Database): void {
  db.exec(`
    ALTER TABLE projects ADD COLUMN ledger_secret TEXT;
    ALTER TABLE consent_records ADD COLUMN action TEXT NOT NULL DEFAULT 'custom';
    ALTER TABLE consent_records ADD COLUMN config_hash TEXT;
    ALTER TABLE consent_records ADD COLUMN locale TEXT;
    ALTER TABLE consent_records ADD COLUMN origin TEXT;
    ALTER TABLE consent_records ADD COLUMN path TEXT;
    ALTER TABLE consent_records ADD COLUMN gpc INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE consent_records ADD COLUMN subject_digest TEXT;
    ALTER TABLE consent_records ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
    ALTER TABLE consent_records ADD COLUMN hash TEXT NOT NULL DEFAULT '';
    CREATE INDEX consent_records_by_user_id ON consent_records(project_id, user_id)
      WHERE user_id IS NOT NULL;
    CREATE INDEX consent_records_by_received_at ON consent_records(project_id, received_at);
  `);
  // Its own statements, not the store's: a released migration must not change when
  // the store's code does.
  const setSecret = db.prepare(`UPDATE projects SET ledger_secret = ? WHERE id = ?`);
  const chain = db.prepare(`
    UPDATE consent_records SET action = ?, subject_digest = ?, prev_hash = ?, hash = ? WHERE seq = ?
  `);
  const rowsOf = db.prepare(`SELECT * FROM consent_records WHERE project_id = ? ORDER BY seq`);
  const projects = db.prepare(`SELECT id FROM projects ORDER BY id`).pluck().all() as number[];
  for (const projectRowId of projects) {
    const secret = randomBytes(32).toString('hex');
    setSecret.run(secret, projectRowId);
    let prevHash = GENESIS_HASH;
    for (const row of rowsOf.all(projectRowId) as LedgerRow[]) {
      const action = inferConsentAction(
        JSON.parse(row.granted) as unknown[],
        JSON.parse(row.denied) as unknown[],
      );
      const digest = computeSubjectDigest(secret, { anonymousId: row.anonymous_id, userId: row.user_id });
      const hash = computeRecordHash(prevHash, toLedgerContent({ ...row, action, subject_digest: digest }));
      chain.run(action, digest, prevHash, hash, row.seq);
      prevHash = hash;
    }
  }
  db.exec(`
    CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records
      WHEN EXISTS (SELECT 1 FROM projects WHERE id = OLD.project_id)
      BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only: a record cannot be deleted'); END;
    CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
      WHEN NOT (
        NEW.anonymous_id IS NULL AND NEW.user_id IS NULL
        AND NEW.seq IS OLD.seq AND NEW.project_id IS OLD.project_id AND NEW.record_id IS OLD.record_id
        AND NEW.timestamp IS OLD.timestamp AND NEW.received_at IS OLD.received_at
        AND NEW.granted IS OLD.granted AND NEW.denied IS OLD.denied
        AND NEW.policy_version IS OLD.policy_version AND NEW.config_hash IS OLD.config_hash
        AND NEW.action IS OLD.action AND NEW.source IS OLD.source AND NEW.locale IS OLD.locale
        AND NEW.origin IS OLD.origin AND NEW.path IS OLD.path AND NEW.gpc IS OLD.gpc
        AND NEW.subject_digest IS OLD.subject_digest AND NEW.prev_hash IS OLD.prev_hash
        AND NEW.hash IS OLD.hash
      )
      BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only: only blanking both ids (erasure) is allowed'); END;
  `);
}
