import type { DesignedOrder } from './types.js';

/** Deviations from the designed stage order returned at most, most persons first. */
export const DESIGNED_ORDER_DEVIATIONS = 5;

/**
 * The stages a person reached, in the order they first reached them (equal times in
 * the map's order): stage indexes, from each stage's first time (Infinity: not reached).
 */
export function toLivedOrder(firstStageTime: ArrayLike<number>): number[] {
  const reached: number[] = [];
  for (let s = 0; s < firstStageTime.length; s++) if (firstStageTime[s] !== Infinity) reached.push(s);
  return reached.sort((a, b) => firstStageTime[a]! - firstStageTime[b]! || a - b);
}

/** True when a lived order is the designed one so far: stages 1, 2, …, k, none skipped, none out of order. */
export function followsDesign(lived: ReadonlyArray<number>): boolean {
  return lived.every((stage, i) => stage === i);
}

/**
 * The designed-order figures from persons counted per lived order (`key`: stage indexes
 * joined by commas, as `toLivedOrder` gives them; persons who reached no stage left
 * out): how many follow the design, and the most common other orders. Shared by the
 * engines, so that ties are ranked alike (persons, then the order's stage indexes).
 */
export function summariseDesignedOrder(
  stageNames: ReadonlyArray<string>,
  personsByOrder: ReadonlyMap<string, number>,
): DesignedOrder {
  let persons = 0;
  let following = 0;
  const deviations: Array<{ order: number[]; persons: number }> = [];
  for (const [key, count] of personsByOrder) {
    const order = key.split(',').map(Number);
    persons += count;
    if (followsDesign(order)) following += count;
    else deviations.push({ order, persons: count });
  }
  deviations.sort((a, b) => b.persons - a.persons || compareOrders(a.order, b.order));
  return {
    persons,
    following,
    deviations: deviations.slice(0, DESIGNED_ORDER_DEVIATIONS).map(({ order, persons: count }) => ({
      stages: order.map((s) => stageNames[s]!),
      persons: count,
    })),
  };
}

function compareOrders(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
