import type { SegmentedQuery } from '../segments/SegmentedQuery.js';
import type { PropertyValue } from '@parcours/schema';

/** What a persons list is ordered by: each person's last or first touchpoint, their touchpoints, or their id. */
export const PERSON_SORTS = ['lastSeen', 'firstSeen', 'touchpoints', 'personId'] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

/** Inclusive bounds, epoch ms; either may be absent. */
export interface TimeBounds {
  from?: number;
  to?: number;
}

/** Which persons to list and in which order; every filter given must hold (and). */
export interface PersonsQuery extends SegmentedQuery {
  /**
   * A prefix of the person id or of one of their ids (anonymous or user), exact case:
   * `u_4` finds `user:u_42` and the devices `u_4…`.
   */
  search?: string;
  /**
   * A property value: persons with a touchpoint carrying it, or whose profile (their
   * latest `identify` traits, see `PersonProfile.traits`) has it.
   */
  property?: { name: string; value: PropertyValue };
  /** Persons with at least one touchpoint on this channel. */
  channel?: string;
  /** Persons who reached this stage of the journey map (one of its touchpoints, at any time). */
  stage?: string;
  /** Bounds on the person's first touchpoint. */
  firstSeen?: TimeBounds;
  /** Bounds on the person's last touchpoint. */
  lastSeen?: TimeBounds;
  /** Default `lastSeen`. Ties are broken by person id, in the same direction. */
  sort?: PersonSort;
  /** Default `desc` (most recent, earliest-seen last, most touchpoints, z to a). */
  order?: 'asc' | 'desc';
  limit: number;
  /**
   * The previous page's `nextCursor` (opaque; made for the same sort and order). Any
   * other value throws `InvalidCursorError`.
   */
  cursor?: string;
}

/** A person as lists and their page show them: who, when, where and how far. */
export interface PersonSummary {
  personId: string;
  anonymousIds: string[];
  userIds: string[];
  /** Epoch ms of their first and last touchpoints. */
  firstSeen: number;
  lastSeen: number;
  touchpoints: number;
  /** Channels in order of first touch, each once (null: touchpoints without a channel). */
  channels: Array<string | null>;
  /** The journey map's stages they reached, in map order. */
  stages: string[];
}

export interface PersonsResult {
  persons: PersonSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Persons matching the filters, all pages together. */
  total: number;
}

/** A person's page: their summary and their profile. */
export interface PersonProfile extends PersonSummary {
  /**
   * Their latest traits: every property of their `identify` events, the latest value
   * of each (time, then arrival) winning. Empty when they never sent one with traits.
   */
  traits: Record<string, PropertyValue>;
  /** When the latest trait was set (epoch ms), or null. */
  traitsUpdatedAt: number | null;
  /**
   * The identity graph: how each device joined the user, one entry per time a device
   * switched to them (its event carrying their user id), by device then time. Empty
   * for a never-identified device.
   */
  links: IdentityLink[];
}

/** A device joined to a user by one event carrying the user id (an identify, or any event). */
export interface IdentityLink {
  anonymousId: string;
  userId: string;
  timestamp: number;
  eventId: string;
  eventType: 'track' | 'page' | 'identify';
  eventName: string;
}
