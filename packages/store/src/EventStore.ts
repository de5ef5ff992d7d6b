import type { CollectResult, Event } from '@parcours/schema';
import type { CollectionSettings } from './CollectionSettings.js';

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
  /** Most events returned, earliest first. Default 10,000 (`DEFAULT_TIMELINE_LIMIT`). */
  limit?: number;
}

/** How `insertEvents` stores a batch. */
export interface InsertEventsOptions {
  /** The published consent config version the batch was collected under; default none (NULL). */
  policyVersion?: number | undefined;
}

/** Events and identities: ingest, the settings that govern it, and person timelines. */
export interface EventStore {
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
  countEvents(projectId: string): Promise<number>;
  /**
   * The project's most recently stored events, newest first (arrival order, not their
   * own timestamps), at most `limit`: what the dashboard's Live page lists. Read from
   * the store each time, so an erased or purged event is gone from it at once.
   */
  getLatestEvents(projectId: string, options: { limit: number }): Promise<StoredEvent[]>;
  /**
   * A token that changes each time events of the project are stored (or removed by an
   * erasure or a purge, or un-merged from a user), by any process
   * that shares this store (another server on the same file or ClickHouse database,
   * `parcours import`): what the live feed polls to push touchpoints it did not collect
   * itself. Opaque: compare two for equality, nothing else. It may also change when
   * nothing was stored (ClickHouse merging its marks), never stay the same after a store.
   */
  getChangeMark(projectId: string): Promise<string>;
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
  /** A person's cross-channel timeline with identities merged, or undefined if unknown. */
  getPersonTimeline(
    projectId: string,
    ref: PersonRef,
    options?: TimelineOptions,
  ): Promise<PersonTimeline | undefined>;
  /**
   * Undoes a wrong link (un-merge): the device's events carrying the user id keep it as
   * `claimedUserId` only, which links nobody, so the device is no longer that user's
   * and every journey answer counts it as a person of its own (or the user it joined
   * before). The answer counts the events changed (0: no such link). A later event of
   * the device carrying the user id links them again, as a new sign-in would.
   */
  unlinkIdentity(
    projectId: string,
    link: { anonymousId: string; userId: string },
  ): Promise<{ events: number }>;
}
