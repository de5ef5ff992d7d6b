import type Database from 'better-sqlite3';
import type { RetentionStore } from '../../retention/types.js';
import { prepareRetentionSettings } from './retentionSettings.js';

/** What the retention half of the store needs from the rest of it. */
export interface RetentionStoreParts {
  db: Database.Database;
  getProjectRowId(projectId: string): number;
}

/** The SQLite store's retention settings and purge. */
export function createSqliteRetentionStore(parts: RetentionStoreParts): RetentionStore {
  const settings = prepareRetentionSettings(parts.db);
  return {
    async getRetention(projectId) {
      return settings.get(parts.getProjectRowId(projectId));
    },
    async setRetention(projectId, change) {
      return settings.set(parts.getProjectRowId(projectId), change);
    },
  };
}
