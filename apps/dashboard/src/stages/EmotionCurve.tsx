import { useRef } from 'preact/hooks';
import type { Stages } from '../api/types.js';
import { ChartDownloads } from '../charts/ChartDownloads.js';
import { formatCount, formatNps } from '../format/formatPercent.js';

const WIDTH = 600;
const HEIGHT = 120;
const PAD = 10;

/**
 * The journey map's emotion curve, computed from data: the NPS given after each stage
 * (−100 to +100), a point per stage with answers, joined in the map's order. The
 * figures are HTML under the line, so that they stay legible at any width.
 */
export function EmotionCurve({ stages }: { stages: Stages['stages'] }) {
  const figure = useRef<HTMLElement>(null);
  const scored = stages.map((stage, i) => ({ stage, i })).filter(({ stage }) => stage.feedback.nps !== null);
  if (scored.length === 0) return null;
  const x = (i: number) =>
    stages.length === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (stages.length - 1);
  const y = (nps: number) => PAD + ((100 - nps) * (HEIGHT - 2 * PAD)) / 200;
  const points = scored.map(({ stage, i }) => `${x(i)},${y(stage.feedback.nps!)}`).join(' ');
  return (
    <section class="card emotion-curve" aria-labelledby="emotion-heading" ref={figure}>
      <h2 id="emotion-heading">Emotion curve</h2>
      <ChartDownloads chart={figure} name="emotion-curve" what="emotion curve" />
      <p class="help">NPS given after each stage: the first answer after a person first reached it.</p>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        aria-hidden="true"
        class="emotion-line"
      >
        <line x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} class="emotion-zero" />
        <polyline points={points} class="emotion-path" />
        {scored.map(({ stage, i }) => (
          <circle key={stage.name} cx={x(i)} cy={y(stage.feedback.nps!)} r={4} class="emotion-point" />
        ))}
      </svg>
      <ol class="emotion-figures">
        {stages.map((stage) => (
          <li key={stage.name}>
            <span class="emotion-stage">{stage.name}</span> <strong>{formatNps(stage.feedback.nps)}</strong>
            {stage.feedback.responses > 0 && (
              <span class="muted"> ({formatCount(stage.feedback.responses)})</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
