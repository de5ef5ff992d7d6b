import type { PropertyValue } from '@parcours/schema';

/** One step of a funnel: a touchpoint name, optionally narrowed by channel and properties. */
export interface FunnelStepQuery {
  name: string;
  channel?: string;
  /** Every listed property of the event must equal the given value. */
  where?: Record<string, PropertyValue>;
}

export interface FunnelQuery {
  steps: FunnelStepQuery[];
  /** Step k must happen at most this long after step 1 (exactly windowMs counts). */
  windowMs: number;
  /** Bounds (inclusive, epoch ms) of the step-1 event's time. */
  from?: number;
  to?: number;
  /** `"channel"`, or the name of a property of the step-1 event. */
  breakdown?: string;
}

export interface FunnelStepResult {
  name: string;
  /** Persons who reached this step. */
  count: number;
  /** count / persons who reached step 1 (1 for step 1; 0 when nobody started). */
  conversionRate: number;
  /** Persons who reached the previous step but not this one (0 for step 1). */
  dropOff: number;
  /** Median time from step 1 to this step among those who reached it; null when nobody did. */
  medianTimeToConvertMs: number | null;
}

export interface FunnelResult {
  steps: FunnelStepResult[];
  /** Per value of the breakdown (of the chosen step-1 event), most persons first. */
  breakdown?: Array<{ value: PropertyValue; steps: FunnelStepResult[] }>;
}

export interface FunnelDropoffQuery extends FunnelQuery {
  /** 1-based: the step these persons did not reach (≥ 2); they reached the one before. */
  step: number;
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
}

export interface DroppedPerson {
  personId: string;
  anonymousIds: string[];
  userIds: string[];
  /** When they reached the last step they did reach. */
  reachedAt: number;
  /** Their last touchpoint of all. */
  lastTouchpoint: { name: string; channel: string | null; timestamp: number };
}

export interface FunnelDropoffResult {
  persons: DroppedPerson[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Persons who dropped off at this step, all pages together. */
  total: number;
}

export interface PathsQuery {
  /** Paths begin at each person's first event of this name; at their first event when absent. */
  start?: string;
  /** Only the paths that reach this name: each ends at the person's first such event. */
  end?: string;
  /** Names per path at most. With `end`, the last `depth` names before and including it. */
  depth: number;
  /** Paths returned at most, most persons first. */
  limit: number;
}

export interface PathsResult {
  paths: Array<{ steps: string[]; count: number }>;
  /** Persons going from `from` at position `depth` (0-based) to `to` at `depth + 1`: a Sankey's links. */
  links: Array<{ depth: number; from: string; to: string; count: number }>;
}
