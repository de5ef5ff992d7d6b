// Brute-force references for the engine's property tests: written from the issue's
// definitions, as plainly as possible, with no shared code with the engine.
import type { Event } from '@parcours/schema';
import type { FunnelDriversQuery, FunnelQuery, PathsQuery } from './types.js';
import { referencePathCounts } from './pathsReference.js';

export interface ReferencePerson {
  personId: string;
  anonymousIds: string[];
  userIds: string[];
  /** Touchpoints (no identify), by time then arrival. */
  touchpoints: Event[];
  /** Every event of the person, identifies included, by time then arrival. */
  timeline: Event[];
}

/**
 * Persons by issue 13's rule, checked event by event: an event carrying a user id is
 * that user's; any other event is the user's of the latest event carrying a user id
 * on its device at or before it (time, then arrival), or of the device's first such
 * event when there is none before it; a device with none is its own person. Every
 * person, even one with identifies only. Person ids: `user:<id>`, or the device id.
 */
export function referenceTimelines(events: Event[]): ReferencePerson[] {
  const arrival = new Map(events.map((e, i) => [e, i]));
  const order = (x: Event, y: Event) => x.timestamp - y.timestamp || arrival.get(x)! - arrival.get(y)!;
  const ownerOf = (e: Event): string => {
    if (e.userId !== undefined) return `user:${e.userId}`;
    const links = events.filter((l) => l.anonymousId === e.anonymousId && l.userId !== undefined).sort(order);
    if (links.length === 0) {
      const plain = !e.anonymousId.startsWith('user:') && !e.anonymousId.startsWith('device:');
      return plain ? e.anonymousId : `device:${e.anonymousId}`;
    }
    const atOrBefore = links.filter((l) => order(l, e) <= 0);
    return `user:${(atOrBefore[atOrBefore.length - 1] ?? links[0]!).userId}`;
  };
  const byOwner = new Map<string, Event[]>();
  for (const e of events) byOwner.set(ownerOf(e), [...(byOwner.get(ownerOf(e)) ?? []), e]);
  return [...byOwner].map(([personId, owned]) => {
    const timeline = owned.sort(order);
    const userId = personId.startsWith('user:') ? personId.slice(5) : undefined;
    const anonymousIds =
      userId === undefined
        ? [timeline[0]!.anonymousId]
        : [...new Set(events.filter((e) => e.userId === userId).map((e) => e.anonymousId))].sort();
    return {
      personId,
      anonymousIds,
      userIds: userId === undefined ? [] : [userId],
      touchpoints: timeline.filter((e) => e.type !== 'identify'),
      timeline,
    };
  });
}

/** The persons with at least one touchpoint: those the journey engine counts. */
export function referencePersons(events: Event[]): ReferencePerson[] {
  return referenceTimelines(events).filter((person) => person.touchpoints.length > 0);
}

function matchesStep(e: Event, step: FunnelQuery['steps'][number]): boolean {
  if (e.name !== step.name) return false;
  if (step.channel !== undefined && e.channel !== step.channel) return false;
  for (const [key, value] of Object.entries(step.where ?? {})) {
    if (!e.properties || !(key in e.properties) || e.properties[key] !== value) return false;
  }
  return true;
}

/** True when a touchpoint ends chains between step `afterStep` and the next (an exclusion of the query). */
function isExcludedAfter(e: Event, afterStep: number, query: FunnelQuery): boolean {
  return (query.exclusions ?? []).some(
    (x) =>
      x.afterStep === afterStep && x.name === e.name && (x.channel === undefined || x.channel === e.channel),
  );
}

function isInRange(t: number, query: FunnelQuery): boolean {
  return (query.from === undefined || t >= query.from) && (query.to === undefined || t <= query.to);
}

/** How far a person gets, trying every chain from every start; the chosen start and per-step times. */
export function referencePersonFunnel(person: ReferencePerson, query: FunnelQuery) {
  return query.order === 'any'
    ? referenceAnyOrderFunnel(person, query)
    : referenceSequenceFunnel(person, query);
}

