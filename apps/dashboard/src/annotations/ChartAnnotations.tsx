import { formatShortDay } from '../format/formatShortDay.js';
import type { ChartAnnotation } from './findAnnotationsIn.js';

/** An annotation's days as words: `3 Jun`, or `3 Jun – 5 Jun`. */
export function describeAnnotationDays(annotation: Pick<ChartAnnotation, 'fromDay' | 'toDay'>): string {
  const from = formatShortDay(annotation.fromDay);
  return annotation.fromDay === annotation.toDay ? from : `${from} – ${formatShortDay(annotation.toDay)}`;
}

/**
 * The annotations a time chart covers, as a list under it (the chart marks their days):
 * what a reader needs to explain a jump, and what a screen reader reads.
 */
export function ChartAnnotations({ annotations }: { annotations: readonly ChartAnnotation[] }) {
  if (annotations.length === 0) return null;
  return (
    <ul class="chart-annotations" aria-label="Annotations">
      {annotations.map((annotation) => (
        <li key={annotation.annotationId}>
          <span class="annotation-days">{describeAnnotationDays(annotation)}</span> {annotation.text}
          {annotation.touchpoint !== null && <span class="muted"> · {annotation.touchpoint}</span>}
        </li>
      ))}
    </ul>
  );
}
