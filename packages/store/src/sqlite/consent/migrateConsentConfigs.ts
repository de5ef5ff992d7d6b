import type Database from 'better-sqlite3';
import { createDefaultConsentConfig } from '../../consent/defaultConsentConfig.js';
import { sha256Hex, toCanonicalJson } from '../../consent/canonicalJson.js';

/**
 * Migration 8 (issue 8): consent settings published in versions, and the policy
 * version each event was collected under. Versions are immutable: triggers refuse
 * UPDATE, and DELETE while the project exists (deleting a project cascades to its
 * versions, which then prove nothing about anyone). Every project already there gets
 * version 1, the default, published now by nobody, like a project made from now on.
 */
export function migrateConsentConfigs(db: Database.Database): void {
  db.exec(`
    CREATE TABLE consent_configs (
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      policy_version INTEGER NOT NULL CHECK (policy_version >= 1),
      -- The canonical JSON of the ConsentConfigInput, and its SHA-256 (lower-case hex).
      config TEXT NOT NULL,
      config_hash TEXT NOT NULL,
      -- Copied from config: the collector reads it on every batch.
      minimum_policy_version INTEGER,
      published_at INTEGER NOT NULL,
      -- JSON of the ConsentPublisher ({"userId","name"} or {"key"}); NULL: nobody (version 1).
      published_by TEXT,
      PRIMARY KEY (project_id, policy_version)
    ) WITHOUT ROWID;
    CREATE TRIGGER consent_configs_are_immutable_update BEFORE UPDATE ON consent_configs
      BEGIN SELECT RAISE(ABORT, 'a published consent config version cannot be changed: publish a new one'); END;
    CREATE TRIGGER consent_configs_are_immutable_delete BEFORE DELETE ON consent_configs
      WHEN EXISTS (SELECT 1 FROM projects WHERE id = OLD.project_id)
      BEGIN SELECT RAISE(ABORT, 'a published consent config version cannot be deleted'); END;
    -- NULL: collected without a policy version (server-side sources, or before issue 8).
    ALTER TABLE events ADD COLUMN policy_version INTEGER;
  `);
  // Its own statement, not the store's: a released migration must not change when
  // the store's code does.
  const insert = db.prepare(`
    INSERT INTO consent_configs
      (project_id, policy_version, config, config_hash, minimum_policy_version, published_at, published_by)
    VALUES (?, 1, ?, ?, NULL, ?, NULL)
  `);
  const now = Date.now();
  const projects = db.prepare(`SELECT id, name FROM projects ORDER BY id`).all() as Array<{
    id: number;
    name: string;
  }>;
  for (const { id, name } of projects) {
    const json = toCanonicalJson(createDefaultConsentConfig(name));
    insert.run(id, json, sha256Hex(json), now);
  }
}
