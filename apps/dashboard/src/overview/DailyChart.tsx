import { useRef } from 'preact/hooks';
import { ChartAnnotations } from '../annotations/ChartAnnotations.js';
import { findAnnotationsIn, type ChartAnnotation } from '../annotations/findAnnotationsIn.js';
import type { Overview } from '../api/types.js';
import { useElementWidth } from '../components/useElementWidth.js';
import { ChartDownloads } from '../charts/ChartDownloads.js';
import { formatCount } from '../format/formatPercent.js';
import { formatShortDay } from '../format/formatShortDay.js';
import { scaleBars } from './scaleBars.js';

/** The width drawn before the chart's box is measured. */
const FALLBACK_WIDTH = 720;
const HEIGHT = 200;
const PLOT = { left: 48, top: 10, right: 8, bottom: 26 };
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;

type Day = Overview['days'][number];

function describeDay(day: Day): string {
  return `${formatShortDay(day.day)}: ${formatCount(day.persons)} persons, ${formatCount(day.conversions)} converted, ${formatCount(day.events)} touchpoints`;
}

/** The x span of the bars an annotation covers (days outside the chart cut off). */
function spanOf(
  annotation: ChartAnnotation,
  days: readonly Day[],
  bars: ReadonlyArray<{ x: number; width: number }>,
) {
  const first = days.findIndex((day) => day.day >= annotation.fromDay);
  const after = days.findIndex((day) => day.day > annotation.toDay);
  const last = (after === -1 ? days.length : after) - 1;
  const start = bars[first];
  const end = bars[last];
  return start && end ? { x: start.x, width: end.x + end.width - start.x } : undefined;
}

/**
 * Persons per day as bars, the converted ones drawn inside them on the same scale,
 * and the project's annotations (`annotations`, default none) as bands over their
 * days, listed under the chart. Plain SVG drawn at its box's rendered width (a viewBox scaled down to a phone would
 * shrink its text to 5 px), so it needs no chart library; each bar's `<title>` gives its
 * numbers on hover and to screen readers.
 */
export function DailyChart({
  days,
  annotations = [],
}: {
  days: readonly Day[];
  annotations?: readonly ChartAnnotation[] | undefined;
}) {
  const shown =
    days.length === 0 ? [] : findAnnotationsIn(annotations, days[0]!.day, days[days.length - 1]!.day);
  const { ref, width } = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const plotWidth = Math.max(1, width - PLOT.left - PLOT.right);
  const { max, bars } = scaleBars(
    days.map((day) => day.persons),
    { width: plotWidth, height: PLOT_HEIGHT },
  );
  const conversions = scaleBars(
    days.map((day) => day.conversions),
    { width: plotWidth, height: PLOT_HEIGHT, max, gap: 0.45 },
  ).bars;
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1]);
  const figure = useRef<HTMLElement>(null);

  return (
    <figure class="card chart" ref={figure}>
      <figcaption>
        <h2>Persons per day</h2>
        <ChartDownloads chart={figure} name="persons-per-day" what="persons per day chart" />
        <ul class="legend">
          <li class="legend-persons">Persons with a touchpoint</li>
          <li class="legend-conversions">Persons who converted</li>
        </ul>
      </figcaption>
      <div ref={ref} class="chart-frame">
        <svg
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-label={`Persons and conversions on each of ${days.length} days`}
        >
          {[0, max / 2, max].map((tick) => {
            const y = PLOT.top + PLOT_HEIGHT - (tick / max) * PLOT_HEIGHT;
            return (
              <g key={tick} class="chart-grid">
                <line x1={PLOT.left} x2={width - PLOT.right} y1={y} y2={y} />
                <text x={PLOT.left - 6} y={y} dy="0.32em" text-anchor="end">
                  {formatCount(tick)}
                </text>
              </g>
            );
          })}
          <g transform={`translate(${PLOT.left} ${PLOT.top})`}>
            {shown.map((annotation) => {
              const span = spanOf(annotation, days, bars);
              return (
                span && (
                  <g key={annotation.annotationId} class="chart-annotation">
                    <title>{annotation.text}</title>
                    <rect x={span.x} y={0} width={span.width} height={PLOT_HEIGHT} />
                  </g>
                )
              );
            })}
            {days.map((day, index) => {
              const bar = bars[index]!;
              const conversion = conversions[index]!;
              return (
                <g key={day.day}>
                  <title>{describeDay(day)}</title>
                  {/* A full-height hit area, so an empty day still shows its numbers on hover. */}
                  <rect class="chart-hit" x={bar.x} y={0} width={bar.width} height={PLOT_HEIGHT} />
                  <rect class="chart-bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
                  <rect
                    class="chart-bar-conversion"
                    x={conversion.x}
                    y={conversion.y}
                    width={conversion.width}
                    height={conversion.height}
                  />
                  {labelled.has(index) && (
                    <text
                      class="chart-label"
                      x={bar.x + bar.width / 2}
                      y={PLOT_HEIGHT + 18}
                      text-anchor={index === 0 ? 'start' : index === days.length - 1 ? 'end' : 'middle'}
                    >
                      {formatShortDay(day.day)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      <ChartAnnotations annotations={shown} />
    </figure>
  );
}
