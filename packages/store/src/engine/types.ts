import type { PropertyValue } from '@parcours/schema';
import type { SegmentedQuery } from '../segments/SegmentedQuery.js';

/** One step of a funnel: a touchpoint name, optionally narrowed by channel and properties. */
export interface FunnelStepQuery {
  name: string;
  channel?: string;
  /** Every listed property of the event must equal the given value. */
  where?: Record<string, PropertyValue>;
}

/**
 * How a funnel's steps must follow each other: `sequence`, in the order given, at
 * strictly increasing times; `any`, every step within the window of the chain's first
 * touchpoint, in any order (touchpoints at the same time count together).
 */
export const FUNNEL_ORDERS = ['sequence', 'any'] as const;
export type FunnelOrder = (typeof FUNNEL_ORDERS)[number];

/**
 * A touchpoint that ends a chain between two steps: a chain reaches step
 * `afterStep + 1` only if no touchpoint matching this one happens strictly between
 * (in time) its step-`afterStep` and step-`afterStep + 1` touchpoints.
 */
export interface FunnelExclusion {
  name: string;
  channel?: string;
  /** 1-based: the step after which the touchpoint ends the chain, 1 to steps − 1. */
  afterStep: number;
}

export interface FunnelQuery extends SegmentedQuery {
  steps: FunnelStepQuery[];
  /** Step k must happen at most this long after step 1 (exactly windowMs counts). */
  windowMs: number;
  /** Default `sequence`. */
  order?: FunnelOrder;
  /** Touchpoints that end a chain between two steps; `sequence` order only. Default none. */
  exclusions?: FunnelExclusion[];
  /** Bounds (inclusive, epoch ms) of the step-1 event's time. */
  from?: number;
  to?: number;
  /**
   * When the question is asked, epoch ms: without `to`, a person whose window is still
   * open at this time is in progress, not abandoned (see `FunnelStepResult.inProgress`).
   * Default: now. Set it for answers that do not change with the clock (tests, exports).
   */
  now?: number;
  /** `"channel"`, or the name of a property of the step-1 event. */
  breakdown?: string;
  /**
   * The IANA zone its weeks of `overTime` follow. Default: the project's zone
   * (`Project.timeZone`; see `ZoneCalendar`).
   */
  timeZone?: string;
}

export interface FunnelStepResult {
  name: string;
  /** Persons who reached this step. */
  count: number;
  /** count / persons who reached step 1 (1 for step 1; 0 when nobody started). */
  conversionRate: number;
  /** Persons who reached the previous step but not this one (0 for step 1): `inProgress + abandoned`. */
  dropOff: number;
  /**
   * Of `dropOff`, those who may still get here: some chain of theirs reaching the
   * previous step started at t with `t + windowMs` after the end of the range (`to`,
   * or `now` without one). 0 for step 1.
   */
  inProgress: number;
  /** Of `dropOff`, those whose every window closed before the end of the range. 0 for step 1. */
  abandoned: number;
  /**
   * Median time from the chain's start (step 1; in any order its first touchpoint) to
   * this step among those who reached it; null when nobody did.
   */
  medianTimeToConvertMs: number | null;
}

/** One week of step-1 touchpoints (chains starting that week, UTC, weeks start on Monday). */
export interface FunnelWeek {
  /** The Monday of the week, `YYYY-MM-DD`. */
  week: string;
  /** Persons whose chosen chain starts that week reaching each step (index 0: step 1). */
  counts: number[];
  /** Of them, the share who reached the last step. */
  conversionRate: number;
}

/** Persons who reached the last step, by the time their chain took from its start to it. */
export interface TimeToConvertBucket {
  /** Inclusive lower bound, ms. */
  fromMs: number;
  /** Exclusive upper bound, ms; null for the last bucket. */
  toMs: number | null;
  persons: number;
}

