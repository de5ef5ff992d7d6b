import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { downloadBlob, downloadText } from '../audit/downloadText.js';
import { renderChartPng, serialiseChart } from './serialiseChart.js';

export interface ChartDownloadsProps {
  /** The chart's figure: its first `<svg>` is the chart. */
  chart: RefObject<HTMLElement>;
  /** The file name without extension: `persons-per-day`. */
  name: string;
  /** What the chart is, for the buttons' accessible names. */
  what: string;
}

/** "SVG" and "PNG" buttons saving a chart as it is drawn on the page. */
export function ChartDownloads({ chart, name, what }: ChartDownloadsProps) {
  const [problem, setProblem] = useState<string | undefined>();
  const serialise = () => {
    const figure = chart.current;
    const svg = figure?.querySelector('svg');
    if (!figure || !svg) throw new Error('The chart is not drawn yet.');
    return serialiseChart(svg, getComputedStyle(figure).backgroundColor);
  };
  const onSvg = () => downloadText(`${name}.svg`, serialise().markup, 'image/svg+xml');
  const onPng = async () => {
    try {
      setProblem(undefined);
      const { markup, size } = serialise();
      downloadBlob(`${name}.png`, await renderChartPng(markup, size));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <span class="chart-downloads">
      <button type="button" class="button-secondary button-small" onClick={onSvg}>
        SVG<span class="visually-hidden"> of the {what}</span>
      </button>
      <button type="button" class="button-secondary button-small" onClick={() => void onPng()}>
        PNG<span class="visually-hidden"> of the {what}</span>
      </button>
      {problem !== undefined && (
        <span class="help" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
