/** One bar of a bar chart, in SVG user units (y grows downwards). */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a bar chart draws: its plot area, and the share of each slot left empty between bars. */
export interface BarBox {
  width: number;
  height: number;
  /** Share of each slot's width left as a gap (0–1). Default 0.2. */
  gap?: number;
  /** The value at the top of the plot. Default: {@link getNiceMax} of the largest value. */
  max?: number;
}

/**
 * The smallest "round" number (1, 2 or 5 times a power of ten) at or above `value`,
 * so the axis reads 0–500 rather than 0–437. At least 1, so an empty chart has a scale.
 */
export function getNiceMax(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 5, 10].find((step) => step * power >= value)!;
  return nice * power;
}

/**
 * Lays values out as vertical bars from the bottom of the box: one slot per value,
 * heights proportional to value / max. Negative and non-finite values draw nothing.
 */
export function scaleBars(values: readonly number[], box: BarBox): { max: number; bars: Bar[] } {
  const max = box.max ?? getNiceMax(Math.max(0, ...values));
  const slot = values.length === 0 ? 0 : box.width / values.length;
  const gap = slot * (box.gap ?? 0.2);
  const bars = values.map((value, index) => {
    const share = Number.isFinite(value) && value > 0 ? Math.min(value / max, 1) : 0;
    const height = share * box.height;
    return { x: index * slot + gap / 2, y: box.height - height, width: slot - gap, height };
  });
  return { max, bars };
}
