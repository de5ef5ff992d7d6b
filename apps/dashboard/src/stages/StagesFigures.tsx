import type { Stages } from '../api/types.js';
import { DesignedOrder } from './DesignedOrder.js';
import { EmotionCurve } from './EmotionCurve.js';
import { PainPoints } from './PainPoints.js';
import { StageColumns } from './StageColumns.js';

/** The journey map's figures: pain points, the designed order as lived, the emotion curve, then the stages as columns. Also what a shared journey map shows. */
export function StagesFigures({ stages }: { stages: Stages }) {
  return (
    <>
      <PainPoints painPoints={stages.painPoints} />
      <DesignedOrder order={stages.designedOrder} />
      <EmotionCurve stages={stages.stages} />
      <StageColumns stages={stages.stages} painPoints={stages.painPoints} />
    </>
  );
}
