import type { Stages } from '../api/types.js';

type TouchpointStats = Stages['stages'][number]['touchpoints'][number];

export interface MomentOfTruth {
  stage: string;
  touchpoint: TouchpointStats;
}

/** The touchpoints marked as moments of truth, in the map's order, each with its stage. */
export function listMomentsOfTruth(stages: Stages['stages']): MomentOfTruth[] {
  return stages.flatMap((stage) =>
    stage.touchpoints.filter((t) => t.momentOfTruth).map((touchpoint) => ({ stage: stage.name, touchpoint })),
  );
}
