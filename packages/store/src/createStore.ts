import {
  createDefaultJourneyMap,
  DEFAULT_TIMELINE_LIMIT,
  getConversionTouchpoints,
} from './journeyDefaults.js';
import { createKey } from './createKey.js';
import { JOURNEY_MAP_TEMPLATE_STAGES } from './journeyMaps/templates.js';
import {
  JourneyMapConflictError,
  MAIN_JOURNEY_MAP_ID,
  MAIN_JOURNEY_MAP_NAME,
  type SavedJourneyMap,
} from './journeyMaps/types.js';
import type { Store } from './Store.js';
import type { StoreEngine } from './StoreEngine.js';
import { isTimeZone } from './time/ZoneCalendar.js';

/**
 * The Store every engine is reached through: the engine's methods, with the rules that
 * are the product's and not an engine's applied once, here: the default journey map
 * (the five default stages, empty, until one is saved), "a conversion is a touchpoint
 * of the decision stage" unless the question names one, and the timeline cap (10,000
 * events by default, `truncated` when there were more), and a time zone Intl does not
 * know refused before any engine stores it (each engine counts days and weeks in the
 * project's zone unless the question names one). Journey maps: the main map always
 * exists (the default until saved) and cannot be deleted; others start blank or from
 * a template; every save names the version it was edited from, and one made over a
 * newer save is refused with that save (`JourneyMapConflictError`), never overwritten.
 */
export function createStore(engine: StoreEngine): Store {
  const mapOf = async (projectId: string, mapId: string): Promise<SavedJourneyMap | undefined> => {
    const saved = await engine.getJourneyMapRecord(projectId, mapId);
    return saved ?? (mapId === MAIN_JOURNEY_MAP_ID ? defaultMainMap() : undefined);
  };
  const journeyMapOf = async (projectId: string, mapId = MAIN_JOURNEY_MAP_ID) => {
    const map = await mapOf(projectId, mapId);
    if (map === undefined) throw new RangeError(`mapId: the project has no journey map "${mapId}"`);
    return map.stages;
  };
  /** Writes the next version of a map, or throws the conflict with the saved one. */
  const writeOver = async (projectId: string, base: SavedJourneyMap, next: SavedJourneyMap) => {
    const result = await engine.writeJourneyMap(projectId, next);
    if (!result.written) throw new JourneyMapConflictError(result.current ?? base);
    return next;
  };
  return {
    // `writeJourneyMap` is the engine's step of `saveJourneyMap`, not a Store method.
    ...bindMethods(engine, ['writeJourneyMap']),
    async createProject(input) {
      if (input.timeZone !== undefined) checkTimeZone(input.timeZone);
      return engine.createProject(input);
    },
    async setProjectTimeZone(projectId, timeZone) {
      checkTimeZone(timeZone);
      return engine.setProjectTimeZone(projectId, timeZone);
    },

    async getPersonTimeline(projectId, ref, options = {}) {
      const limit = options.limit ?? DEFAULT_TIMELINE_LIMIT;
      // One more than the limit tells whether the timeline was cut.
      const found = await engine.getPersonTimeline(projectId, ref, { limit: limit + 1 });
      if (found === undefined) return undefined;
      const truncated = found.events.length > limit;
      return {
        person: found.person,
        events: truncated ? found.events.slice(0, limit) : found.events,
        truncated,
      };
    },
    getJourneyMap: journeyMapOf,
    async setJourneyMap(projectId, stages) {
      // A last-write-wins save of the main map (seeding, scripts): it retries over a racing save.
      for (let attempt = 1; ; attempt++) {
        const base = (await mapOf(projectId, MAIN_JOURNEY_MAP_ID))!;
        const next = { ...base, stages: [...stages], version: base.version + 1, updatedAt: Date.now() };
        if ((await engine.writeJourneyMap(projectId, next)).written || attempt === 5) return;
      }
    },
    async listJourneyMaps(projectId) {
      const saved = await engine.listJourneyMaps(projectId);
      const main = saved.find((map) => map.mapId === MAIN_JOURNEY_MAP_ID) ?? defaultMainMap();
      return [main, ...saved.filter((map) => map !== main)];
    },
    getJourneyMapRecord: mapOf,
    async createJourneyMap(projectId, { name, template = 'blank', updatedBy = null }) {
      const stages = template === 'blank' ? createDefaultJourneyMap() : JOURNEY_MAP_TEMPLATE_STAGES[template];
      const map: SavedJourneyMap = {
        mapId: createKey('map', 9),
        name,
        stages: structuredClone(stages),
        version: 1,
        updatedAt: Date.now(),
        updatedBy,
      };
      return writeOver(projectId, map, map);
    },
    async saveJourneyMap(projectId, { mapId, name, stages, baseVersion, updatedBy = null }) {
      const base = await mapOf(projectId, mapId);
      if (base === undefined) throw new RangeError(`mapId: the project has no journey map "${mapId}"`);
      if (base.version !== baseVersion) throw new JourneyMapConflictError(base);
      const next = {
        mapId,
        name,
        stages: [...stages],
        version: baseVersion + 1,
        updatedAt: Date.now(),
        updatedBy,
      };
      return writeOver(projectId, base, next);
    },
    async deleteJourneyMap(projectId, mapId) {
      if (mapId === MAIN_JOURNEY_MAP_ID)
        throw new RangeError('mapId: the main journey map cannot be deleted');
      return engine.deleteJourneyMap(projectId, mapId);
    },
    async getStages(projectId, { mapId, ...query }) {
      return engine.getStages(projectId, query, await journeyMapOf(projectId, mapId));
    },
    async getPersons(projectId, query) {
      return engine.getPersons(projectId, query, await journeyMapOf(projectId));
    },
    async getPersonProfile(projectId, ref) {
      return engine.getPersonProfile(projectId, ref, await journeyMapOf(projectId));
    },
    async getOverview(projectId, query) {
      // The map is read only when the question names no conversion.
      const stages = query.conversion === undefined ? await journeyMapOf(projectId) : [];
      const conversions = getConversionTouchpoints(stages, query);
      return engine.getOverview(projectId, query, conversions);
    },
  };
}

function defaultMainMap(): SavedJourneyMap {
  return {
    mapId: MAIN_JOURNEY_MAP_ID,
    name: MAIN_JOURNEY_MAP_NAME,
    stages: createDefaultJourneyMap(),
    version: 0,
    updatedAt: 0,
    updatedBy: null,
  };
}

function checkTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone))
    throw new RangeError(`unknown time zone: ${timeZone} (an IANA name such as Europe/Paris)`);
}

/** The engine's methods as own properties bound to it, whether it is an object literal or a class instance. */
function bindMethods<K extends keyof StoreEngine>(
  engine: StoreEngine,
  leaveOut: ReadonlyArray<K>,
): Omit<StoreEngine, K> {
  const bound: Record<string, unknown> = {};
  const skipped = new Set<string>(leaveOut);
  const methods = engine as unknown as Record<string, unknown>;
  for (let level: object | null = engine; level !== null && level !== Object.prototype;) {
    for (const key of Object.getOwnPropertyNames(level)) {
      const value = methods[key];
      if (key !== 'constructor' && !skipped.has(key) && !(key in bound) && typeof value === 'function') {
        bound[key] = (value as (...args: unknown[]) => unknown).bind(engine);
      }
    }
    level = Object.getPrototypeOf(level) as object | null;
  }
  return bound as unknown as Omit<StoreEngine, K>;
}
