import type Database from 'better-sqlite3';
import { JourneyIndex } from '../engine/JourneyIndex.js';
import { getFunnel } from '../engine/getFunnel.js';
import { getFunnelDropoffs } from '../engine/getFunnelDropoffs.js';
import { getOverview } from '../engine/getOverview.js';
import { getPaths } from '../engine/getPaths.js';
import { getStages } from '../engine/getStages.js';
import type {
  FunnelDropoffQuery,
  FunnelQuery,
  JourneyStage,
  OverviewQuery,
  PathsQuery,
  StagesQuery,
  TouchpointRef,
} from '../engine/types.js';
import { prepareGetIndexableEvents } from './queries/getIndexableEvents.js';
import { prepareGetTouchpointProperty } from './queries/getTouchpointProperty.js';

/** One journey question, as it crosses to the engine (structured-clonable). */
export type JourneyCall =
  | { method: 'getFunnel'; query: FunnelQuery }
  | { method: 'getFunnelDropoffs'; query: FunnelDropoffQuery }
  | { method: 'getPaths'; query: PathsQuery }
  | { method: 'getStages'; query: StagesQuery; stages: JourneyStage[] }
  | { method: 'getOverview'; query: OverviewQuery; conversions: TouchpointRef[] };

export interface JourneyHostOptions {
  /** Bytes the property columns of one project's index may hold. Default: the index's (256 MiB). */
  propertyBudgetBytes?: number | undefined;
}

/** Answers journey questions over the journey indexes of one SQLite database. */
export interface JourneyHost {
  run(projectRowId: number, call: JourneyCall): unknown;
  /** Builds or catches up a project's index now, before anyone asks. */
  warm(projectRowId: number): void;
  /** Drops a project's index (the project was deleted). */
  forget(projectRowId: number): void;
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
  const getEvents = prepareGetIndexableEvents(db);
  const getTouchpointProperty = prepareGetTouchpointProperty(db);
  const getRemovalGeneration = db.prepare(`SELECT removal_generation FROM projects WHERE id = ?`).pluck();
  const indexes = new Map<number, JourneyIndex>();
  /** The removal generation (migration 9) each index was built at. */
  const generations = new Map<number, number>();

  const catchUp = (projectRowId: number): JourneyIndex => {
    // Rows were removed (an erasure, here or in another process): catching up by
    // sequence number cannot see that, so the index starts again from what is left.
    const generation = (getRemovalGeneration.get(projectRowId) as number | undefined) ?? 0;
    if (generations.get(projectRowId) !== generation) {
      indexes.delete(projectRowId);
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
    }
    // Property columns are kept current by `append`: read properties only when some exist.
    const properties = index.propertyNames.length > 0;
    for (const { seq, event } of getEvents(projectRowId, index.lastSeq, { properties })) {
      index.append(event);
      index.lastSeq = seq;
    }
    return index;
  };

  return {
    run(projectRowId, call) {
      const index = catchUp(projectRowId);
      index.beginQuery();
      switch (call.method) {
        case 'getFunnel':
          return getFunnel(index, call.query);
        case 'getFunnelDropoffs':
          return getFunnelDropoffs(index, call.query);
        case 'getPaths':
          return getPaths(index, call.query);
        case 'getStages':
          return getStages(index, call.stages, call.query);
        case 'getOverview':
          return getOverview(index, call.query, call.conversions);
      }
    },
    warm(projectRowId) {
      catchUp(projectRowId);
    },
    forget(projectRowId) {
      indexes.delete(projectRowId);
      generations.delete(projectRowId);
    },
  };
}
