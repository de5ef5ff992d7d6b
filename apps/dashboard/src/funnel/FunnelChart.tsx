import type { Funnel } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { formatGap } from '../format/formatGap.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import type { FunnelStepDefinition } from './parseFunnelDefinition.js';

export interface FunnelChartProps {
  result: Funnel;
  /** The steps as defined, for their channels (the result carries names only). */
  steps: readonly FunnelStepDefinition[];
  /** The step whose drop-offs are listed, marked as current. */
  dropoffStep?: number | undefined;
  /**
   * The link that lists who reached step `step - 1` but not `step` (1-based). Without
   * it (a shared funnel, a role that may not list persons) drop-offs are plain numbers.
   */
  dropoffHref?: ((step: number) => string) | undefined;
}

/**
 * One bar a step, its length the share of step-1 persons who reached it, with the
 * drop-off since the previous step (a link to who dropped off) split into those still
 * inside their window, who may yet get here (drawn after the bar, lighter), and those
 * who abandoned; and the median time from the chain's start. Bars are SVG rects sized
 * by attribute: the app runs under a strict CSP.
 */
export function FunnelChart({ result, steps, dropoffStep, dropoffHref }: FunnelChartProps) {
  const first = result.steps[0]?.count ?? 0;
  const since = result.settings.windowAnchor === 'step1' ? 'from step 1' : 'from the first step done';
  return (
    <ol class="funnel" aria-label="Funnel steps">
      {result.steps.map((step, index) => {
        const previous = result.steps[index - 1];
        const channel = steps[index]?.channel;
        const progress = first === 0 ? 0 : (step.inProgress / first) * 100;
        return (
          <li key={index} class="funnel-step">
            {previous && (
              <p class="funnel-dropoff">
                {dropoffHref ? (
                  <a
                    href={dropoffHref(index + 1)}
                    aria-current={dropoffStep === index + 1 ? 'true' : undefined}
                  >
                    {formatCount(step.dropOff)} dropped off
                  </a>
                ) : (
                  <strong>{formatCount(step.dropOff)} dropped off</strong>
                )}{' '}
                <span class="muted">
                  ({formatPercent(previous.count === 0 ? 0 : step.dropOff / previous.count)} of step {index})
                </span>
                {step.dropOff > 0 && (
                  <>
                    {' · '}
                    <span class="funnel-in-progress">
                      <strong>{formatCount(step.inProgress)}</strong> still in their window
                    </span>
                    {' · '}
                    <span class="funnel-abandoned">
                      <strong>{formatCount(step.abandoned)}</strong> abandoned
                    </span>
                  </>
                )}
              </p>
            )}
            <div class="funnel-head">
              <span class="funnel-index">{index + 1}</span>
              <span class="funnel-name">{step.name}</span>
              {channel && <ChannelBadge channel={channel} />}
              <span class="funnel-count">
                <strong>{formatCount(step.count)}</strong> persons ·{' '}
                <strong>{formatPercent(step.conversionRate)}</strong>
                {index > 0 && step.medianTimeToConvertMs !== null && (
                  <span class="muted">
                    {' '}
                    · median {formatGap(step.medianTimeToConvertMs)} {since}
                  </span>
                )}
              </span>
            </div>
            <svg class="funnel-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
              <rect class="funnel-bar-track" width="100" height="4" />
              <rect class="funnel-bar-fill" width={Math.max(step.conversionRate * 100, 0.3)} height="4" />
              {progress > 0 && (
                <rect class="funnel-bar-progress" x={step.conversionRate * 100} width={progress} height="4" />
              )}
            </svg>
          </li>
        );
      })}
    </ol>
  );
}
