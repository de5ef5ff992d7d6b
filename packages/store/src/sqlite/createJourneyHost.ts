import type Database from 'better-sqlite3';
import { JourneyIndex } from '../engine/JourneyIndex.js';
import { getCohortRetention } from '../engine/getCohortRetention.js';
import { getFriction } from '../engine/getFriction.js';
import { getFunnel } from '../engine/getFunnel.js';
import { getFunnelDrivers } from '../engine/getFunnelDrivers.js';
import { getFunnelDropoffs } from '../engine/getFunnelDropoffs.js';
import { getOverview } from '../engine/getOverview.js';
import { getPaths } from '../engine/getPaths.js';
import { getPathPersons } from '../engine/getPathPersons.js';
import { getPersons } from '../engine/getPersons.js';
import { getPersonSummary } from '../engine/getPersonSummary.js';
import type { PersonsQuery } from '../engine/personTypes.js';
import type { CohortRetentionQuery } from '../engine/retentionTypes.js';
import type { FrictionQuery } from '../engine/frictionTypes.js';
import { getStages } from '../engine/getStages.js';
import type {
  FunnelDriversQuery,
  FunnelDropoffQuery,
  FunnelQuery,
  JourneyStage,
  OverviewQuery,
  PathPersonsQuery,
  PathsQuery,
  StagesQuery,
  TouchpointRef,
} from '../engine/types.js';
import { prepareGetIndexableEvents } from './queries/getIndexableEvents.js';
import { prepareGetTraitHolders } from './queries/getTraitHolders.js';
import { prepareGetTouchpointProperty } from './queries/getTouchpointProperty.js';
import { IndexSnapshotFiles } from './IndexSnapshotFiles.js';
import { TraitCache } from './TraitCache.js';
import { compileSegment } from '../segments/compileSegment.js';
import { narrowIndex } from '../segments/narrowIndex.js';
import type { PersonPredicate } from '../engine/PersonPredicate.js';

/** One journey question, as it crosses to the engine (structured-clonable). */
export type JourneyCall =
  | { method: 'getFunnel'; query: FunnelQuery }
  | { method: 'getFunnelDrivers'; query: FunnelDriversQuery }
  | { method: 'getFunnelDropoffs'; query: FunnelDropoffQuery }
  | { method: 'getPaths'; query: PathsQuery }
  | { method: 'getPathPersons'; query: PathPersonsQuery }
  | { method: 'getStages'; query: StagesQuery; stages: JourneyStage[] }
  | { method: 'getOverview'; query: OverviewQuery; conversions: TouchpointRef[] }
  | { method: 'getPersons'; query: PersonsQuery; stages: JourneyStage[] }
  | { method: 'getPersonSummary'; personId: string; stages: JourneyStage[] }
  | { method: 'getCohortRetention'; query: CohortRetentionQuery }
  | { method: 'getFriction'; query: FrictionQuery };

export interface JourneyHostOptions {
  /** Bytes the property columns of one project's index may hold. Default: the index's (256 MiB). */
  propertyBudgetBytes?: number | undefined;
  /**
   * Where indexes are saved (`IndexSnapshotFiles`), so that a restart loads them
   * instead of reading every row. Default: none (indexes live in memory only).
   */
  snapshotDirectory?: string | undefined;
  /** Rows per read of the index's reads (`INDEX_READ_PAGE_ROWS`); small in tests of the paging. */
  indexReadPageRows?: number | undefined;
}

/** New events since an index's last snapshot that make it worth a new one: at least this many… */
const SNAPSHOT_MIN_NEW_EVENTS = 100_000;
/** …and this share of the events the last snapshot held (a snapshot costs a write of the whole index). */
const SNAPSHOT_MIN_GROWTH = 0.25;
/** At close, indexes smaller than this are not saved: rebuilding them is as quick as loading. */
const SNAPSHOT_MIN_EVENTS = 10_000;

/** Answers journey questions over the journey indexes of one SQLite database. */
export interface JourneyHost {
  run(projectRowId: number, call: JourneyCall): unknown;
  /** Builds or catches up a project's index now, before anyone asks. */
  warm(projectRowId: number): void;
  /** Drops a project's index (the project was deleted), and its snapshot. */
  forget(projectRowId: number): void;
  /**
   * Saves the indexes that grew enough since their last snapshot (after an answer, not
   * before it); with `all`, every index that changed (at close).
   */
  saveSnapshots(all?: boolean): void;
}

/**
 * The journey indexes of a database, one per project, each a cache of the store:
 * before every answer the index catches up with every row committed since the last
 * one it saw, whoever committed it (this process, `parcours import`, another
 * server on the same file). A new index is the same catch-up from sequence 0.
 * Runs on whichever connection it is given: a worker's own (the default) or the
 * store's (`:memory:` databases).
 */
