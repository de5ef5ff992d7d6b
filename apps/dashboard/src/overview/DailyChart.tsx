import { useRef } from 'preact/hooks';
import type { Overview } from '../api/types.js';
import { ChartDownloads } from '../charts/ChartDownloads.js';
import { formatCount } from '../format/formatPercent.js';
import { formatShortDay } from '../format/formatShortDay.js';
import { scaleBars } from './scaleBars.js';

const WIDTH = 720;
const HEIGHT = 200;
const PLOT = { left: 48, top: 10, right: 8, bottom: 26 };
const PLOT_WIDTH = WIDTH - PLOT.left - PLOT.right;
const PLOT_HEIGHT = HEIGHT - PLOT.top - PLOT.bottom;

type Day = Overview['days'][number];

function describeDay(day: Day): string {
  return `${formatShortDay(day.day)}: ${formatCount(day.persons)} persons, ${formatCount(day.conversions)} converted, ${formatCount(day.events)} touchpoints`;
}

/**
 * Persons per day as bars, the converted ones drawn inside them on the same scale.
 * Plain SVG sized by its viewBox, so it scales with the page and needs no chart library;
 * each bar's `<title>` gives its numbers on hover and to screen readers.
 */
export function DailyChart({ days }: { days: readonly Day[] }) {
  const { max, bars } = scaleBars(
    days.map((day) => day.persons),
    { width: PLOT_WIDTH, height: PLOT_HEIGHT },
  );
  const conversions = scaleBars(
    days.map((day) => day.conversions),
    { width: PLOT_WIDTH, height: PLOT_HEIGHT, max, gap: 0.45 },
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
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Persons and conversions on each of ${days.length} days`}
      >
        {[0, max / 2, max].map((tick) => {
          const y = PLOT.top + PLOT_HEIGHT - (tick / max) * PLOT_HEIGHT;
          return (
            <g key={tick} class="chart-grid">
              <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y} y2={y} />
              <text x={PLOT.left - 6} y={y} dy="0.32em" text-anchor="end">
                {formatCount(tick)}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${PLOT.left} ${PLOT.top})`}>
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
    </figure>
  );
}
