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
import type { PersonProfile, PersonsQuery, PersonsResult } from './engine/personTypes.js';
import type { AccountStore } from './accounts/types.js';
import type { ConsentStore } from './consent/types.js';
import type { PrivacyRequestStore } from './privacy/requestTypes.js';
import type { PrivacyStore } from './privacy/types.js';
import type { CollectionSettings } from './CollectionSettings.js';
import type { RetentionStore } from './retention/types.js';
import type { RegisterStore } from './privacy/register.js';

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

/**
 * How a caller names a person: by user id; by anonymous id (a device that identified
 * means the user its latest events follow); or by person id (see `Person.id`).
 */
export type PersonRef = { userId: string } | { anonymousId: string } | { personId: string };

/**
 * A person (issue 13): one user id with every device segment assigned to it, or one
 * device that never identified. Two user ids are never one person. A device's events
 * follow its links (its events carrying a trusted user id): each belongs to the user
 * of the latest link at or before it (time, then arrival), those before its first
 * link to that first user.
 */
export interface Person {
  /**
   * `user:<userId>` for a user; for a never-identified device its anonymous id
   * (`device:<anonymousId>` if that starts with `user:` or `device:`). Stable: a
   * device's id still resolves once it has identified, to its latest user.
   */
  id: string;
  /** A user's devices: every anonymous id that linked to them; a device's own id. */
  anonymousIds: string[];
  /** The user id, or none for a device. */
  userIds: string[];
}

/**
 * An event as the store keeps it. `claimedUserId`: the user id of an event whose
 * project requires signed identities and whose `userHash` was missing or wrong; kept
 * apart from `userId` so that it links nobody.
 */
export interface StoredEvent extends Event {
  claimedUserId?: string;
}

/** A project's identity settings (owners only: the secret signs user ids). */
export interface IdentitySettings {
  /** When true, the collector trusts a user id only with `userHash` = HMAC-SHA256(identitySecret, userId). Default false. */
  requireSignedIdentities: boolean;
  /** The key of that HMAC, made on first use, rotatable. */
  identitySecret: string;
}

export interface PersonTimeline {
  person: Person;
  /** Every event assigned to the person, earliest first (ties in arrival order). */
  events: StoredEvent[];
  /** True when the timeline was cut at the requested limit. */
  truncated: boolean;
}

export interface TimelineOptions {
  /** Most events returned, earliest first. Default 10,000. */
  limit?: number;
}

/** How `insertEvents` stores a batch. */
export interface InsertEventsOptions {
  /** The published consent config version the batch was collected under; default none (NULL). */
  policyVersion?: number | undefined;
}

/**
 * Everything Parcours keeps, behind one interface: the SQLite implementation is the
 * embedded default; a ClickHouse one must pass the same conformance suite
 * (`Store.conformance.ts`). Every method is async so that a networked engine fits.
 */
export interface Store
  extends
    AccountStore,
    PrivacyStore,
    RetentionStore,
    PrivacyRequestStore,
    RegisterStore,
    Pick<
      ConsentStore,
      | 'getConsentConfig'
      | 'getConsentConfigVersion'
      | 'getConsentConfigVersions'
      | 'publishConsentConfig'
      | 'getConsentPolicy'
      | 'insertConsentRecords'
      | 'getLatestConsent'
      | 'verifyLedger'
      | 'getConsentLog'
      | 'getConsentStats'
    > {
  /**
   * A new project with an `admin` secret key labelled `default` and version 1 of its
   * consent settings (the default, published by nobody); `ownerUserId` becomes its owner.
   */
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
   * An event carrying a `userId` links its device to that user (see `Person`); a
   * `claimedUserId` links nothing. The caller (the collector) decides which is which.
   * Every event keeps `options.policyVersion` (the batch's consent config version).
   */
  insertEvents(
    projectId: string,
    events: ReadonlyArray<StoredEvent>,
    options?: InsertEventsOptions,
  ): Promise<CollectResult>;
  /** The project's identity settings; makes its identity secret on first call. Never cached: another process may change them. */
  getIdentitySettings(projectId: string): Promise<IdentitySettings>;
  /**
   * Changes whether signed identities are required and/or rotates the secret (the old
   * one stops working at once). Applies to events collected from then on.
   */
  setIdentitySettings(
    projectId: string,
    change: { requireSignedIdentities?: boolean; rotateSecret?: boolean },
  ): Promise<IdentitySettings>;
  /** The project's data-collection settings (query allow-list, PII redaction); never cached. */
  getCollectionSettings(projectId: string): Promise<CollectionSettings>;
  /** Changes the given data-collection settings (validated by the caller); applies to batches collected from then on. */
  setCollectionSettings(projectId: string, change: Partial<CollectionSettings>): Promise<CollectionSettings>;
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