function referenceSequenceFunnel(person: ReferencePerson, query: FunnelQuery) {
  const tps = person.touchpoints;
  const { steps, windowMs } = query;
  // The chain's step-`level` touchpoint is tps[i]: can tps[j] be its step level + 1?
  const follows = (start: number, i: number, j: number, level: number) => {
    const e = tps[j]!;
    const [ti, tj] = [tps[i]!.timestamp, e.timestamp];
    return (
      tj > ti &&
      tj - tps[start]!.timestamp <= windowMs &&
      matchesStep(e, steps[level]!) &&
      !tps.some((x) => x.timestamp > ti && x.timestamp < tj && isExcludedAfter(x, level, query))
    );
  };
  // Best level reachable from a chain whose last step is `level` at index i.
  const deepest = (start: number, i: number, level: number): number => {
    let best = level;
    for (let j = i + 1; j < tps.length && level < steps.length; j++) {
      if (follows(start, i, j, level)) best = Math.max(best, deepest(start, j, level + 1));
    }
    return best;
  };
  // Earliest time step k (1-based) can be reached on a chain from start.
  const earliest = (start: number, k: number): number | undefined => {
    let result: number | undefined;
    const walk = (i: number, level: number) => {
      if (level === k) {
        if (result === undefined || tps[i]!.timestamp < result) result = tps[i]!.timestamp;
        return;
      }
      for (let j = i + 1; j < tps.length; j++) if (follows(start, i, j, level)) walk(j, level + 1);
    };
    walk(start, 1);
    return result;
  };
  let reached = 0;
  let chosen = -1;
  const levels: Array<{ start: number; level: number }> = [];
  tps.forEach((e, s) => {
    if (!matchesStep(e, steps[0]!) || !isInRange(e.timestamp, query)) return;
    const level = deepest(s, s, 1);
    levels.push({ start: e.timestamp, level });
    if (level > reached) {
      reached = level;
      chosen = s;
    }
  });
  const times: number[] = [];
  for (let k = 1; k <= reached; k++) times.push(earliest(chosen, k)! - tps[chosen]!.timestamp);
  const start = chosen === -1 ? undefined : tps[chosen];
  return {
    reached,
    start,
    startTime: start?.timestamp,
    times,
    inProgress: isInProgress(levels, reached, query),
  };
}

/**
 * Any order, from the definition: a chain reaching step k is a touchpoint for each of
 * steps 1..k, the earliest of them at m (in range), all at most windowMs after m.
 * Every touchpoint time m is tried; for each k, whether such a chain exists.
 */
function referenceAnyOrderFunnel(person: ReferencePerson, query: FunnelQuery) {
  const tps = person.touchpoints;
  const { steps, windowMs } = query;
  const inWindow = (m: number, step: FunnelQuery['steps'][number]) =>
    tps.filter((e) => matchesStep(e, step) && e.timestamp >= m && e.timestamp <= m + windowMs);
  const chainExists = (m: number, k: number) => {
    const firstK = steps.slice(0, k);
    return (
      firstK.every((step) => inWindow(m, step).length > 0) &&
      firstK.some((step) => inWindow(m, step).some((e) => e.timestamp === m))
    );
  };
  let reached = 0;
  let chosen: number | undefined;
  const levels: Array<{ start: number; level: number }> = [];
  for (const m of [...new Set(tps.map((e) => e.timestamp))].sort((a, b) => a - b)) {
    if (!isInRange(m, query)) continue;
    let level = 0;
    for (let k = 1; k <= steps.length; k++) if (chainExists(m, k)) level = k;
    levels.push({ start: m, level });
    if (level > reached) {
      reached = level;
      chosen = m;
    }
  }
  if (chosen === undefined)
    return { reached, start: undefined, startTime: undefined, times: [], inProgress: false };
  const m = chosen;
  // Step k is done when the last of steps 1..k first is.
  const times = steps
    .slice(0, reached)
    .map((_, k) => Math.max(...steps.slice(0, k + 1).map((step) => inWindow(m, step)[0]!.timestamp)) - m);
  return {
    reached,
    // The breakdown reads the chain's step-1 touchpoint.
    start: inWindow(m, steps[0]!)[0],
    startTime: m,
    times,
    inProgress: isInProgress(levels, reached, query),
  };
}

/**
 * In progress: short of the last step, and some chain reaching that far started
 * late enough that its window is still open at the end of the range.
 */
function isInProgress(levels: Array<{ start: number; level: number }>, reached: number, query: FunnelQuery) {
  const openUntil = query.to ?? query.now ?? Date.now();
  return (
    reached > 0 &&
    reached < query.steps.length &&
    levels.some(({ start, level }) => level === reached && start + query.windowMs > openUntil)
  );
}

function referenceMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function referenceSteps(results: Array<ReturnType<typeof referencePersonFunnel>>, query: FunnelQuery) {
  const count = (k: number) => results.filter((r) => r.reached > k).length;
  const inProgress = (k: number) => results.filter((r) => r.reached === k && r.inProgress).length;
  return query.steps.map((step, k) => ({
    name: step.name,
    count: count(k),
    conversionRate: count(0) === 0 ? 0 : count(k) / count(0),
    dropOff: k === 0 ? 0 : count(k - 1) - count(k),
    inProgress: k === 0 ? 0 : inProgress(k),
    abandoned: k === 0 ? 0 : count(k - 1) - count(k) - inProgress(k),
    medianTimeToConvertMs: referenceMedian(results.filter((r) => r.reached > k).map((r) => r.times[k]!)),
  }));
}

/** The Monday (UTC) of a time's week, YYYY-MM-DD, by the calendar. */
function referenceWeek(t: number): string {
  const day = new Date(t);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday);
  return new Date(monday).toISOString().slice(0, 10);
}

