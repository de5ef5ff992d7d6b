import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

/** Applies the migrations the database has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database, migrations = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `database schema version ${current} is newer than this Parcours (${migrations.length}): upgrade Parcours`,
    );
  }
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      const migration = migrations[version]!;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return migrations.length - current;
}
