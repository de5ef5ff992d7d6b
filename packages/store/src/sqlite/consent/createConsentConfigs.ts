import type Database from 'better-sqlite3';
import type { ConsentConfigInput, PublishedConsentConfig } from '@parcours/schema';
import { sha256Hex, toCanonicalJson } from '../../consent/canonicalJson.js';
import { createDefaultConsentConfig } from '../../consent/defaultConsentConfig.js';
import type { ConsentConfigVersionSummary, ConsentPolicy, ConsentPublisher } from '../../consent/types.js';

interface ConfigRow {
  policy_version: number;
  config: string;
  config_hash: string;
  published_at: number;
}

/**
 * Inserts one version: the canonical JSON of the config and its SHA-256, so that
 * anyone can hash the published config again and find the same `configHash`.
 */
export function prepareInsertConsentConfig(db: Database.Database) {
  const statement = db.prepare(`
    INSERT INTO consent_configs
      (project_id, policy_version, config, config_hash, minimum_policy_version, published_at, published_by)
    VALUES (?, ?, ?, ?, ?, ?, ?)
  `);
  return (
    projectRowId: number,
    policyVersion: number,
    config: ConsentConfigInput,
    publishedBy: ConsentPublisher,
    publishedAt: number,
  ): { policyVersion: number; configHash: string; publishedAt: number } => {
    const json = toCanonicalJson(config);
    const configHash = sha256Hex(json);
    const publisher = publishedBy === null ? null : JSON.stringify(publishedBy);
    statement.run(
      projectRowId,
      policyVersion,
      json,
      configHash,
      config.minimumPolicyVersion,
      publishedAt,
      publisher,
    );
    return { policyVersion, configHash, publishedAt };
  };
}

function toPublished(row: ConfigRow): PublishedConsentConfig {
  const config = JSON.parse(row.config) as ConsentConfigInput;
  return {
    ...config,
    policyVersion: row.policy_version,
    configHash: row.config_hash,
    publishedAt: row.published_at,
  };
}

/**
 * A project's consent settings in published versions (table `consent_configs`,
 * migration 8). Nothing is cached: every read is one primary-key lookup, and a
 * version published by another process (the CLI) applies at once.
 */
export function createConsentConfigs(db: Database.Database) {
  const insert = prepareInsertConsentConfig(db);
  const columns = 'policy_version, config, config_hash, published_at';
  const selectCurrent = db.prepare(
    `SELECT ${columns} FROM consent_configs WHERE project_id = ? ORDER BY policy_version DESC LIMIT 1`,
  );
  const selectVersion = db.prepare(
    `SELECT ${columns} FROM consent_configs WHERE project_id = ? AND policy_version = ?`,
  );
  const selectVersions = db.prepare(`
    SELECT policy_version, config_hash, published_at, published_by FROM consent_configs
    WHERE project_id = ? ORDER BY policy_version DESC
  `);
  const selectPolicy = db
    .prepare(
      `SELECT policy_version, minimum_policy_version FROM consent_configs
       WHERE project_id = ? ORDER BY policy_version DESC LIMIT 1`,
    )
    .raw();
  const selectLatestVersion = db
    .prepare(`SELECT max(policy_version) FROM consent_configs WHERE project_id = ?`)
    .pluck();
  // IMMEDIATE: the write lock is taken before reading the last number, so two
  // processes publishing at once get consecutive versions, not a constraint error.
  const publish = db.transaction(
    (projectRowId: number, config: ConsentConfigInput, publishedBy: ConsentPublisher) => {
      const latest = (selectLatestVersion.get(projectRowId) as number | null) ?? 0;
      return insert(projectRowId, latest + 1, config, publishedBy, Date.now());
    },
  );

  return {
    /** Version 1, the default, for a project being made (inside its transaction). */
    publishDefault(projectRowId: number, projectName: string, now: number): void {
      insert(projectRowId, 1, createDefaultConsentConfig(projectName), null, now);
    },
    getCurrent(projectRowId: number): PublishedConsentConfig {
      const row = selectCurrent.get(projectRowId) as ConfigRow | undefined;
      if (row === undefined) throw new Error(`project row ${projectRowId} has no consent config`);
      return toPublished(row);
    },
    getVersion(projectRowId: number, policyVersion: number): PublishedConsentConfig | undefined {
      const row = selectVersion.get(projectRowId, policyVersion) as ConfigRow | undefined;
      return row && toPublished(row);
    },
    getVersions(projectRowId: number): ConsentConfigVersionSummary[] {
      const rows = selectVersions.all(projectRowId) as Array<
        Omit<ConfigRow, 'config'> & { published_by: string | null }
      >;
      return rows.map((row) => ({
        policyVersion: row.policy_version,
        configHash: row.config_hash,
        publishedAt: row.published_at,
        publishedBy: row.published_by === null ? null : (JSON.parse(row.published_by) as ConsentPublisher),
      }));
    },
    publish(projectRowId: number, config: ConsentConfigInput, publishedBy: ConsentPublisher) {
      return publish.immediate(projectRowId, config, publishedBy);
    },
    getPolicy(projectRowId: number): ConsentPolicy {
      const row = selectPolicy.get(projectRowId) as [number, number | null] | undefined;
      if (row === undefined) throw new Error(`project row ${projectRowId} has no consent config`);
      return { policyVersion: row[0], minimumPolicyVersion: row[1] };
    },
  };
}
