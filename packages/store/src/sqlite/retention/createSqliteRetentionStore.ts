import type Database from 'better-sqlite3';
import { createKey } from '../../createKey.js';
import { subtractCalendarMonths } from '../../retention/subtractCalendarMonths.js';
import type { RetentionStore } from '../../retention/types.js';
import { preparePurgeEvents } from './preparePurgeEvents.js';
import { preparePurgeLedger } from './preparePurgeLedger.js';
import { prepareRetentionSettings } from './retentionSettings.js';

/** What the retention half of the store needs from the rest of it. */
export interface RetentionStoreParts {
  db: Database.Database;
  getProjectRowId(projectId: string): number;
  /** Rows were removed: rebuild the project's journey index in the background now. */
  onRowsRemoved(projectRowId: number): void;
}

/** The SQLite store's retention settings and purge. */
export function createSqliteRetentionStore(parts: RetentionStoreParts): RetentionStore {
  const { db } = parts;
  const settings = prepareRetentionSettings(db);
  const events = preparePurgeEvents(db);
  const ledger = preparePurgeLedger(db);
  // Inside each removing transaction: a journey index (of any process on this file)
  // built before it sees a new generation and rebuilds from the rows left.
  const bumpRemovalGeneration = db.prepare(
    `UPDATE projects SET removal_generation = removal_generation + 1 WHERE id = ?`,
  );

  return {
    async getRetention(projectId) {
      return settings.get(parts.getProjectRowId(projectId));
    },
    async setRetention(projectId, change) {
      return settings.set(parts.getProjectRowId(projectId), change);
    },
    async purge(projectId, now = Date.now()) {
      const projectRowId = parts.getProjectRowId(projectId);
      const { eventsMonths, ledgerProofYears } = settings.get(projectRowId);
      const eventsBefore = subtractCalendarMonths(now, eventsMonths);
      const ledgerEndedBefore = subtractCalendarMonths(now, ledgerProofYears * 12);
      const removed = await events.purge(projectRowId, eventsBefore, () =>
        bumpRemovalGeneration.run(projectRowId),
      );
      const consentRecords = ledger.purge(projectRowId, ledgerEndedBefore, now);
      if (removed.events + removed.identity_links > 0) parts.onRowsRemoved(projectRowId);
      return {
        purgeId: createKey('prg', 9),
        purgedAt: now,
        eventsBefore,
        ledgerEndedBefore,
        tables: { ...removed, consent_records: consentRecords },
      };
    },
  };
}
