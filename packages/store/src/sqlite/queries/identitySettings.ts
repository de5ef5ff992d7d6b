import type Database from 'better-sqlite3';
import { createKey } from '../../createKey.js';
import type { IdentitySettings } from '../../Store.js';

/**
 * A project's identity settings. Read from the file on every collect batch (one
 * primary-key lookup), not cached: `parcours project identity` may change them from
 * another process while the server runs, and a security setting must apply at once.
 * The secret is made on first use (projects made before issue 13 have none yet):
 * 256 random bits, stored as is, because owners must be able to see it again.
 */
export function prepareIdentitySettings(db: Database.Database) {
  const select = db
    .prepare(`SELECT identity_secret, require_signed_identities FROM projects WHERE id = ?`)
    .raw();
  const updateSecret = db.prepare(`UPDATE projects SET identity_secret = ? WHERE id = ?`);
  // Two processes may make the first secret at once: the first write wins, both read it back.
  const makeSecret = db.prepare(
    `UPDATE projects SET identity_secret = ? WHERE id = ? AND identity_secret IS NULL`,
  );
  const updateRequired = db.prepare(`UPDATE projects SET require_signed_identities = ? WHERE id = ?`);
  const read = (projectRowId: number) => {
    const row = select.get(projectRowId) as [string | null, number] | undefined;
    if (row === undefined) throw new Error(`unknown project row ${projectRowId}`);
    return row;
  };
  const get = (projectRowId: number): IdentitySettings => {
    let row = read(projectRowId);
    if (row[0] === null) {
      makeSecret.run(createKey('ids', 32), projectRowId);
      row = read(projectRowId);
    }
    return { requireSignedIdentities: row[1] === 1, identitySecret: row[0]! };
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
      return get(projectRowId);
    },
  };
}
