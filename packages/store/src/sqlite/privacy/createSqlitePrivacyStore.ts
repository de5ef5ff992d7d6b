import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { prepareScrubPendingWebhooks } from '../webhooks/prepareScrubPendingWebhooks.js';
import { createKey } from '../../createKey.js';
import { toDevicePersonId, toUserPersonId } from '../../personId.js';
import {
  PERSON_EXPORT_SCHEMA_VERSION,
  type ErasureReceipt,
  type PersonExport,
  type PrivacyStore,
  type PrivacySubjectRef,
} from '../../privacy/types.js';
import type { Person } from '../../Store.js';
import { resolvePerson, type IdentityGraph } from '../resolvePerson.js';
import { fileContains } from './fileContains.js';
import { PERSON_TABLES, type PersonTable } from './personTables.js';
import { prepareEraseDeviceCategories } from './prepareEraseDeviceCategories.js';
import { preparePersonRows, type PersonIds, type PersonRowQueries } from './preparePersonRows.js';

/** What the privacy half of the store needs from the rest of it. */
export interface PrivacyStoreParts {
  db: Database.Database;
  getProjectRowId(projectId: string): number;
  /** The identity lookups of one project (see `resolvePerson`). */
  getIdentityGraph(projectRowId: number): IdentityGraph;
  /** Commits the events waiting for a group commit, so that none lands after an erasure. */
  flushWrites(): void;
  /** Rows were removed: rebuild the project's journey index in the background now. */
  onRowsRemoved(projectRowId: number): void;
}

/** Checkpoint attempts (each waiting up to the busy timeout for readers) before giving up. */
const CHECKPOINT_ATTEMPTS = 5;

/** The SQLite store's `exportPerson` and `erasePerson`, over the registry of person tables. */
export function createSqlitePrivacyStore(parts: PrivacyStoreParts): PrivacyStore {
  const { db } = parts;
  const tables = PERSON_TABLES.map((spec) => ({ spec, queries: preparePersonRows(db, spec) }));
  // Lists queued for a webhook and not sent yet lose the erased person too.
  const scrubPendingWebhooks = prepareScrubPendingWebhooks(db);
  const bumpRemovalGeneration = db.prepare(
    `UPDATE projects SET removal_generation = removal_generation + 1 WHERE id = ?`,
  );

  const findPerson = (projectRowId: number, ref: PrivacySubjectRef): Person | undefined => {
    const resolved = resolvePerson(parts.getIdentityGraph(projectRowId), ref);
    if (resolved !== undefined) return resolved.person;
    // Stitching knows only ids with events; a visitor who refused consent, or a user id
    // only ever claimed (unsigned), is still a person whose rows must be found.
    const person = toBarePerson(ref);
    return tables.some(({ queries }) => queries.has(projectRowId, person)) ? person : undefined;
  };

  const exportPerson = db.transaction((projectRowId: number, ref: PrivacySubjectRef) => {
    const person = findPerson(projectRowId, ref);
    if (person === undefined) return undefined;
    const rows = tables.map(({ spec, queries }) => [spec.table, queries.select(projectRowId, person)]);
    return { person, tables: Object.fromEntries(rows) as PersonExport['tables'] };
  });

  const erase = db.transaction((projectRowId: number, ref: PrivacySubjectRef) => {
    const person = findPerson(projectRowId, ref);
    const counts = tables.map(({ spec, queries }) => [
      spec.table,
      person === undefined ? 0 : eraseRows(spec, queries, projectRowId, person),
    ]);
    scrubPendingWebhooks(projectRowId, person ?? toBarePerson(ref));
    // An append-only catch-up cannot see a delete: journey indexes (of any process on
    // this file) see the new generation and rebuild from the rows left.
    if (counts.some(([, count]) => count !== 0)) bumpRemovalGeneration.run(projectRowId);
    return { person, counts: Object.fromEntries(counts) as ErasureReceipt['tables'] };
  });

  // A withdrawal's erasure: the device's rows only (not its user's other devices), and
  // the ledger untouched: its records of the consent and of the withdrawal are the proof.
  const eraseCategories = prepareEraseDeviceCategories(db);
  const eraseDevice = db.transaction(
    (projectRowId: number, anonymousId: string, categories: readonly string[] | undefined) => {
      const ids = { anonymousIds: [anonymousId], userIds: [] };
      const some =
        categories === undefined ? undefined : eraseCategories(projectRowId, anonymousId, categories);
      const counts = tables.map(({ spec, queries }) => [
        spec.table,
        some !== undefined
          ? (some[spec.table as keyof typeof some] ?? 0)
          : spec.erasure === 'delete'
            ? queries.delete(projectRowId, ids)
            : 0,
      ]);
      scrubPendingWebhooks(projectRowId, ids);
      if (counts.some(([, count]) => count !== 0)) bumpRemovalGeneration.run(projectRowId);
      return Object.fromEntries(counts) as ErasureReceipt['tables'];
    },
  );

  /** After an erasure's transaction: leaves no trace in the file, then rebuilds the index. */
  const cleanUp = async (projectRowId: number, searched: PersonIds, removed: ErasureReceipt['tables']) => {
    const anyRemoved = Object.values(removed).some((count) => count !== 0);
    await truncateWal(db);
    if (await mayHoldTraces(db, searched, { rebuildShortIds: anyRemoved })) {
      // Free space written before secure_delete was on (a database from an older
      // release) keeps stale copies of index entries: only a rebuild drops them.
      db.exec('VACUUM');
      await truncateWal(db);
    }
    // Only now: a rebuild reading the file would hold the WAL against the checkpoint.
    if (anyRemoved) parts.onRowsRemoved(projectRowId);
  };

  return {
    async exportPerson(projectId, ref) {
      const found = exportPerson(parts.getProjectRowId(projectId), ref);
      if (found === undefined) return undefined;
      return { schemaVersion: PERSON_EXPORT_SCHEMA_VERSION, projectId, exportedAt: Date.now(), ...found };
    },
    async erasePerson(projectId, ref, options = {}) {
      const projectRowId = parts.getProjectRowId(projectId);
      parts.flushWrites();
      const { person, counts } = erase(projectRowId, ref);
      // A repeat after a failed checkpoint finds nobody, yet must still clean the file.
      await cleanUp(projectRowId, person ?? toBarePerson(ref), counts);
      return { requestId: options.requestId ?? createKey('era', 9), erasedAt: Date.now(), tables: counts };
    },
    async eraseDevice(projectId, anonymousId, options = {}) {
      const projectRowId = parts.getProjectRowId(projectId);
      parts.flushWrites();
      const counts = eraseDevice(projectRowId, anonymousId, options.categories);
      // secure_delete overwrote the rows; the WAL's copies go now. The id itself stays
      // in the ledger by design, so searching the file for it would always VACUUM.
      await truncateWal(db);
      if (Object.values(counts).some((count) => count !== 0)) parts.onRowsRemoved(projectRowId);
      return { requestId: options.requestId ?? createKey('era', 9), erasedAt: Date.now(), tables: counts };
    },
  };
}

