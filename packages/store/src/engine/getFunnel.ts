import type { PropertyValue } from '@parcours/schema';
import { analysePersonFunnel, compileFunnel, type CompiledFunnel } from './analyseFunnel.js';
import type { JourneyIndex } from './JourneyIndex.js';
import { median } from './median.js';
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

  add(reached: number, chain: ReadonlyArray<number>, time: Float64Array, inProgress: boolean): void {
    if (inProgress) this._inProgress[reached]!++;
    const start = time[chain[0]!]!;
    for (let k = 0; k < reached; k++) {
      const n = this.counts[k]!;
      let times = this._times[k]!;
      if (n === times.length) {
        const grown = new Float64Array(n * 2);
        grown.set(times);
        this._times[k] = times = grown;
      }
      times[n] = time[chain[k]!]! - start;
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

/** Counts persons (identities merged) reaching each step of a funnel. See analysePersonFunnel. */
export function getFunnel(index: JourneyIndex, query: FunnelQuery): FunnelResult {
  const funnel = compileFunnel(index, query);
  const time = index.time.data;
  const total = new FunnelTally(funnel.stepCount);
  const breakdownOf =
    query.breakdown === undefined ? undefined : createBreakdownReader(index, query.breakdown);
  const byValue = new LargeMap<number, FunnelTally>();
  const state = new Float64Array(funnel.stepCount);
  index.forEachPerson((events) => {
    const { reached, chain, inProgress } = analysePersonFunnel(events, time, funnel, state);
    if (reached === 0) return;
    total.add(reached, chain, time, inProgress);
    if (breakdownOf === undefined) return;
    const cell = breakdownOf.cell(chain[0]!);
    let tally = byValue.get(cell);
    if (tally === undefined) byValue.set(cell, (tally = new FunnelTally(funnel.stepCount)));
    tally.add(reached, chain, time, inProgress);
  });
  const result: FunnelResult = { steps: total.toSteps(query) };
  if (breakdownOf !== undefined) {
    result.breakdown = [...byValue]
      .sort(([a, x], [b, y]) => y.counts[0]! - x.counts[0]! || a - b)
      .slice(0, MAX_BREAKDOWN_VALUES)
      .map(([cell, tally]) => ({ value: breakdownOf.decode(cell), steps: tally.toSteps(query) }));
  }
  return result;
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

export type { CompiledFunnel };
