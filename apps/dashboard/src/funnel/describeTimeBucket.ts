import { formatGap } from '../format/formatGap.js';

/** A time-to-convert bucket in words: `under 1 min`, `1 min – 10 min`, `30 d or more`. */
export function describeTimeBucket({ fromMs, toMs }: { fromMs: number; toMs: number | null }): string {
  if (toMs === null) return `${formatGap(fromMs)} or more`;
  if (fromMs === 0) return `under ${formatGap(toMs)}`;
  return `${formatGap(fromMs)} – ${formatGap(toMs)}`;
}
