import type { Stages } from '../api/types.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import { TouchpointCard } from './TouchpointCard.js';

/**
 * The journey map as columns, one a stage in order: persons in the stage, the share of
 * the previous stage's persons who got here, and a card per touchpoint.
 */
export function StageColumns({ stages, painPoints }: Stages) {
  const painOf = (stage: string, touchpoint: { name: string; channel: string | null }) =>
    painPoints.find(
      (p) => p.stage === stage && p.touchpoint === touchpoint.name && p.channel === touchpoint.channel,
    )?.reason;
  return (
    // The stages scroll sideways on a phone: keyboard users scroll them too (WCAG 2.1.1).
    <ol class="stages" tabIndex={0} aria-label="Stages">
      {stages.map((stage, index) => (
        <li key={stage.name} class="stage">
          <h2 class="stage-name">{stage.name}</h2>
          <p class="stage-persons">
            <strong>{formatCount(stage.persons)}</strong> persons
          </p>
          {stage.conversionFromPrevious !== null && (
            <p
              class="stage-conversion"
              title="Of the persons in the previous stage, the share who reached this one afterwards"
            >
              {formatPercent(stage.conversionFromPrevious)} of{' '}
              {stages[index - 1]?.name ?? 'the previous stage'}
            </p>
          )}
          {stage.touchpoints.length === 0 ? (
            <p class="muted">No touchpoints mapped to this stage yet.</p>
          ) : (
            <ul class="touchpoint-cards">
              {stage.touchpoints.map((touchpoint) => (
                <TouchpointCard
                  key={`${touchpoint.name}|${touchpoint.channel ?? ''}`}
                  touchpoint={touchpoint}
                  pain={painOf(stage.name, touchpoint)}
                />
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