/** The rules an answer was computed under, shown beside every funnel. */
export interface FunnelSettings {
  order: FunnelOrder;
  windowMs: number;
  /**
   * Where a person's window starts: `step1`, their step-1 touchpoint (sequence), or
   * `firstTouchpoint`, the first touchpoint of the chain whatever its step (any order).
   * `from`/`to` bound that same touchpoint.
   */
  windowAnchor: 'step1' | 'firstTouchpoint';
  /**
   * `strictlyLater`: a step counts only strictly after the one before, so touchpoints at
   * the same millisecond never follow each other (sequence); `together`: touchpoints at
   * the same millisecond can be steps of one chain (any order).
   */
  equalTimestamps: 'strictlyLater' | 'together';
  /** Persons, identities merged, each counted once, at the furthest step of any of their chains. */
  countingUnit: 'person';
  /**
   * The end of the range for "in progress": `to`, else the question's `now`; null when
   * neither was given, the time the answer was computed (so that an answer depends on
   * its question and the data only).
   */
  openUntil: number | null;
  exclusions: FunnelExclusion[];
}

export interface FunnelResult {
  steps: FunnelStepResult[];
  /** Per value of the breakdown (of the chosen step-1 event), most persons first. */
  breakdown?: Array<{ value: PropertyValue; steps: FunnelStepResult[] }>;
  /** Per week of the chosen chain's start, oldest first; weeks nobody started are not listed. */
  overTime: FunnelWeek[];
  /** Persons who reached the last step, by time from the chain's start (`TIME_TO_CONVERT_BOUNDS`). */
  timeToConvert: TimeToConvertBucket[];
  settings: FunnelSettings;
}

export interface FunnelDriversQuery extends FunnelQuery {
  /** 1-based: what helps persons who reached this step reach the next (1 to steps − 1). */
  step: number;
  /**
   * Touchpoint properties whose values are candidate drivers, besides touchpoint names
   * and channels (they count towards `MAX_QUERY_PROPERTIES` with the steps' filters).
   * Default none.
   */
  properties?: string[];
  /** Drivers held by fewer persons are left out. Default 1. */
  minPersons?: number;
}

/** Something persons had before the next step: a touchpoint, a channel, or a property value. */
export interface FunnelDriver {
  kind: 'touchpoint' | 'channel' | 'property';
  /** The touchpoint's name, the channel, or the property's name. */
  name: string;
  /** A property's value; absent for the other kinds. */
  value?: PropertyValue;
  /** Persons who reached the step and had it before the next step (see `getFunnelDrivers`). */
  persons: number;
  /** Of them, those who reached the next step. */
  converted: number;
  /** converted / persons. */
  conversionRate: number;
  /** The conversion of the persons who reached the step without it. */
  conversionRateWithout: number;
  /** conversionRate − conversionRateWithout: positive when having it goes with converting. */
  lift: number;
}

export interface FunnelDriversResult {
  step: number;
  /** Persons who reached the step. */
  persons: number;
  /** Of them, those who reached the next step. */
  converted: number;
  /** At most `MAX_FUNNEL_DRIVERS`, the largest |lift| first. */
  drivers: FunnelDriver[];
}

