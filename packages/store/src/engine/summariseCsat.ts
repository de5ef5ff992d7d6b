import type { CsatSummary } from './types.js';

/** Counts of CSAT answers as figures: mean score and % satisfied (null without answers). */
export function summariseCsat(responses: number, sum: number, satisfied: number): CsatSummary {
  if (responses === 0) return { responses: 0, averageScore: null, satisfied: null };
  return { responses, averageScore: sum / responses, satisfied: (100 * satisfied) / responses };
}
