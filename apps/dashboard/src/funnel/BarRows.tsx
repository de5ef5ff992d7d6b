import type { ComponentChildren } from 'preact';

/** One row: what it is, its bar's length (0–1), and its figures in words. */
export interface BarRow {
  key: string;
  label: ComponentChildren;
  share: number;
  value: ComponentChildren;
}

/**
 * Horizontal bars, one a row, labels and figures in HTML (so they stay legible on a
 * phone, unlike text inside a scaled SVG) and bars as SVG rects sized by attribute (the
 * app runs under a strict CSP). The figures carry the meaning; the bars only help.
 */
export function BarRows({ label, rows }: { label: string; rows: readonly BarRow[] }) {
  return (
    <ol class="bar-rows" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} class="bar-row">
          <span class="bar-row-label">{row.label}</span>
          <svg class="bar-row-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
            <rect class="funnel-bar-track" width="100" height="4" />
            <rect class="funnel-bar-fill" width={Math.max(Math.min(row.share, 1) * 100, 0)} height="4" />
          </svg>
          <span class="bar-row-value">{row.value}</span>
        </li>
      ))}
    </ol>
  );
}
