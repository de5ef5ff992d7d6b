import type { FunnelExclusion, FunnelOrder, FunnelQuery } from './types.js';
import type { JourneyIndex } from './JourneyIndex.js';
import { QueryBudgetError } from './journeyErrors.js';

/** A funnel's steps compiled against an index: per touchpoint, a bitmask of the steps it matches. */
export interface CompiledFunnel {
  stepCount: number;
  order: FunnelOrder;
  windowMs: number;
  from: number;
  to: number;
  /** The end of the range for "in progress": `to`, or the time of the question. */
  openUntil: number;
  /** Touchpoint position → bitmask of matched steps (bit k = step k + 1). */
  matches: (position: number) => number;
  /**
   * When no step filters on channel or properties, `matches` is
   * `stepsByName[names[position]]`: the two arrays, for loops that read them directly
   * (a call per touchpoint was a tenth of a funnel's time); undefined otherwise.
   */
  byName: { stepsByName: Int32Array; names: ArrayLike<number> } | undefined;
  /**
   * Touchpoint position → bitmask of the steps it ends a chain after (bit k: an
   * exclusion with `afterStep` k + 1); undefined when the funnel has no exclusions.
   */
  excludes: ((position: number) => number) | undefined;
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

/**
 * Refuses a funnel no engine answers, with the same errors on every engine: too few or
 * many steps (RangeError), too many properties (QueryBudgetError), an exclusion after
 * no step or with the `any` order (RangeError). The API checks the same earlier.
 */
export function checkFunnelQuery(query: FunnelQuery): void {
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
  const exclusions = query.exclusions ?? [];
  if (exclusions.length > 0 && query.order === 'any') {
    throw new RangeError(
      'exclusions need the sequence order: "between two steps" has no meaning in any order',
    );
  }
  for (const { afterStep } of exclusions) {
    if (!Number.isInteger(afterStep) || afterStep < 1 || afterStep >= stepCount) {
      throw new RangeError(`an exclusion's afterStep is 1 to ${stepCount - 1}`);
    }
  }
}

/** Resolves step names, channels and property filters to dictionary ids once per query. */
export function compileFunnel(index: JourneyIndex, query: FunnelQuery): CompiledFunnel {
  checkFunnelQuery(query);
  const stepCount = query.steps.length;
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
    order: query.order ?? 'sequence',
    windowMs: query.windowMs,
    from: query.from ?? -Infinity,
    to: query.to ?? Infinity,
    openUntil: query.to ?? query.now ?? Date.now(),
    matches,
    byName: filters.length === 0 ? { stepsByName: byName, names } : undefined,
    excludes: compileExclusions(index, query.exclusions ?? []),
  };
}

/** Per touchpoint, the bitmask of the steps after which it ends a chain. */
function compileExclusions(
  index: JourneyIndex,
  exclusions: ReadonlyArray<FunnelExclusion>,
): ((position: number) => number) | undefined {
  if (exclusions.length === 0) return undefined;
  const names = index.name.data;
  const channels = index.channel.data;
  // Name id → (channel cell → bits), channel cell -1 standing for "any channel".
  const byName = new Map<number, Array<{ channelCell: number; bit: number }>>();
  for (const { name, channel, afterStep } of exclusions) {
    const nameId = index.names.find(name);
    const channelCell = channel === undefined ? -1 : index.channels.find(channel) + 1;
    if (nameId === -1 || channelCell === 0) continue; // never happened: ends no chain
    const rules = byName.get(nameId) ?? [];
    rules.push({ channelCell, bit: 1 << (afterStep - 1) });
    byName.set(nameId, rules);
  }
  const rulesByName: Array<Array<{ channelCell: number; bit: number }> | undefined> = [];
  for (const [nameId, rules] of byName) rulesByName[nameId] = rules;
  return (position) => {
    const rules = rulesByName[names[position]!];
    if (rules === undefined) return 0;
    let mask = 0;
    for (const { channelCell, bit } of rules) {
      if (channelCell === -1 || channels[position] === channelCell) mask |= bit;
    }
    return mask;
  };
}
