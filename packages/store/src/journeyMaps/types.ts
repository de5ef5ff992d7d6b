import type { JourneyStage } from '../engine/types.js';

/** The map every project has, saved or not: the one the persons list and the overview read. */
export const MAIN_JOURNEY_MAP_ID = 'main';

/** The main map's name until someone renames it. */
export const MAIN_JOURNEY_MAP_NAME = 'Main journey';

/** A named journey map of a project, as saved. */
export interface SavedJourneyMap {
  /** `main` for the project's main map; `map_…` for the others. */
  mapId: string;
  name: string;
  stages: JourneyStage[];
  /** 1 at the first save, one more at each save after; 0 for the main map never saved. */
  version: number;
  /** Epoch ms of the save; 0 for the main map never saved. */
  updatedAt: number;
  /** Who saved it (the member's email or a key's label); null when not known. */
  updatedBy: string | null;
}

/** A save of a map: what the editor read (`baseVersion`), and what it writes. */
export interface JourneyMapSave {
  mapId: string;
  name: string;
  stages: ReadonlyArray<JourneyStage>;
  /** The version the edit started from; the save is refused when the saved one is newer. */
  baseVersion: number;
  updatedBy?: string | null;
}

/** The templates a new map can start from, besides a blank map. */
export const JOURNEY_MAP_TEMPLATES = ['retail', 'saas-onboarding', 'bank', 'telecom-support'] as const;
export type JourneyMapTemplate = (typeof JOURNEY_MAP_TEMPLATES)[number];

export interface NewJourneyMap {
  name: string;
  /** `blank` (the five default stages, empty) or a template; default blank. */
  template?: JourneyMapTemplate | 'blank';
  updatedBy?: string | null;
}

/**
 * Thrown by `saveJourneyMap` when someone saved the map after the version the edit
 * started from: nothing is written, and `current` is the saved map to compare with.
 */
export class JourneyMapConflictError extends Error {
  override readonly name = 'JourneyMapConflictError';
  constructor(readonly current: SavedJourneyMap) {
    super(
      `journey map "${current.name}" was saved by ${current.updatedBy ?? 'someone else'} since you opened it (version ${current.version})`,
    );
  }
}

/** Several named journey maps per project, each save versioned (see `createStore` for the rules). */
export interface JourneyMapStore {
  /** The project's maps: the main map first (default stages until saved), then the others in creation order. */
  listJourneyMaps(projectId: string): Promise<SavedJourneyMap[]>;
  /** One map; the main map always exists; undefined for an unknown id. */
  getJourneyMapRecord(projectId: string, mapId: string): Promise<SavedJourneyMap | undefined>;
  /** A new map, blank or from a template, at version 1. */
  createJourneyMap(projectId: string, map: NewJourneyMap): Promise<SavedJourneyMap>;
  /**
   * Saves a map over `baseVersion`: the new version is one more. Throws
   * `JourneyMapConflictError` (nothing written) when the saved version is not
   * `baseVersion`, and a RangeError for an unknown map id.
   */
  saveJourneyMap(projectId: string, save: JourneyMapSave): Promise<SavedJourneyMap>;
  /** False for an unknown map; the main map cannot be deleted (RangeError). */
  deleteJourneyMap(projectId: string, mapId: string): Promise<boolean>;
}

/** What an engine keeps of maps: plain reads and a compare-and-set write, no default and no rule. */
export interface JourneyMapEngine {
  /** The saved maps, in creation order (the main map only once saved). */
  listJourneyMaps(projectId: string): Promise<SavedJourneyMap[]>;
  /** A saved map, or undefined. */
  getJourneyMapRecord(projectId: string, mapId: string): Promise<SavedJourneyMap | undefined>;
  /**
   * Writes `map` if the saved version of `map.mapId` is `map.version − 1` (none saved
   * for version 1), as one atomic step where the engine can; otherwise writes nothing
   * and answers the saved map (undefined when none is).
   */
  writeJourneyMap(
    projectId: string,
    map: SavedJourneyMap,
  ): Promise<{ written: true } | { written: false; current: SavedJourneyMap | undefined }>;
  /** Deletes a saved map; false when none was saved under that id. */
  deleteJourneyMap(projectId: string, mapId: string): Promise<boolean>;
}
