import { analyseAnyOrderFunnel } from './analyseAnyOrderFunnel.js';
import type { CompiledFunnel } from './compileFunnel.js';

export {
  checkFunnelQuery,
  compileFunnel,
  getQueryProperties,
  MAX_FUNNEL_STEPS,
  MAX_QUERY_PROPERTIES,
  type CompiledFunnel,
} from './compileFunnel.js';

/** How far one person got, along which chain of touchpoints, and whether their window is still open. */
export interface PersonFunnel {
  /** Steps reached, 0 to stepCount. */
  reached: number;
  /** When the chosen chain starts (its window's anchor); NaN when reached is 0. */
  startTime: number;
  /** Position of the chosen chain's step-1 touchpoint (the breakdown's); -1 when reached is 0. */
  first: number;
  /** Per step reached (the first `reached` entries), ms from `startTime` to when the chain had reached it. */
  times: ArrayLike<number>;
  /**
   * Short of the last step, with a window still open: some chain reaching `reached`
   * started at t with `t + windowMs > openUntil`.
   */
  inProgress: boolean;
}

/** Scratch space reused across persons, so a funnel does not allocate per person. */
export class FunnelScratch {
  open: Float64Array;
  latest: Float64Array;
  /** The levels before a group of equal-time touchpoints (they never chain to each other). */
  before: Float64Array;
  masks = new Int32Array(64);
  /** The union of the masks `masksOf` or `selectRelevant` computed last. */
  union = 0;
  /**
   * The touchpoints that match a step or an exclusion, as `selectRelevant` found them:
   * their index in the person's list, time, step mask and exclusion mask.
   */
  at = new Int32Array(64);
  when = new Float64Array(64);
  steps = new Int32Array(64);
  ends = new Int32Array(64);
  /** The times of the chain being timed, and the answer: reused, valid until the next person. */
  readonly chain: Float64Array;
  readonly person: PersonFunnel;

  constructor(stepCount: number) {
    this.open = new Float64Array(stepCount);
    this.latest = new Float64Array(stepCount);
    this.before = new Float64Array(stepCount);
    this.chain = new Float64Array(stepCount);
    this.person = { reached: 0, startTime: NaN, first: -1, times: this.chain, inProgress: false };
  }

  /** The step masks of a person's touchpoints, in their order (and their union in `union`). */
  masksOf(events: ReadonlyArray<number>, funnel: CompiledFunnel): Int32Array {
    if (this.masks.length < events.length) this.masks = new Int32Array(events.length * 2);
    const masks = this.masks;
    const matches = funnel.matches;
    let union = 0;
    for (let i = 0; i < events.length; i++) union |= masks[i] = matches(events[i]!);
    this.union = union;
    return masks;
  }

  /**
   * Keeps, in time order, only the touchpoints that match a step or end a chain: the
   * others change no level, and a sequence funnel walks the rest without them.
   * Returns how many; their union of step masks is in `union`.
   */
  selectRelevant(events: ReadonlyArray<number>, time: Float64Array, funnel: CompiledFunnel): number {
    const n = events.length;
    if (this.at.length < n) this._grow(n * 2);
    const { at, when, steps, ends } = this;
    const { matches, excludes, byName } = funnel;
    let union = 0;
    let m = 0;
    if (byName !== undefined && excludes === undefined) {
      // The common funnel, by name alone: the same loop without a call per touchpoint.
      const { stepsByName, names } = byName;
      for (let i = 0; i < n; i++) {
        const position = events[i]!;
        const mask = stepsByName[names[position]!]!;
        if (mask === 0) continue;
        union |= mask;
        at[m] = i;
        when[m] = time[position]!;
        steps[m] = mask;
        ends[m] = 0;
        m++;
      }
      this.union = union;
      return m;
    }
    for (let i = 0; i < n; i++) {
      const position = events[i]!;
      const mask = matches(position);
      const excluded = excludes === undefined ? 0 : excludes(position);
      if (mask === 0 && excluded === 0) continue;
      union |= mask;
      at[m] = i;
      when[m] = time[position]!;
      steps[m] = mask;
      ends[m] = excluded;
      m++;
    }
    this.union = union;
    return m;
  }

  private _grow(length: number): void {
    this.at = new Int32Array(length);
    this.when = new Float64Array(length);
    this.steps = new Int32Array(length);
    this.ends = new Int32Array(length);
  }
}

const NONE = -Infinity;
const NOBODY: PersonFunnel = { reached: 0, startTime: NaN, first: -1, times: [], inProgress: false };

/**
 * A person's funnel under the query's order: see {@link analyseSequenceFunnel} and
 * `analyseAnyOrderFunnel`. The answer may be `scratch`'s own: read it before the next call.
 */
export function analysePersonFunnel(
  events: ReadonlyArray<number>,
  time: Float64Array,
  funnel: CompiledFunnel,
  scratch: FunnelScratch = new FunnelScratch(funnel.stepCount),
): PersonFunnel {
  return funnel.order === 'any'
    ? analyseAnyOrderFunnel(events, time, funnel, scratch)
    : analyseSequenceFunnel(events, time, funnel, scratch);
}

