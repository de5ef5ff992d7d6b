import type { SegmentedQuery } from '../segments/SegmentedQuery.js';
import type { TouchpointRef } from './types.js';

/** A repeated contact: the same support touchpoint again within this long (7 days). */
export const REPEAT_CONTACT_WINDOW_MS = 7 * 86_400_000;
/** Items per friction list when the query does not say. */
export const FRICTION_LIMIT = 20;
/** Examples (person ids, smallest first) given with each friction item. */
export const FRICTION_EXAMPLES = 5;

export interface FrictionQuery extends SegmentedQuery {
  /** Bounds (inclusive, epoch ms) of the touchpoints considered. */
  from?: number;
  to?: number;
  /** The support touchpoints whose repetition is friction. Default none. */
  support?: TouchpointRef[];
  /** Items per list at most, most persons first. Default 20. */
  limit?: number;
}

/** How many persons a friction item touches, how often, and some of them. */
export interface FrictionCounts {
  persons: number;
  occurrences: number;
  /** Up to five of the persons' ids, smallest first: links to their timelines. */
  examples: string[];
}

/** A → B → A: touchpoints in a row (repeats collapsed) coming back to where they were. */
export interface FrictionLoop extends FrictionCounts {
  from: string;
  via: string;
}

/** A support touchpoint two or more times within 7 days; an occurrence is each repeat. */
export interface RepeatedContact extends FrictionCounts {
  name: string;
  channel: string | null;
}

/** Waits between two consecutive touchpoints longer than that transition's 90th percentile. */
export interface LongWait extends FrictionCounts {
  from: string;
  to: string;
  /** Consecutive A → B pairs in the range, everyone's. */
  transitions: number;
  /** Their 90th percentile wait (nearest rank), ms: a wait above it is long. */
  p90Ms: number;
}

export interface FrictionResult {
  loops: FrictionLoop[];
  repeatedContacts: RepeatedContact[];
  longWaits: LongWait[];
}
