import type {
  FunnelDriversQuery,
  FunnelDriversResult,
  FunnelDropoffQuery,
  FunnelDropoffResult,
  FunnelQuery,
  FunnelResult,
  JourneyStage,
  OverviewQuery,
  OverviewResult,
  PathPersonsQuery,
  PathPersonsResult,
  PathsQuery,
  PathsResult,
  StagesQuery,
  StagesResult,
} from './engine/types.js';
import type { PersonProfile, PersonsQuery, PersonsResult } from './engine/personTypes.js';
import type { CohortRetentionQuery, CohortRetentionResult } from './engine/retentionTypes.js';
import type { FrictionQuery, FrictionResult } from './engine/frictionTypes.js';
import type { PersonRef } from './EventStore.js';

/** Journey questions over a project's events (identities merged), and its journey map. */
export interface JourneyStore {
  /**
   * Persons (identities merged) reaching each step of a funnel; see
   * `engine/analyseFunnel.ts` for the exact semantics. Events committed before the
   * call are counted.
   */
  getFunnel(projectId: string, query: FunnelQuery): Promise<FunnelResult>;
  /**
   * For the persons who reached one step of a funnel, the touchpoints, channels and
   * property values before the next step whose presence changes conversion most; see
   * `engine/getFunnelDrivers.ts`.
   */
  getFunnelDrivers(projectId: string, query: FunnelDriversQuery): Promise<FunnelDriversResult>;
  /**
   * The persons who dropped off at one step of a funnel, a page at a time. A cursor
   * that is not a `nextCursor` (garbage), or names no device of the project, throws
   * `InvalidCursorError`.
   */
  getFunnelDropoffs(projectId: string, query: FunnelDropoffQuery): Promise<FunnelDropoffResult>;
  /**
   * Persons matching a search and filters, sorted, a page at a time (see
   * `engine/getPersons.ts`). A cursor that is not a `nextCursor` of the same sort and
   * order throws `InvalidCursorError`.
   */
  getPersons(projectId: string, query: PersonsQuery): Promise<PersonsResult>;
  /**
   * A person's profile: latest identify traits, first and last seen, channels, stages
   * reached; undefined for an unknown person or one without touchpoints.
   */
  getPersonProfile(projectId: string, ref: PersonRef): Promise<PersonProfile | undefined>;
  /** The most common paths through touchpoints, and their transitions for a Sankey. */
  getPaths(projectId: string, query: PathsQuery): Promise<PathsResult>;
  /**
   * The persons on a node or link of `getPaths`' answer, a page at a time (see
   * `engine/getPathPersons.ts`). A cursor that is not a `nextCursor` (garbage), or
   * names nobody in the project, throws `InvalidCursorError`.
   */
  getPathPersons(projectId: string, query: PathPersonsQuery): Promise<PathPersonsResult>;
  /**
   * The stages of a journey map (default: the main map, the five default stages, empty,
   * until one is saved); a RangeError for an unknown map id.
   */
  getJourneyMap(projectId: string, mapId?: string): Promise<JourneyStage[]>;
  /** Saves the main map whatever was saved before (seeding, scripts; the editor uses `saveJourneyMap`). */
  setJourneyMap(projectId: string, stages: ReadonlyArray<JourneyStage>): Promise<void>;
  /**
   * A journey map (`query.mapId`, default the main map) with persons, conversion,
   * touchpoint volumes, NPS and pain points; a RangeError for an unknown map id.
   */
  getStages(projectId: string, query: StagesQuery & { mapId?: string }): Promise<StagesResult>;
  /**
   * Persons, touchpoints, conversions and NPS per day and per channel. A conversion is
   * `query.conversion`, by default any touchpoint of the map's `decision` stage.
   */
  getOverview(projectId: string, query: OverviewQuery): Promise<OverviewResult>;
  /**
   * Weekly retention: cohorts by the week of their first touchpoint, and the share back
   * (any touchpoint, or `query.returning`) each following week; see
   * `engine/getCohortRetention.ts`. A range past 53 weeks throws a RangeError.
   */
  getCohortRetention(projectId: string, query: CohortRetentionQuery): Promise<CohortRetentionResult>;
  /**
   * Friction over a range: loops (A → B → A), repeated support contacts (within 7
   * days), waits above a transition's 90th percentile; see `engine/getFriction.ts`.
   */
  getFriction(projectId: string, query: FrictionQuery): Promise<FrictionResult>;
}