const MINUTE = 60_000;
/** Time-to-convert buckets as the dashboard shows them: [from, to) in ms. */
const REFERENCE_BUCKETS: Array<[number, number | null]> = [
  [0, MINUTE],
  [MINUTE, 10 * MINUTE],
  [10 * MINUTE, 60 * MINUTE],
  [60 * MINUTE, 360 * MINUTE],
  [360 * MINUTE, 1_440 * MINUTE],
  [1_440 * MINUTE, 3 * 1_440 * MINUTE],
  [3 * 1_440 * MINUTE, 7 * 1_440 * MINUTE],
  [7 * 1_440 * MINUTE, 30 * 1_440 * MINUTE],
  [30 * 1_440 * MINUTE, null],
];

export function referenceFunnel(events: Event[], query: FunnelQuery) {
  const results = referencePersons(events)
    .map((p) => referencePersonFunnel(p, query))
    .filter((r) => r.reached > 0);
  const K = query.steps.length;
  const weeks = [...new Set(results.map((r) => referenceWeek(r.startTime!)))].sort();
  const converted = results.filter((r) => r.reached === K).map((r) => r.times[K - 1]!);
  const out: {
    steps: ReturnType<typeof referenceSteps>;
    breakdown?: unknown;
    overTime: unknown;
    timeToConvert: unknown;
  } = {
    steps: referenceSteps(results, query),
    overTime: weeks.map((week) => {
      const counts = query.steps.map(
        (_, k) => results.filter((r) => referenceWeek(r.startTime!) === week && r.reached > k).length,
      );
      return { week, counts, conversionRate: counts[K - 1]! / counts[0]! };
    }),
    timeToConvert: REFERENCE_BUCKETS.map(([fromMs, toMs]) => ({
      fromMs,
      toMs,
      persons: converted.filter((ms) => ms >= fromMs && (toMs === null || ms < toMs)).length,
    })),
  };
  if (query.breakdown !== undefined) {
    const valueOf = (e: Event) =>
      (query.breakdown === 'channel' ? e.channel : e.properties?.[query.breakdown!]) ?? null;
    const groups = new Map<string, typeof results>();
    for (const r of results) {
      const key = JSON.stringify(valueOf(r.start!));
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    out.breakdown = [...groups].map(([key, group]) => ({
      value: JSON.parse(key) as unknown,
      steps: referenceSteps(group, query),
    }));
  }
  return out;
}

export function referencePaths(events: Event[], query: Omit<PathsQuery, 'limit'>) {
  return new Map([...referencePathCounts(events, query)].map(([key, { count }]) => [key, count]));
}

/**
 * Funnel drivers from their definition: for every person who reached `step`, the
 * touchpoints from their chosen chain's start up to (not including) the time it
 * reached the next step, or to the end of their window when it did not; each
 * touchpoint name, channel and value of a named property among them, once a person.
 */
export function referenceFunnelDrivers(events: Event[], query: FunnelDriversQuery) {
  const population = referencePersons(events)
    .map((person) => ({ person, funnel: referencePersonFunnel(person, query) }))
    .filter(({ funnel }) => funnel.reached >= query.step);
  const converted = population.filter(({ funnel }) => funnel.reached > query.step).length;
  const tally = new Map<
    string,
    { kind: string; name: string; value?: unknown; persons: number; converted: number }
  >();
  for (const { person, funnel } of population) {
    const start = funnel.startTime!;
    const didConvert = funnel.reached > query.step;
    const before = person.touchpoints.filter((e) =>
      didConvert
        ? e.timestamp >= start && e.timestamp < start + funnel.times[query.step]!
        : e.timestamp >= start && e.timestamp <= start + query.windowMs,
    );
    const features = new Map<string, { kind: string; name: string; value?: unknown }>();
    for (const e of before) {
      features.set(`touchpoint ${e.name}`, { kind: 'touchpoint', name: e.name });
      if (e.channel !== undefined) features.set(`channel ${e.channel}`, { kind: 'channel', name: e.channel });
      for (const name of query.properties ?? []) {
        const value = e.properties?.[name];
        if (value !== undefined) {
          features.set(`property ${name} ${JSON.stringify(value)}`, { kind: 'property', name, value });
        }
      }
    }
    for (const [key, feature] of features) {
      const counts = tally.get(key) ?? { ...feature, persons: 0, converted: 0 };
      counts.persons++;
      if (didConvert) counts.converted++;
      tally.set(key, counts);
    }
  }
  const kinds = ['touchpoint', 'channel', 'property'];
  const bytes = (s: string) => Buffer.from(s);
  const drivers = [...tally.values()]
    .filter((d) => d.persons >= (query.minPersons ?? 1) && d.persons < population.length)
    .map((d) => {
      const conversionRate = d.converted / d.persons;
      const conversionRateWithout = (converted - d.converted) / (population.length - d.persons);
      return { ...d, conversionRate, conversionRateWithout, lift: conversionRate - conversionRateWithout };
    })
    .sort(
      (a, b) =>
        Math.abs(b.lift) - Math.abs(a.lift) ||
        b.persons - a.persons ||
        kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
        Buffer.compare(bytes(a.name), bytes(b.name)) ||
        Buffer.compare(bytes(JSON.stringify(a.value ?? '')), bytes(JSON.stringify(b.value ?? ''))),
    )
    .slice(0, 10);
  return { step: query.step, persons: population.length, converted, drivers };
}