export interface FunnelDropoffQuery extends FunnelQuery {
  /** 1-based: the step these persons did not reach (≥ 2); they reached the one before. */
  step: number;
  limit: number;
  /** From the previous page's `nextCursor` (opaque); any other value throws `InvalidCursorError`. */
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

export interface PathsQuery extends SegmentedQuery {
  /** Paths begin at each person's first event of this name; at their first event when absent. */
  start?: string;
  /** Only the paths that reach this name: each ends at the person's first such event. */
  end?: string;
  /** Names per path at most. With `end`, the last `depth` names before and including it. */
  depth: number;
  /** Paths returned at most, most persons first. */
  limit: number;
  /** Bounds (inclusive, epoch ms): only touchpoints at these times make paths. Default none. */
  from?: number;
  to?: number;
}

export interface PathsResult {
  /** `left`: of `count`, the persons who left after the last step (see `exits`). */
  paths: Array<{ steps: string[]; count: number; left: number }>;
  /** Persons going from `from` at position `depth` (0-based) to `to` at `depth + 1`: a Sankey's links. */
  links: Array<{ depth: number; from: string; to: string; count: number }>;
  /**
   * The terminal "left" node: persons whose path ends at `from`, at position `depth`,
   * with no touchpoint of another name after it in the range (a path cut at `depth`
   * while the person went on is not an exit). A Sankey draws them as a link from
   * `from` to a node "left" at `depth + 1`; every person's path ends once, so each
   * person is counted in one exit at most.
   */
  exits: Array<{ depth: number; from: string; count: number }>;
  /**
   * Per node (`name` at position `depth`) and channel, the persons whose touchpoint
   * opening that position (the first of the repeats collapsed into it) came through
   * `channel` (null: none said). By depth, then name, then channel (none first).
   */
  channels: Array<{ depth: number; name: string; channel: string | null; persons: number }>;
}

/**
 * The persons on a node or a link of the paths answer to the same query (`limit`
 * apart): those whose path has `name` at position `depth` (0-based, as links' `depth`)
 * and, with `next`, `next` at `depth + 1` (a link), or, with `next: null`, who left
 * after it (an exit).
 */
export interface PathPersonsQuery extends Omit<PathsQuery, 'limit'> {
  /** 0-based position in the path, 0 to `depth − 1`. */
  at: number;
  name: string;
  /** The link's other end; null for the exit to "left". Default: the node alone. */
  next?: string | null;
  limit: number;
  /** From the previous page's `nextCursor` (opaque); any other value throws `InvalidCursorError`. */
  cursor?: string;
}

export interface PathPerson {
  personId: string;
  anonymousIds: string[];
  userIds: string[];
  /** Their path, as counted in `PathsResult.paths`. */
  steps: string[];
  /** True when they left after the path's last step. */
  left: boolean;
}

export interface PathPersonsResult {
  /** By person id. */
  persons: PathPerson[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Persons on the node or link, all pages together. */
  total: number;
}

/** A touchpoint of the journey map: an event name, optionally on one channel only. */
export interface TouchpointRef {
  name: string;
  channel?: string;
}

/**
 * A touchpoint placed on a journey map. A **goal** is where the journey is meant to end
 * (an order completed, a final survey): leaving after it is success, so it is never a
 * drop-off pain point. A **moment of truth** is a touchpoint the team marks as decisive
 * for the relationship: the map shows its NPS and exit rate apart.
 */
export interface MapTouchpoint extends TouchpointRef {
  goal?: boolean;
  momentOfTruth?: boolean;
}

/** One stage of a project's journey map, in order. */
export interface JourneyStage {
  name: string;
  touchpoints: MapTouchpoint[];
}

/** The map a project starts with: the classic five stages, touchpoints to fill in. */
export const DEFAULT_STAGE_NAMES = [
  'awareness',
  'consideration',
  'decision',
  'retention',
  'advocacy',
] as const;

export interface StagesQuery extends SegmentedQuery {
  /** Bounds (inclusive, epoch ms) of the touchpoints considered. */
  from?: number;
  to?: number;
}

/** Feedback left after a touchpoint: `feedback` events with `kind: "nps"`, one per person (the first after it). */
export interface FeedbackSummary {
  responses: number;
  /** Mean NPS score (0–10); null without responses. */
  averageScore: number | null;
  /** % promoters (9–10) − % detractors (0–6), −100 to 100; null without responses. */
  nps: number | null;
}

/**
 * CSAT left after a touchpoint: `feedback` events with `kind: "csat"` and a score from 1
 * to 5, one per person (the first after it), attributed as NPS is.
 */
export interface CsatSummary {
  responses: number;
  /** Mean CSAT score (1–5); null without responses. */
  averageScore: number | null;
  /** % of the answers that are satisfied (4 or 5), 0–100; null without responses. */
  satisfied: number | null;
}

export interface TouchpointStats extends FeedbackSummary {
  name: string;
  channel: string | null;
  events: number;
  persons: number;
  /** Share of the persons who had this touchpoint and did nothing after it (0–1). */
  exitRate: number;
  byChannel: Array<{ channel: string | null; events: number }>;
  csat: CsatSummary;
  /** As marked on the map (see `MapTouchpoint`). */
  goal: boolean;
  momentOfTruth: boolean;
}

export interface StageStats {
  name: string;
  /** Persons with at least one of the stage's touchpoints. */
  persons: number;
  /** Of the persons who reached the previous stage, the share who reached this one afterwards (null for the first). */
  conversionFromPrevious: number | null;
  /**
   * Persons who reached this stage without ever reaching the previous one in the range
   * (null for the first): stage figures are not capped by the stage before, and a
   * journey that skips a stage shows as such.
   */
  withoutPrevious: number | null;
  /**
   * NPS given after the stage: per person who reached it, the first answer after their
   * first touchpoint of it (as for a touchpoint). Across stages, the map's emotion curve.
   */
  feedback: FeedbackSummary;
  /** CSAT given after the stage, attributed as `feedback`. */
  csat: CsatSummary;
  touchpoints: TouchpointStats[];
}

/**
 * Feedback per channel: the persons who had one of the map's touchpoints in the range on
 * that channel, and per person the first answer (NPS, CSAT apart) after their first such
 * touchpoint on it. `channel` null: touchpoints sent without one.
 */
export interface ChannelFeedback {
  channel: string | null;
  persons: number;
  nps: FeedbackSummary;
  csat: CsatSummary;
}

export interface PainPoint {
  stage: string;
  touchpoint: string;
  channel: string | null;
  /** Most exits after it; lowest NPS; lowest CSAT, below {@link CSAT_SATISFIED_MARK}. */
  reason: 'drop-off' | 'low score' | 'low satisfaction';
  exitRate: number;
  nps: number | null;
  /** CSAT's % satisfied after it (0–100), null without answers. */
  csat: number | null;
}

/** Below this % of satisfied answers a touchpoint's CSAT is a pain point (80%: the usual "good" mark). */
export const CSAT_SATISFIED_MARK = 80;

/**
 * How persons lived the map's stage order: of the persons who reached any stage, those
 * who reached stages 1, 2, …, k in that order (none skipped, none before the one
 * designed to come first), and the most common other orders (stages by first reach).
 */
export interface DesignedOrder {
  persons: number;
  following: number;
  deviations: Array<{ stages: string[]; persons: number }>;
}

export interface StagesResult {
  stages: StageStats[];
  designedOrder: DesignedOrder;
  /** Most persons first, then by channel (none first). */
  channels: ChannelFeedback[];
  /** Touchpoints followed by the most exits, then those with the lowest NPS. */
  painPoints: PainPoint[];
}

/** How conversions are credited to channels: see `ConversionAttribution` for each model. */
export const ATTRIBUTION_MODELS = ['first', 'last', 'any'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export interface OverviewQuery extends SegmentedQuery {
  /** Inclusive range, epoch ms; at most 366 days. */
  from: number;
  to: number;
  /** The touchpoint that counts as a conversion. Default: those of the `decision` stage. */
  conversion?: TouchpointRef;
  /** How `attribution` credits conversions to channels. Default `last` (last touch). */
  attribution?: AttributionModel;
  /**
   * The IANA zone its days follow. Default: the project's zone
   * (`Project.timeZone`; see `ZoneCalendar`).
   */
  timeZone?: string;
}

export interface OverviewRow {
  persons: number;
  events: number;
  /** Persons who converted. */
  conversions: number;
}

export interface OverviewResult {
  /** One row per UTC day of the range, oldest first. */
  days: Array<OverviewRow & { day: string; npsResponses: number; nps: number | null }>;
  /** Per channel over the whole range, most events first (null: events without a channel). */
  channels: Array<OverviewRow & { channel: string | null }>;
  totals: OverviewRow & { npsResponses: number; nps: number | null };
  /**
   * Persons converting in the range, credited to channels under `model` (`first` and
   * `last` add up to `totals.conversions`; `any` to more). `channels[].conversions`
   * above counts the conversion event's own channel only.
   */
  attribution: { model: AttributionModel; channels: Array<{ channel: string | null; conversions: number }> };
}
