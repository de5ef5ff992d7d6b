import type Database from 'better-sqlite3';
import { createKey } from '../../createKey.js';
import type { IdentitySettings } from '../../Store.js';

/**
 * A project's identity settings, read on every collect, so cached per project row.
 * The secret is made on first use (projects made before issue 13 have none yet):
 * 256 random bits, stored as is, because owners must be able to see it again.
 */
export function prepareIdentitySettings(db: Database.Database) {
  const select = db
    .prepare(`SELECT identity_secret, require_signed_identities FROM projects WHERE id = ?`)
    .raw();
  const updateSecret = db.prepare(`UPDATE projects SET identity_secret = ? WHERE id = ?`);
  const updateRequired = db.prepare(`UPDATE projects SET require_signed_identities = ? WHERE id = ?`);
  const cache = new Map<number, IdentitySettings>();

  const get = (projectRowId: number): IdentitySettings => {
    const cached = cache.get(projectRowId);
    if (cached !== undefined) return cached;
    const row = select.get(projectRowId) as [string | null, number] | undefined;
    if (row === undefined) throw new Error(`unknown project row ${projectRowId}`);
    let identitySecret = row[0];
    if (identitySecret === null) {
      identitySecret = createKey('ids', 32);
      updateSecret.run(identitySecret, projectRowId);
    }
    const settings = { requireSignedIdentities: row[1] === 1, identitySecret };
    cache.set(projectRowId, settings);
    return settings;
  };

  return {
    get,
    set(projectRowId: number, change: { requireSignedIdentities?: boolean; rotateSecret?: boolean }) {
      get(projectRowId); // makes the secret if missing, so a rotation below replaces a real one
      db.transaction(() => {
        if (change.requireSignedIdentities !== undefined) {
          updateRequired.run(change.requireSignedIdentities ? 1 : 0, projectRowId);
        }
        if (change.rotateSecret === true) updateSecret.run(createKey('ids', 32), projectRowId);
      })();
      cache.delete(projectRowId);
      return get(projectRowId);
    },
    /** Call when a project row goes away (its row id may be reused). */
    forget(projectRowId: number) {
      cache.delete(projectRowId);
    },
  };
}
