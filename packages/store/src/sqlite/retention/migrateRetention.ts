/**
 * Migration 11 (issue 9): retention settings per project, and the anchors that let
 * the purge drop the oldest part of the consent ledger without breaking the chain.
 *
 * `consent_ledger_anchors` is append-only: each row says "records up to `through_seq`
 * were purged; the first record left follows `hash`". An anchor must name a record
 * that exists when it is written, with that record's hash, past the previous anchor.
 * The ledger's delete trigger then allows deleting exactly the records at or before
 * the project's latest anchor (a prefix of its chain) and nothing else.
 */
export const MIGRATE_RETENTION = `
  ALTER TABLE projects ADD COLUMN events_retention_months INTEGER NOT NULL DEFAULT 25;
  ALTER TABLE projects ADD COLUMN ledger_proof_years INTEGER NOT NULL DEFAULT 5;
  ALTER TABLE projects ADD COLUMN withdrawal_erases INTEGER NOT NULL DEFAULT 1;
  CREATE TABLE consent_ledger_anchors (
    project_id INTEGER NOT NULL,
    through_seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    records INTEGER NOT NULL,
    purged_at INTEGER NOT NULL,
    PRIMARY KEY (project_id, through_seq)
  ) WITHOUT ROWID;
  CREATE TRIGGER consent_ledger_anchors_check BEFORE INSERT ON consent_ledger_anchors
    WHEN NEW.hash IS NOT (
        SELECT hash FROM consent_records WHERE project_id = NEW.project_id AND seq = NEW.through_seq
      )
      OR NEW.through_seq <= coalesce(
        (SELECT max(through_seq) FROM consent_ledger_anchors WHERE project_id = NEW.project_id), 0
      )
    BEGIN SELECT RAISE(ABORT, 'a ledger anchor must name an existing record, with its hash, past the last anchor'); END;
  CREATE TRIGGER consent_ledger_anchors_no_update BEFORE UPDATE ON consent_ledger_anchors
    BEGIN SELECT RAISE(ABORT, 'ledger anchors are append-only'); END;
  CREATE TRIGGER consent_ledger_anchors_no_delete BEFORE DELETE ON consent_ledger_anchors
    WHEN EXISTS (SELECT 1 FROM projects WHERE id = OLD.project_id)
    BEGIN SELECT RAISE(ABORT, 'ledger anchors are append-only'); END;
  DROP TRIGGER consent_records_no_delete;
  CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records
    WHEN EXISTS (SELECT 1 FROM projects WHERE id = OLD.project_id)
      AND NOT EXISTS (
        SELECT 1 FROM consent_ledger_anchors
        WHERE project_id = OLD.project_id AND through_seq >= OLD.seq
      )
    BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only: only a purge of its anchored prefix may delete'); END;
`;
