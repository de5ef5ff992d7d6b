import type Database from 'better-sqlite3';
import { RETENTION_LIMITS, type RetentionSettings } from '../../retention/types.js';

/**
 * A project's retention settings, columns of `projects` (see the retention migration).
 * Read from the file every time: the CLI may change them while the server runs.
 */
export function prepareRetentionSettings(db: Database.Database) {
  const select = db
    .prepare(
      `SELECT events_retention_months, ledger_proof_years, withdrawal_erases FROM projects WHERE id = ?`,
    )
    .raw();
  const update = db.prepare(`
    UPDATE projects SET
      events_retention_months = coalesce(@eventsMonths, events_retention_months),
      ledger_proof_years = coalesce(@ledgerProofYears, ledger_proof_years),
      withdrawal_erases = coalesce(@withdrawalErases, withdrawal_erases)
    WHERE id = @id
  `);
  const get = (projectRowId: number): RetentionSettings => {
    const row = select.get(projectRowId) as [number, number, number] | undefined;
    if (row === undefined) throw new Error(`unknown project row ${projectRowId}`);
    return { eventsMonths: row[0], ledgerProofYears: row[1], withdrawalErases: row[2] === 1 };
  };
  return {
    get,
    set(projectRowId: number, change: Partial<RetentionSettings>): RetentionSettings {
      checkWithin('eventsMonths', change.eventsMonths);
      checkWithin('ledgerProofYears', change.ledgerProofYears);
      update.run({
        id: projectRowId,
        eventsMonths: change.eventsMonths ?? null,
        ledgerProofYears: change.ledgerProofYears ?? null,
        withdrawalErases: change.withdrawalErases === undefined ? null : change.withdrawalErases ? 1 : 0,
      });
      return get(projectRowId);
    },
  };
}

function checkWithin(name: keyof typeof RETENTION_LIMITS, value: number | undefined): void {
  if (value === undefined) return;
  const { min, max } = RETENTION_LIMITS[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  }
}
