/** What a chart needs of an annotation: its days and its words. */
export interface ChartAnnotation {
  annotationId: string;
  /** `YYYY-MM-DD`, `fromDay <= toDay`. */
  fromDay: string;
  toDay: string;
  text: string;
  touchpoint: string | null;
}

/**
 * The annotations that overlap the days `firstDay` to `lastDay` (`YYYY-MM-DD`, both
 * included), in their order. Day keys compare as strings.
 */
export function findAnnotationsIn<A extends ChartAnnotation>(
  annotations: readonly A[],
  firstDay: string,
  lastDay: string,
): A[] {
  return annotations.filter((a) => a.fromDay <= lastDay && a.toDay >= firstDay);
}

/** The `YYYY-MM-DD` UTC day of an epoch-ms time. */
export function toDayKey(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
