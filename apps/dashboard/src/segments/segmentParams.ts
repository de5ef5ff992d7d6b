/** The URL parameter of the segment a page is narrowed to (a saved segment's id). */
export const SEGMENT_PARAM = 'segment';
/** The URL parameter of the segment a page compares it with (the funnel). */
export const COMPARE_PARAM = 'compare';

/** The `segment` of a journey query for the segment id in `params[key]`; nothing for everyone. */
export function toSegmentInput(
  params: Record<string, string>,
  key: string = SEGMENT_PARAM,
): { segment?: { id: string } } {
  const id = params[key]?.trim();
  return id ? { segment: { id } } : {};
}

/** The segment parameters of `params` alone, to carry them over when a form rewrites the others. */
export function keepSegmentParams(params: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const key of [SEGMENT_PARAM, COMPARE_PARAM]) if (params[key]) kept[key] = params[key];
  return kept;
}
