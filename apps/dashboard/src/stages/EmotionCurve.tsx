import { useRef } from 'preact/hooks';
import type { Stages } from '../api/types.js';
import { ChartDownloads } from '../charts/ChartDownloads.js';
import { formatCsat } from '../format/formatCsat.js';
import { formatCount, formatNps } from '../format/formatPercent.js';

const WIDTH = 600;
const HEIGHT = 120;
const PAD = 10;

type Stage = Stages['stages'][number];

/**
 * The journey map's emotion curve, computed from data: the NPS given after each stage
 * (−100 to +100) and, dashed, its CSAT as the % of satisfied answers (0 to 100 % on the
 * same axis), a point per stage with answers, joined in the map's order. The figures
 * are HTML under the lines, so that they stay legible at any width.
 */
export function EmotionCurve({ stages }: { stages: Stages['stages'] }) {
  const figure = useRef<HTMLElement>(null);
  const scoredBy = (score: (stage: Stage) => number | null) =>
    stages.flatMap((stage, i) => {
      const value = score(stage);
      return value === null ? [] : [{ stage, i, value }];
    });
  const nps = scoredBy((stage) => stage.feedback.nps);
  const csat = scoredBy((stage) => stage.csat.satisfied);
  if (nps.length === 0 && csat.length === 0) return null;
  const x = (i: number) =>
    stages.length === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (stages.length - 1);
  const y = (score: number) => PAD + ((100 - score) * (HEIGHT - 2 * PAD)) / 200;
  const pointsOf = (scored: typeof nps) => scored.map(({ i, value }) => `${x(i)},${y(value)}`).join(' ');
  return (
    <section class="card emotion-curve" aria-labelledby="emotion-heading" ref={figure}>
      <h2 id="emotion-heading">Emotion curve</h2>
      <ChartDownloads chart={figure} name="emotion-curve" what="emotion curve" />
      <p class="help">Feedback given after each stage: the first answer after a person first reached it.</p>
      <ul class="emotion-legend">
        <li>
          <span class="emotion-key" aria-hidden="true" /> NPS, −100 to +100
        </li>
        <li>
          <span class="emotion-key is-csat" aria-hidden="true" /> CSAT: % satisfied (4 or 5 out of 5), 0 to
          100 %
        </li>
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        aria-hidden="true"
        class="emotion-line"
      >
        <line x1={0} x2={WIDTH} y1={y(0)} y2={y(0)} class="emotion-zero" />
        {nps.length > 0 && <polyline points={pointsOf(nps)} class="emotion-path" />}
        {nps.map(({ stage, i, value }) => (
          <circle key={stage.name} cx={x(i)} cy={y(value)} r={4} class="emotion-point" />
        ))}
        {csat.length > 0 && <polyline points={pointsOf(csat)} class="emotion-path is-csat" />}
        {csat.map(({ stage, i, value }) => (
          <circle key={stage.name} cx={x(i)} cy={y(value)} r={3} class="emotion-point is-csat" />
        ))}
      </svg>
      <ol class="emotion-figures">
        {stages.map((stage) => (
          <li key={stage.name}>
            <span class="emotion-stage">{stage.name}</span> NPS{' '}
            <strong>{formatNps(stage.feedback.nps)}</strong>
            {stage.feedback.responses > 0 && (
              <span class="muted"> ({formatCount(stage.feedback.responses)})</span>
            )}
            {' · '}CSAT <strong class="emotion-csat">{formatCsat(stage.csat.satisfied)}</strong>
            {stage.csat.responses > 0 && <span class="muted"> ({formatCount(stage.csat.responses)})</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
