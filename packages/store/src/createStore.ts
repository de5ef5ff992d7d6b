import {
  createDefaultJourneyMap,
  DEFAULT_TIMELINE_LIMIT,
  getConversionTouchpoints,
} from './journeyDefaults.js';
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
 * project's zone unless the question names one).
 */
export function createStore(engine: StoreEngine): Store {
  const journeyMapOf = async (projectId: string) =>
    (await engine.getJourneyMap(projectId)) ?? createDefaultJourneyMap();
  return {
    ...bindMethods(engine),
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
    async getStages(projectId, query) {
      return engine.getStages(projectId, query, await journeyMapOf(projectId));
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

function checkTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone))
    throw new RangeError(`unknown time zone: ${timeZone} (an IANA name such as Europe/Paris)`);
}

/** The engine's methods as own properties bound to it, whether it is an object literal or a class instance. */
function bindMethods(engine: StoreEngine): StoreEngine {
  const bound: Record<string, unknown> = {};
  const methods = engine as unknown as Record<string, unknown>;
  for (let level: object | null = engine; level !== null && level !== Object.prototype;) {
    for (const key of Object.getOwnPropertyNames(level)) {
      const value = methods[key];
      if (key !== 'constructor' && !(key in bound) && typeof value === 'function') {
        bound[key] = (value as (...args: unknown[]) => unknown).bind(engine);
      }
    }
    level = Object.getPrototypeOf(level) as object | null;
  }
  return bound as unknown as StoreEngine;
}
