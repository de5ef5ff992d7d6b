import type {
  JourneyStage,
  OverviewQuery,
  OverviewResult,
  StagesQuery,
  StagesResult,
  TouchpointRef,
} from './engine/types.js';
import type { PersonProfile, PersonsQuery, PersonsResult } from './engine/personTypes.js';
import type { PersonRef, PersonTimeline } from './EventStore.js';
import type { Store } from './Store.js';
import type { JourneyMapEngine } from './journeyMaps/types.js';

/**
 * What a storage engine (SQLite, ClickHouse) implements: the `Store` less the product
 * rules that `createStore` applies above every engine, so that no engine copies them.
 * Every method not listed here is the Store's, unchanged. An engine is a plain object
 * of functions (or a class instance: `createStore` binds its methods).
 */
export type StoreEngine = Omit<Store, keyof StoreEngineRules | StoreOnlyMethod> & StoreEngineRules;

/** Store methods made entirely of the engine's others, in `createStore`. */
export type StoreOnlyMethod = 'getJourneyMap' | 'setJourneyMap' | 'createJourneyMap' | 'saveJourneyMap';

/** The methods whose rules live in `createStore`; engines answer the plain question. */
export interface StoreEngineRules extends JourneyMapEngine {
  /**
   * At most `limit` of the person's events, earliest first (ties in arrival order), or
   * undefined for nobody known. `createStore` asks for one more than the caller's
   * limit (default `DEFAULT_TIMELINE_LIMIT`) to tell whether the timeline was cut.
   */
  getPersonTimeline(
    projectId: string,
    ref: PersonRef,
    options: { limit: number },
  ): Promise<Omit<PersonTimeline, 'truncated'> | undefined>;
  /** The stages of `stages` (the map `createStore` read, default included) over the query's range. */
  getStages(
    projectId: string,
    query: StagesQuery,
    stages: ReadonlyArray<JourneyStage>,
  ): Promise<StagesResult>;
  /**
   * The overview, counting as a conversion any touchpoint of `conversions` (what
   * `createStore` resolved: `query.conversion`, else the decision stage's).
   */
  getOverview(
    projectId: string,
    query: OverviewQuery,
    conversions: ReadonlyArray<TouchpointRef>,
  ): Promise<OverviewResult>;
  /** Persons (see `Store.getPersons`), stages reached read against `stages` (the map `createStore` read). */
  getPersons(
    projectId: string,
    query: PersonsQuery,
    stages: ReadonlyArray<JourneyStage>,
  ): Promise<PersonsResult>;
  /** A person's profile (see `Store.getPersonProfile`), stages reached read against `stages`. */
  getPersonProfile(
    projectId: string,
    ref: PersonRef,
    stages: ReadonlyArray<JourneyStage>,
  ): Promise<PersonProfile | undefined>;
}