export function createJourneyHost(db: Database.Database, options: JourneyHostOptions = {}): JourneyHost {
  const getEvents = prepareGetIndexableEvents(db, options.indexReadPageRows);
  const getTouchpointProperty = prepareGetTouchpointProperty(db, options.indexReadPageRows);
  const getTraitHolders = prepareGetTraitHolders(db);
  const getRemovalGeneration = db.prepare(`SELECT removal_generation FROM projects WHERE id = ?`).pluck();
  const indexes = new Map<number, JourneyIndex>();
  const snapshots =
    options.snapshotDirectory === undefined
      ? undefined
      : new IndexSnapshotFiles(db, options.snapshotDirectory);
  /** Events each index held at its last snapshot (saved or loaded). */
  const savedCounts = new Map<number, number>();
  /** The removal generation (migration 9) each index was built at. */
  const generations = new Map<number, number>();

  const catchUp = (projectRowId: number): JourneyIndex => {
    // Rows were removed (an erasure, here or in another process): catching up by
    // sequence number cannot see that, so the index starts again from what is left.
    const generation = (getRemovalGeneration.get(projectRowId) as number | undefined) ?? 0;
    if (generations.get(projectRowId) !== generation) {
      if (indexes.delete(projectRowId)) snapshots?.remove(projectRowId);
      generations.set(projectRowId, generation);
    }
    let index = indexes.get(projectRowId);
    if (index === undefined) {
      const created: JourneyIndex = new JourneyIndex(
        // Up to the last row the index has seen, so the column lines up with it.
        (property) => getTouchpointProperty(projectRowId, property, created.lastSeq),
        { propertyBudgetBytes: options.propertyBudgetBytes },
      );
      indexes.set(projectRowId, (index = created));
      // A valid snapshot is a head start; the catch-up below does the rest.
      if (snapshots?.load(projectRowId, created) === true) savedCounts.set(projectRowId, created.eventCount);
      else savedCounts.set(projectRowId, 0);
    }
    // Property columns are kept current by `append`: read properties only when some exist.
    const properties = index.propertyNames.length > 0;
    for (const { seq, event } of getEvents(projectRowId, index.lastSeq, { properties })) {
      index.append(event);
      index.lastSeq = seq;
    }
    index.settle();
    return index;
  };

  return {
    run(projectRowId, call) {
      const whole = catchUp(projectRowId);
      whole.beginQuery();
      const segment = 'query' in call ? call.query.segment : undefined;
      const persons: PersonPredicate | undefined =
        segment === undefined
          ? undefined
          : compileSegment(whole, segment, {
              findTraitHolders: (trait, value) =>
                TraitCache.of(whole).findMatches(getTraitHolders, whole, { projectRowId, trait, value }),
            });
      // Persons and retention take the segment's predicate; every other question sees a narrowed index.
      const index = persons === undefined ? whole : narrowIndex(whole, persons);
      switch (call.method) {
        case 'getFunnel':
          return getFunnel(index, call.query);
        case 'getFunnelDrivers':
          return getFunnelDrivers(index, call.query);
        case 'getFunnelDropoffs':
          return getFunnelDropoffs(index, call.query);
        case 'getPaths':
          return getPaths(index, call.query);
        case 'getPathPersons':
          return getPathPersons(index, call.query);
        case 'getStages':
          return getStages(index, call.stages, call.query);
        case 'getOverview':
          return getOverview(index, call.query, call.conversions);
        case 'getPersons': {
          const property = call.query.property;
          const profileMatches =
            property === undefined
              ? undefined
              : TraitCache.of(whole).findMatches(getTraitHolders, whole, {
                  projectRowId,
                  trait: property.name,
                  value: property.value,
                });
          return getPersons(whole, call.query, { map: call.stages, profileMatches, persons });
        }
        case 'getPersonSummary':
          return getPersonSummary(whole, call.personId, call.stages);
        case 'getCohortRetention':
          return getCohortRetention(whole, call.query, persons);
        case 'getFriction':
          return getFriction(index, call.query);
      }
    },
    warm(projectRowId) {
      catchUp(projectRowId);
    },
    forget(projectRowId) {
      indexes.delete(projectRowId);
      generations.delete(projectRowId);
      savedCounts.delete(projectRowId);
      snapshots?.remove(projectRowId);
    },
    saveSnapshots(all = false) {
      if (snapshots === undefined) return;
      for (const [projectRowId, index] of indexes) {
        const saved = savedCounts.get(projectRowId) ?? 0;
        const grown = index.eventCount - saved;
        const due = all
          ? grown > 0 && index.eventCount >= SNAPSHOT_MIN_EVENTS
          : grown >= Math.max(SNAPSHOT_MIN_NEW_EVENTS, saved * SNAPSHOT_MIN_GROWTH);
        if (!due) continue;
        // Rows removed since this index was built: it must not be written (erasure).
        const generation = (getRemovalGeneration.get(projectRowId) as number | undefined) ?? 0;
        if (generations.get(projectRowId) !== generation) continue;
        try {
          snapshots.save(projectRowId, index);
        } catch {
          // A full disk, a read-only folder: a snapshot is only a head start, the
          // index stays right in memory; the next due save tries again.
          continue;
        }
        savedCounts.set(projectRowId, index.eventCount);
      }
    },
  };
}
