import type { JourneyIndex } from './JourneyIndex.js';

/** Reads CSAT feedback: `feedback` touchpoints with `kind: "csat"` and a numeric `score` from 1 to 5. */
export function createCsatReader(index: JourneyIndex): (position: number) => number | undefined {
  const feedbackId = index.names.find('feedback');
  if (feedbackId === -1) return () => undefined;
  const names = index.name.data;
  const kind = index.property('kind');
  const score = index.property('score');
  const csatCell = index.findPropertyValue(kind, 'csat');
  const kinds = kind.column.data;
  const scores = score.column.data;
  return (p) => {
    if (names[p] !== feedbackId || kinds[p] !== csatCell) return undefined;
    const value = index.decodePropertyValue(score, scores[p]!);
    return typeof value === 'number' && value >= 1 && value <= 5 ? value : undefined;
  };
}
