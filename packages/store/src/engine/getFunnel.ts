import type { PropertyValue } from '@parcours/schema';
import {
  analysePersonFunnel,
  compileFunnel,
  FunnelScratch,
  type CompiledFunnel,
  type PersonFunnel,
} from './analyseFunnel.js';
import { createFunnelSettings } from './funnelSettings.js';
import { toFunnelWeeks } from './funnelWeeks.js';
import { getZoneCalendar } from '../time/ZoneCalendar.js';
import type { JourneyIndex } from './JourneyIndex.js';
import { median } from './median.js';
import { findTimeToConvertBucket, TIME_TO_CONVERT_BOUNDS, toTimeToConvertBuckets } from './timeToConvert.js';
import type { FunnelQuery, FunnelResult, FunnelStepResult } from './types.js';
import { LargeMap } from './LargeMap.js';

/** Breakdown values returned at most, most persons first. */
export const MAX_BREAKDOWN_VALUES = 50;

/** Per-step tallies of one group of persons (all of them, or one breakdown value). */
class FunnelTally {
  readonly counts: Float64Array;
  /** Step k → persons who stopped before it with a window still open. */
  private readonly _inProgress: Float64Array;
  private readonly _times: Float64Array[];

  constructor(stepCount: number) {
    this.counts = new Float64Array(stepCount);
    this._inProgress = new Float64Array(stepCount);
    this._times = Array.from({ length: stepCount }, () => new Float64Array(16));
  }

  add({ reached, times, inProgress }: PersonFunnel): void {
    if (inProgress) this._inProgress[reached]!++;
    for (let k = 0; k < reached; k++) {
      const n = this.counts[k]!;
      let stepTimes = this._times[k]!;
      if (n === stepTimes.length) {
        const grown = new Float64Array(n * 2);
        grown.set(stepTimes);
        this._times[k] = stepTimes = grown;
      }
      stepTimes[n] = times[k]!;
      this.counts[k] = n + 1;
    }
  }

  toSteps(query: FunnelQuery): FunnelStepResult[] {
    const first = this.counts[0]!;
    return query.steps.map((step, k) => {
      const count = this.counts[k]!;
      const dropOff = k === 0 ? 0 : this.counts[k - 1]! - count;
      const inProgress = k === 0 ? 0 : this._inProgress[k]!;
      return {
        name: step.name,
        count,
        conversionRate: first === 0 ? 0 : count / first,
        dropOff,
        inProgress,
        abandoned: dropOff - inProgress,
        medianTimeToConvertMs: median(this._times[k]!, count),
      };
    });
  }
}

/**
 * Counts persons (identities merged) reaching each step of a funnel, per breakdown
 * value, per week of their chain's start, and by time to convert. See
 * analysePersonFunnel.
 */
export function getFunnel(index: JourneyIndex, query: FunnelQuery): FunnelResult {
  const funnel = compileFunnel(index, query);
  const time = index.time.data;
  const total = new FunnelTally(funnel.stepCount);
  const breakdownOf =
    query.breakdown === undefined ? undefined : createBreakdownReader(index, query.breakdown);
  const byValue = new LargeMap<number, FunnelTally>();
  const byWeek = new Map<number, Float64Array>();
  const calendar = getZoneCalendar(query.timeZone);
  const timeToConvert = new Float64Array(TIME_TO_CONVERT_BOUNDS.length);
  const scratch = new FunnelScratch(funnel.stepCount);
  index.forEachPerson((events) => {
    const person = analysePersonFunnel(events, time, funnel, scratch);
    if (person.reached === 0) return;
    total.add(person);
    addToWeek(byWeek, { week: calendar.getWeek(person.startTime), person }, funnel);
    if (person.reached === funnel.stepCount) {
      timeToConvert[findTimeToConvertBucket(person.times[funnel.stepCount - 1]!)]!++;
    }
    if (breakdownOf === undefined) return;
    const cell = breakdownOf.cell(person.first);
    let tally = byValue.get(cell);
    if (tally === undefined) byValue.set(cell, (tally = new FunnelTally(funnel.stepCount)));
    tally.add(person);
  });
  const result: FunnelResult = {
    steps: total.toSteps(query),
    overTime: toFunnelWeeks(byWeek),
    timeToConvert: toTimeToConvertBuckets(timeToConvert),
    settings: createFunnelSettings(query),
  };
  if (breakdownOf !== undefined) {
    result.breakdown = [...byValue]
      .sort(([a, x], [b, y]) => y.counts[0]! - x.counts[0]! || a - b)
      .slice(0, MAX_BREAKDOWN_VALUES)
      .map(([cell, tally]) => ({ value: breakdownOf.decode(cell), steps: tally.toSteps(query) }));
  }
  return result;
}

/** Counts a person in the week their chain starts, at every step they reached. */
function addToWeek(
  byWeek: Map<number, Float64Array>,
  { week, person }: { week: number; person: PersonFunnel },
  funnel: CompiledFunnel,
): void {
  let counts = byWeek.get(week);
  if (counts === undefined) byWeek.set(week, (counts = new Float64Array(funnel.stepCount)));
  for (let k = 0; k < person.reached; k++) counts[k]!++;
}

/** Reads the breakdown value of a touchpoint as a dictionary cell (0 = none). */
function createBreakdownReader(index: JourneyIndex, breakdown: string) {
  if (breakdown === 'channel') {
    const channels = index.channel.data;
    return {
      cell: (position: number) => channels[position]!,
      decode: (cell: number): PropertyValue => (cell === 0 ? null : index.channels.values[cell - 1]!),
    };
  }
  const column = index.property(breakdown);
  const cells = column.column.data;
  return {
    cell: (position: number) => cells[position]!,
    decode: (cell: number): PropertyValue => index.decodePropertyValue(column, cell) ?? null,
  };
}