/**
 * Erases one table's rows of the person, as its registry entry says: deleted, or (the
 * consent ledger, once it is a hash chain) pseudonymised so that the proof survives.
 */
function eraseRows(spec: PersonTable, queries: PersonRowQueries, projectRowId: number, ids: PersonIds) {
  return spec.erasure === 'pseudonymise'
    ? queries.pseudonymise(projectRowId, ids)
    : queries.delete(projectRowId, ids);
}

/** Ids shorter than this could match unrelated bytes: the file is then rebuilt without looking. */
const MIN_SEARCHABLE_ID_BYTES = 8;

/** The person a ref names by that id alone. */
function toBarePerson(ref: PrivacySubjectRef): Person {
  return 'userId' in ref
    ? { id: toUserPersonId(ref.userId), anonymousIds: [], userIds: [ref.userId] }
    : { id: toDevicePersonId(ref.anonymousId), anonymousIds: [ref.anonymousId], userIds: [] };
}

/**
 * True unless a search of the file and its WAL shows none of the person's ids left.
 * `rebuildShortIds`: answer true for an id too short to search (rows were just removed).
 */
async function mayHoldTraces(
  db: Database.Database,
  ids: PersonIds,
  { rebuildShortIds }: { rebuildShortIds: boolean },
): Promise<boolean> {
  if (db.memory) return false;
  const all = [...ids.anonymousIds, ...ids.userIds];
  const searchable = all.filter((id) => Buffer.byteLength(id) >= MIN_SEARCHABLE_ID_BYTES);
  if (rebuildShortIds && searchable.length < all.length) return true;
  return fileContains([db.name, `${db.name}-wal`], searchable);
}

/**
 * Copies the WAL into the database file and truncates it to zero bytes, so that the
 * pre-erasure pages (which the WAL still holds) leave the disk. A reader on another
 * connection (the journey engine's) can keep the checkpoint from completing: each
 * attempt waits for it (the busy timeout), then we try again a few times.
 */
async function truncateWal(db: Database.Database): Promise<void> {
  if (db.memory) return;
  for (let attempt = 1; ; attempt++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (result === undefined || result.busy === 0) return;
    if (attempt === CHECKPOINT_ATTEMPTS) {
      throw new Error(
        'the erased rows are gone, but a reader kept the WAL from being checkpointed: erase again to retry',
      );
    }
    await sleep(100 * attempt);
  }
}