/**
 * Exact funnel semantics for one person's sorted touchpoints, in sequence: step k is
 * reached when touchpoints matching steps 1..k occur at strictly increasing times,
 * step k at most `windowMs` after step 1, and no exclusion with `afterStep` j happens
 * strictly between the chain's step j and step j + 1. The start reaching furthest is
 * used; among those, the earliest, each step timed when that start first reaches it.
 *
 * First pass: per level, the latest start of a chain reaching it (`latest`: in
 * progress), and of one that may still go further (`open`: no exclusion since its
 * last step). A later start leaves more window, so it dominates. Touchpoints with
 * equal times are processed as a group against the state before the group, so they
 * never chain to each other; an exclusion ends the chains open before its time.
 * Second pass: from each start in time order, the levels it can reach (a bitmask per
 * touchpoint group), until one start reaches the first pass's maximum.
 */
export function analyseSequenceFunnel(
  events: ReadonlyArray<number>,
  time: Float64Array,
  funnel: CompiledFunnel,
  scratch: FunnelScratch,
): PersonFunnel {
  const { stepCount, windowMs, from, to } = funnel;
  const { open, latest, before } = scratch;
  const n = scratch.selectRelevant(events, time, funnel);
  // Nobody without a step-1 touchpoint: most of a large project's persons, in a narrow funnel.
  if ((scratch.union & 1) === 0) return NOBODY;
  const { when: times, steps, ends } = scratch;
  // A loop, not `fill`: a builtin call per person costs more than a few stores.
  for (let k = 0; k < stepCount; k++) open[k] = latest[k] = NONE;
  let hasStart = false;
  for (let i = 0; i < n;) {
    // The group of touchpoints at time t is [i, j).
    const t = times[i]!;
    let j = i + 1;
    while (j < n && times[j] === t) j++;
    if (j - i === 1 && ends[i] === 0) {
      hasStart = advance(open, open, latest, steps[i]!, t, funnel) || hasStart;
    } else {
      before.set(open);
      for (let g = i; g < j; g++) {
        const ended = ends[g]!;
        for (let level = 0; ended >>> level !== 0; level++) if ((ended >>> level) & 1) open[level] = NONE;
      }
      for (let g = i; g < j; g++) {
        if (steps[g] !== 0) hasStart = advance(before, open, latest, steps[g]!, t, funnel) || hasStart;
      }
    }
    i = j;
  }
  if (!hasStart) return NOBODY;
  let reached = 0;
  while (reached < stepCount && latest[reached] !== NONE) reached++;
  const inProgress = reached < stepCount && latest[reached - 1]! + windowMs > funnel.openUntil;

  for (let s = 0; s < n; s++) {
    const startTime = times[s]!;
    if ((steps[s]! & 1) === 0 || startTime < from || startTime > to) continue;
    if (timeChainFrom(scratch, n, s, reached, windowMs) < reached) continue;
    const person = scratch.person;
    person.reached = reached;
    person.startTime = startTime;
    person.first = events[scratch.at[s]!]!;
    person.inProgress = inProgress;
    return person;
  }
  throw new Error('funnel: no start reaches the level the first pass found');
}

/**
 * From the relevant touchpoint `s` of `scratch` (`selectRelevant`'s `n`): per level
 * reached (at most `goal`), ms from the start to the first time the level is reached,
 * written to `scratch.chain`; returns the levels reached. `open` bit l: some chain from
 * this start has reached step l + 1 and may go further (no exclusion since its
 * step-(l + 1) touchpoint).
 */
function timeChainFrom(scratch: FunnelScratch, n: number, s: number, goal: number, windowMs: number): number {
  const { when: times, steps, ends, chain: out } = scratch;
  const startTime = times[s]!;
  out[0] = 0;
  let reached = 1;
  let open = 1;
  let q = s + 1;
  while (q < n && times[q] === startTime) q++;
  while (q < n && reached < goal) {
    const t = times[q]!;
    if (t - startTime > windowMs) break;
    let g = q;
    while (g < n && times[g] === t) g++;
    const before = open;
    for (let e = q; e < g; e++) open &= ~ends[e]!;
    for (let e = q; e < g; e++) open |= steps[e]! & (before << 1);
    while (reached < goal && (open >>> reached) & 1) out[reached++] = t - startTime;
    q = g;
  }
  return reached;
}

/** Applies one touchpoint at time t, reading levels from `before` and writing to `open` and `latest`. */
function advance(
  before: Float64Array,
  open: Float64Array,
  latest: Float64Array,
  mask: number,
  t: number,
  funnel: CompiledFunnel,
): boolean {
  // Highest step first, so that in single-event mode a touchpoint never chains to itself.
  for (let rest = mask & ~1; rest !== 0;) {
    const k = 31 - Math.clz32(rest);
    rest ^= 1 << k;
    const start = before[k - 1]!;
    if (start === NONE || t - start > funnel.windowMs) continue;
    if (start > open[k]!) open[k] = start;
    if (start > latest[k]!) latest[k] = start;
  }
  if (mask & 1 && t >= funnel.from && t <= funnel.to) {
    if (t > open[0]!) open[0] = t;
    if (t > latest[0]!) latest[0] = t;
    return true;
  }
  return false;
}
