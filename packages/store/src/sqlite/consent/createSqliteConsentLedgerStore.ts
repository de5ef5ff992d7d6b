import type Database from 'better-sqlite3';
import type { ConsentStore } from '../../consent/types.js';
import type { ProjectRow } from '../queries/projects.js';
import { createConsentLedger } from './createConsentLedger.js';
import { createConsentLedgerReads } from './createConsentLedgerReads.js';

/** The ledger half of `ConsentStore`, less `getConsentRecords` (the older view, kept in openSqliteStore). */
export type ConsentLedgerStore = Pick<
  ConsentStore,
  'insertConsentRecords' | 'getLatestConsent' | 'verifyLedger' | 'getConsentLog' | 'getConsentStats'
>;

/** The SQLite consent ledger, by project public id (`getProjectRow` throws for an unknown one). */
export function createSqliteConsentLedgerStore(
  db: Database.Database,
  getProjectRow: (projectId: string) => ProjectRow,
): ConsentLedgerStore {
  const ledger = createConsentLedger(db);
  const reads = createConsentLedgerReads(db);
  const rowIdOf = (projectId: string) => getProjectRow(projectId).id;
  return {
    async insertConsentRecords(projectId, records, facts = {}) {
      return ledger.append(rowIdOf(projectId), records, facts);
    },
    async getLatestConsent(projectId, anonymousId) {
      return ledger.getLatest(rowIdOf(projectId), anonymousId);
    },
    async verifyLedger(projectId) {
      return ledger.verify(rowIdOf(projectId));
    },
    async getConsentLog(projectId, query) {
      const projectRowId = rowIdOf(projectId);
      const { rows, nextCursor } = reads.getLog(projectRowId, query);
      return { records: ledger.toEntries(projectRowId, rows), nextCursor };
    },
    async getConsentStats(projectId, range) {
      const row = getProjectRow(projectId);
      // Days of the project's zone unless the question names one.
      return reads.getStats(row.id, { timeZone: row.time_zone, ...range });
    },
  };
}
