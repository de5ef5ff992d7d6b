import type { Stages } from '../api/types.js';
import { ChannelFeedback } from './ChannelFeedback.js';
import { DesignedOrder } from './DesignedOrder.js';
import { EmotionCurve } from './EmotionCurve.js';
import { MomentsOfTruth } from './MomentsOfTruth.js';
import { PainPoints } from './PainPoints.js';
import { StageColumns } from './StageColumns.js';

/**
 * The journey map's figures: pain points, moments of truth, the designed order as lived,
 * the emotion curve, NPS and CSAT by channel, then the stages as columns. Also what a
 * shared journey map shows.
 */
export function StagesFigures({ stages }: { stages: Stages }) {
  return (
    <>
      <PainPoints painPoints={stages.painPoints} />
      <MomentsOfTruth stages={stages.stages} />
      <DesignedOrder order={stages.designedOrder} />
      <EmotionCurve stages={stages.stages} />
      <ChannelFeedback channels={stages.channels} />
      <StageColumns stages={stages.stages} painPoints={stages.painPoints} />
    </>
  );
}
