import type Database from 'better-sqlite3';
import type { KeyScope } from '../../accounts/types.js';

export interface SecretKeyRow {
  public_id: string;
  prefix: string;
  label: string;
  scope: KeyScope;
  created_at: number;
  last_used_at: number | null;
}

export interface KeyGrantRow {
  public_id: string;
  scope: KeyScope;
  label: string;
  last_used_at: number | null;
  project_row_id: number;
  project_public_id: string;
}

/** The secret-key queries, prepared once. Keys are found by their SHA-256, never stored. */
export function prepareSecretKeyQueries(db: Database.Database) {
  const insertSecretKey = db.prepare(`
    INSERT INTO secret_keys (hash, project_id, label, created_at, scope, public_id, prefix)
    VALUES (?, ?, ?, ?, ?, ?, ?)
  `);
  const getSecretKeys = db.prepare(`
    SELECT public_id, prefix, label, scope, created_at, last_used_at FROM secret_keys
    WHERE project_id = ? ORDER BY created_at DESC, public_id
  `);
  const getKeyGrant = db.prepare(`
    SELECT s.public_id, s.scope, s.label, s.last_used_at, p.id AS project_row_id, p.public_id AS project_public_id
    FROM secret_keys s JOIN projects p ON p.id = s.project_id WHERE s.hash = ?
  `);
  const touchSecretKey = db.prepare(`UPDATE secret_keys SET last_used_at = ? WHERE public_id = ?`);
  const deleteSecretKey = db.prepare(`DELETE FROM secret_keys WHERE project_id = ? AND public_id = ?`);
  const deleteSecretKeysByLabel = db.prepare(`DELETE FROM secret_keys WHERE project_id = ? AND label = ?`);
  return {
    insertSecretKey: (
      hash: string,
      projectRowId: number,
      key: { publicId: string; prefix: string; label: string; scope: KeyScope },
      now: number,
    ) => {
      insertSecretKey.run(hash, projectRowId, key.label, now, key.scope, key.publicId, key.prefix);
    },
    getSecretKeys: (projectRowId: number) => getSecretKeys.all(projectRowId) as SecretKeyRow[],
    getKeyGrant: (hash: string) => getKeyGrant.get(hash) as KeyGrantRow | undefined,
    touchSecretKey: (publicId: string, now: number) => {
      touchSecretKey.run(now, publicId);
    },
    deleteSecretKey: (projectRowId: number, publicId: string) =>
      deleteSecretKey.run(projectRowId, publicId).changes === 1,
    deleteSecretKeysByLabel: (projectRowId: number, label: string) => {
      deleteSecretKeysByLabel.run(projectRowId, label);
    },
  };
}
