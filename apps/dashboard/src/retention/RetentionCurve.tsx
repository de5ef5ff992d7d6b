import { useRef } from 'preact/hooks';
import type { CohortRetention } from '../api/types.js';
import { ChartDownloads } from '../charts/ChartDownloads.js';
import { useElementWidth } from '../components/useElementWidth.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';

const HEIGHT = 220;
const PLOT = { left: 44, top: 12, right: 16, bottom: 28 };
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;
/** Below this many pixels a week, only every other week is labelled. */
const MIN_LABEL_SPACING = 32;

type Point = CohortRetention['curve'][number];

function describePoint(point: Point): string {
  return `Week ${point.week}: ${formatPercent(point.share)} back (${formatCount(point.returned)} of ${formatCount(point.persons)} persons)`;
}

/**
 * The retention curve: the share of all cohorts' persons back in each week after their
 * first. Drawn at the width it is given on screen (viewBox = pixels), so its text stays
 * 12 px on a phone; each point's `<title>` gives its numbers.
 */
export function RetentionCurve({ curve }: { curve: CohortRetention['curve'] }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(640);
  const figure = useRef<HTMLElement>(null);
  const plotWidth = Math.max(1, width - PLOT.left - PLOT.right);
  const step = curve.length > 1 ? plotWidth / (curve.length - 1) : 0;
  const x = (week: number) => PLOT.left + week * step;
  const y = (share: number) => PLOT.top + PLOT_HEIGHT - share * PLOT_HEIGHT;
  const every = step >= MIN_LABEL_SPACING ? 1 : Math.ceil(MIN_LABEL_SPACING / Math.max(step, 1));
  const line = curve.map((point) => `${x(point.week)},${y(point.share)}`).join(' ');

  return (
    <figure class="card chart" ref={figure}>
      <figcaption>
        <h2>Retention curve</h2>
        <ChartDownloads chart={figure} name="retention-curve" what="retention curve" />
      </figcaption>
      <div ref={ref} class="chart-frame">
        <svg
          class="retention-curve"
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`Share of persons back in each of the ${curve.length} weeks after their first`}
        >
          {[0, 0.5, 1].map((tick) => (
            <g key={tick} class="chart-grid">
              <line x1={PLOT.left} x2={width - PLOT.right} y1={y(tick)} y2={y(tick)} />
              <text x={PLOT.left - 6} y={y(tick)} dy="0.32em" text-anchor="end">
                {formatPercent(tick, 0)}
              </text>
            </g>
          ))}
          <polyline class="chart-line" points={line} />
          {curve.map((point) => (
            <g key={point.week}>
              <title>{describePoint(point)}</title>
              <circle class="chart-point" cx={x(point.week)} cy={y(point.share)} r={4} />
              {point.week % every === 0 && (
                <text class="chart-label" x={x(point.week)} y={HEIGHT - 8} text-anchor="middle">
                  W{point.week}
                </text>
              )}
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}
