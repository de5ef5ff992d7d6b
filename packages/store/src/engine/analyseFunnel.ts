import type { FunnelQuery } from './types.js';
import type { JourneyIndex } from './JourneyIndex.js';
import { QueryBudgetError } from './journeyErrors.js';

/** A funnel's steps compiled against an index: per touchpoint, a bitmask of the steps it matches. */
export interface CompiledFunnel {
  stepCount: number;
  windowMs: number;
  from: number;
  to: number;
  /** The end of the range for "in progress": `to`, or the time of the question. */
  openUntil: number;
  /** Touchpoint position → bitmask of matched steps (bit k = step k + 1). */
  matches: (position: number) => number;
}

export const MAX_FUNNEL_STEPS = 20;

/**
 * Distinct properties one funnel may filter or break down on (`where` keys of every
 * step, and the breakdown unless it is `channel`). Each one is a column over every
 * touchpoint the first time it is asked: the bound keeps one query's cost bounded.
 */
export const MAX_QUERY_PROPERTIES = 8;

/** The distinct properties a funnel reads: its steps' `where` keys and its breakdown. */
export function getQueryProperties(query: Pick<FunnelQuery, 'steps' | 'breakdown'>): string[] {
  const names = new Set<string>();
  for (const step of query.steps) for (const key of Object.keys(step.where ?? {})) names.add(key);
  if (query.breakdown !== undefined && query.breakdown !== 'channel') names.add(query.breakdown);
  return [...names];
}

/** Resolves step names, channels and property filters to dictionary ids once per query. */
export function compileFunnel(index: JourneyIndex, query: FunnelQuery): CompiledFunnel {
  const stepCount = query.steps.length;
  if (stepCount < 1 || stepCount > MAX_FUNNEL_STEPS) {
    throw new RangeError(`a funnel has 1 to ${MAX_FUNNEL_STEPS} steps`);
  }
  const properties = getQueryProperties(query);
  if (properties.length > MAX_QUERY_PROPERTIES) {
    throw new QueryBudgetError(
      `A funnel reads at most ${MAX_QUERY_PROPERTIES} distinct properties (where keys and breakdown); this one reads ${properties.length}`,
    );
  }
  // Name id → steps with that name.
  const byName = new Int32Array(index.names.size);
  const filters: Array<{ bit: number; test: (position: number) => boolean }> = [];
  query.steps.forEach((step, k) => {
    const nameId = index.names.find(step.name);
    if (nameId === -1) return; // nobody ever did it: the step matches nothing
    const tests: Array<(position: number) => boolean> = [];
    let impossible = false;
    if (step.channel !== undefined) {
      const channelCell = index.channels.find(step.channel) + 1;
      const channels = index.channel.data;
      if (channelCell === 0) impossible = true;
      else tests.push((p) => channels[p] === channelCell);
    }
    for (const [property, value] of Object.entries(step.where ?? {})) {
      const column = index.property(property);
      const cell = index.findPropertyValue(column, value);
      const cells = column.column.data;
      if (cell === -1) impossible = true;
      else tests.push((p) => cells[p] === cell);
    }
    if (impossible) return;
    byName[nameId]! |= 1 << k;
    if (tests.length > 0) filters.push({ bit: 1 << k, test: (p) => tests.every((t) => t(p)) });
  });
  const names = index.name.data;
  const matches =
    filters.length === 0
      ? (position: number) => byName[names[position]!]!
      : (position: number) => {
          let mask = byName[names[position]!]!;
          for (const { bit, test } of filters) if (mask & bit && !test(position)) mask &= ~bit;
          return mask;
        };
  return {
    stepCount,
    windowMs: query.windowMs,
    from: query.from ?? -Infinity,
    to: query.to ?? Infinity,
    openUntil: query.to ?? query.now ?? Date.now(),
    matches,
  };
}

/** How far one person got, and along which chain of touchpoints. */
export interface PersonFunnel {
  /** Steps reached, 0 to stepCount. */
  reached: number;
  /** Positions of the chain's touchpoints, one per step reached (index 0: the chosen start). */
  chain: number[];
  /**
   * Short of the last step, with a window still open: some chain reaching `reached`
   * started at t with `t + windowMs > openUntil` (the latest such start is the first
   * pass's, so one comparison decides it).
   */
  inProgress: boolean;
}

const NONE = -Infinity;

/**
 * Exact funnel semantics for one person's sorted touchpoints: step k is reached when
 * touchpoints matching steps 1..k occur at strictly increasing times, step k at most
 * `windowMs` after step 1. The start reaching furthest is used; among those, the
 * earliest, with each later step at its earliest possible touchpoint.
 *
 * First pass: per level, the latest start time of any chain reaching it (a later start
 * leaves more window, so it dominates). Touchpoints with equal times are processed as
 * a group against the state before the group, so they never chain to each other.
 * Second pass: from each start in time order, the greedy chain (earliest next step,
 * which reaches as far as any chain from that start), until one reaches the maximum.
 */
export function analysePersonFunnel(
  events: ReadonlyArray<number>,
  time: Float64Array,
  funnel: CompiledFunnel,
  state: Float64Array = new Float64Array(funnel.stepCount),
): PersonFunnel {
  const { stepCount, windowMs, from, to, matches } = funnel;
  state.fill(NONE);
  const n = events.length;
  let hasStart = false;
  for (let i = 0; i < n;) {
    const t = time[events[i]!]!;
    let j = i + 1;
    while (j < n && time[events[j]!] === t) j++;
    if (j - i === 1) {
      const mask = matches(events[i]!);
      if (mask !== 0) hasStart = advance(state, state, mask, t, funnel) || hasStart;
    } else {
      const before = state.slice();
      for (let g = i; g < j; g++) {
        const mask = matches(events[g]!);
        if (mask !== 0) hasStart = advance(before, state, mask, t, funnel) || hasStart;
      }
    }
    i = j;
  }
  if (!hasStart) return { reached: 0, chain: [], inProgress: false };
  let reached = 0;
  while (reached < stepCount && state[reached] !== NONE) reached++;
  const inProgress = reached < stepCount && state[reached - 1]! + windowMs > funnel.openUntil;

  for (let s = 0; s < n; s++) {
    const start = events[s]!;
    const startTime = time[start]!;
    if ((matches(start) & 1) === 0 || startTime < from || startTime > to) continue;
    const chain = [start];
    let last = startTime;
    for (let q = s + 1; q < n && chain.length < reached; q++) {
      const position = events[q]!;
      const t = time[position]!;
      if (t - startTime > windowMs) break;
      if (t > last && matches(position) & (1 << chain.length)) {
        chain.push(position);
        last = t;
      }
    }
    if (chain.length === reached) return { reached, chain, inProgress };
  }
  throw new Error('funnel: no start reaches the level the first pass found');
}

/** Applies one touchpoint at time t, reading levels from `before` and writing to `state`. */
function advance(
  before: Float64Array,
  state: Float64Array,
  mask: number,
  t: number,
  funnel: CompiledFunnel,
): boolean {
  // Highest step first, so that in single-event mode a touchpoint never chains to itself.
  for (let k = funnel.stepCount - 1; k >= 1; k--) {
    if ((mask & (1 << k)) === 0) continue;
    const start = before[k - 1]!;
    if (start !== NONE && t - start <= funnel.windowMs && start > state[k]!) state[k] = start;
  }
  if (mask & 1 && t >= funnel.from && t <= funnel.to) {
    if (t > state[0]!) state[0] = t;
    return true;
  }
  return false;
}
