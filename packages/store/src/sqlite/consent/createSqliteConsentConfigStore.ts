import type Database from 'better-sqlite3';
import type { ConsentStore } from '../../consent/types.js';
import type { ProjectRow } from '../queries/projects.js';
import { createConsentConfigs } from './createConsentConfigs.js';

/** The consent-settings half of `ConsentStore` (the ledger is the other half). */
export type ConsentConfigStore = Pick<
  ConsentStore,
  | 'getConsentConfig'
  | 'getConsentConfigVersion'
  | 'getConsentConfigVersions'
  | 'publishConsentConfig'
  | 'getConsentPolicy'
>;

/**
 * The SQLite consent settings, by project public id (`getProjectRow` throws for an
 * unknown one), and `publishDefault`, which `createProject` calls in its transaction.
 */
export function createSqliteConsentConfigStore(
  db: Database.Database,
  getProjectRow: (projectId: string) => ProjectRow,
): { store: ConsentConfigStore; publishDefault: (projectRowId: number, name: string, now: number) => void } {
  const configs = createConsentConfigs(db);
  const rowIdOf = (projectId: string) => getProjectRow(projectId).id;
  return {
    publishDefault: (projectRowId, name, now) => configs.publishDefault(projectRowId, name, now),
    store: {
      async getConsentConfig(projectId) {
        return configs.getCurrent(rowIdOf(projectId));
      },
      async getConsentConfigVersion(projectId, policyVersion) {
        return configs.getVersion(rowIdOf(projectId), policyVersion);
      },
      async getConsentConfigVersions(projectId) {
        return configs.getVersions(rowIdOf(projectId));
      },
      async publishConsentConfig(projectId, config, publishedBy) {
        return configs.publish(rowIdOf(projectId), config, publishedBy);
      },
      async getConsentPolicy(projectId) {
        return configs.getPolicy(rowIdOf(projectId));
      },
    },
  };
}
