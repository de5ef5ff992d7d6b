import type { CollectResult, ConsentRecord, Event } from '@parcours/schema';
import type {
  FunnelDropoffQuery,
  FunnelDropoffResult,
  FunnelQuery,
  FunnelResult,
  JourneyStage,
  OverviewQuery,
  OverviewResult,
  PathsQuery,
  PathsResult,
  StagesQuery,
  StagesResult,
} from './engine/types.js';
import type { AccountStore } from './accounts/types.js';

/** What `createProject` hands back: the only time the secret key is ever visible. */
export interface CreatedProject {
  projectId: string;
  /** Public: goes in the page, identifies the project to the collector. */
  writeKey: string;
  /** Private: authorises the read API. Only its hash is stored. */
  secretKey: string;
}

export interface Project {
  projectId: string;
  name: string;
  writeKey: string;
  createdAt: number;
}

/** How a caller names a person: by any of the ids linked to them. */
export type PersonRef = { userId: string } | { anonymousId: string } | { personId: string };

/** A person: the set of anonymous ids and user ids linked together by identify. */
export interface Person {
  /**
   * Stable while the person's ids stay the same: the smallest of their anonymous
   * ids. After two persons merge, the id of either still resolves to the merged person.
   */
  id: string;
  anonymousIds: string[];
  userIds: string[];
}

export interface PersonTimeline {
  person: Person;
  /** Every event of every linked id, earliest first (ties in arrival order). */
  events: Event[];
  /** True when the timeline was cut at the requested limit. */
  truncated: boolean;
}

export interface TimelineOptions {
  /** Most events returned, earliest first. Default 10,000. */
  limit?: number;
}

/**
 * Everything Parcours keeps, behind one interface: the SQLite implementation is the
 * embedded default; a ClickHouse one must pass the same conformance suite
 * (`Store.conformance.ts`). Every method is async so that a networked engine fits.
 */
export interface Store extends AccountStore {
  /** A new project with an `admin` secret key labelled `default`; `ownerUserId` becomes its owner. */
  createProject(input: { name: string; ownerUserId?: string }): Promise<CreatedProject>;
  getProjects(): Promise<Project[]>;
  /** One project by its public id, or undefined. */
  getProject(projectId: string): Promise<Project | undefined>;
  /** The project a public write key belongs to, or undefined. Hot path: cached. */
  getProjectByWriteKey(writeKey: string): Promise<Project | undefined>;
  /** The project a secret key authorises, or undefined (see `getKeyGrant` for its scope). */
  getProjectBySecretKey(secretKey: string): Promise<Project | undefined>;
  /**
   * Appends events. Resolves only once they are committed (acknowledged = durable).
   * An event whose id the project already has is ignored and counted as a duplicate.
   * Any event carrying both ids links its anonymous id to its user id.
   */
  insertEvents(projectId: string, events: ReadonlyArray<Event>): Promise<CollectResult>;
  countEvents(projectId: string): Promise<number>;
  /** A person's cross-channel timeline with identities merged, or undefined if unknown. */
  getPersonTimeline(
    projectId: string,
    ref: PersonRef,
    options?: TimelineOptions,
  ): Promise<PersonTimeline | undefined>;
  /**
   * Persons (identities merged) reaching each step of a funnel; see
   * `engine/analyseFunnel.ts` for the exact semantics. Events committed before the
   * call are counted.
   */
  getFunnel(projectId: string, query: FunnelQuery): Promise<FunnelResult>;
  /**
   * The persons who dropped off at one step of a funnel, a page at a time. A cursor
   * that is not a `nextCursor` (garbage), or names no device of the project, throws
   * `InvalidCursorError`.
   */
  getFunnelDropoffs(projectId: string, query: FunnelDropoffQuery): Promise<FunnelDropoffResult>;
  /** The most common paths through touchpoints, and their transitions for a Sankey. */
  getPaths(projectId: string, query: PathsQuery): Promise<PathsResult>;
  /** Keeps consent decisions as proof; a repeated record id is a duplicate. Committed on return. */
  insertConsentRecords(projectId: string, records: ReadonlyArray<ConsentRecord>): Promise<CollectResult>;
  /**
   * The consent records, newest first, a page at a time. A cursor that is not the
   * `nextCursor` of one of this project's pages throws `InvalidCursorError`.
   */
  getConsentRecords(
    projectId: string,
    page: { limit: number; cursor?: number | undefined },
  ): Promise<{ records: Array<ConsentRecord & { receivedAt: number }>; nextCursor: number | null }>;
  /** The project's journey map; the five default stages, empty, until one is saved. */
  getJourneyMap(projectId: string): Promise<JourneyStage[]>;
  setJourneyMap(projectId: string, stages: ReadonlyArray<JourneyStage>): Promise<void>;
  /** The journey map with persons, conversion, touchpoint volumes, NPS and pain points. */
  getStages(projectId: string, query: StagesQuery): Promise<StagesResult>;
  /** Persons, touchpoints, conversions and NPS per day and per channel. */
  getOverview(projectId: string, query: OverviewQuery): Promise<OverviewResult>;
  close(): Promise<void>;
}
