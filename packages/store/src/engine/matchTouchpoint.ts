import type { JourneyIndex } from './JourneyIndex.js';
import type { TouchpointRef } from './types.js';

/** A test of a touchpoint position against a map touchpoint, resolved to ids once. */
export function compileTouchpoint(
  index: JourneyIndex,
  touchpoint: TouchpointRef,
): (position: number) => boolean {
  const nameId = index.names.find(touchpoint.name);
  if (nameId === -1) return () => false;
  const names = index.name.data;
  if (touchpoint.channel === undefined) return (p) => names[p] === nameId;
  const channelCell = index.channels.find(touchpoint.channel) + 1;
  if (channelCell === 0) return () => false;
  const channels = index.channel.data;
  return (p) => names[p] === nameId && channels[p] === channelCell;
}

/** Reads NPS feedback: `feedback` touchpoints with `kind: "nps"` and a numeric `score`. */
export function createNpsReader(index: JourneyIndex): (position: number) => number | undefined {
  const feedbackId = index.names.find('feedback');
  if (feedbackId === -1) return () => undefined;
  const names = index.name.data;
  const kind = index.property('kind');
  const score = index.property('score');
  const npsCell = index.findPropertyValue(kind, 'nps');
  const kinds = kind.column.data;
  const scores = score.column.data;
  return (p) => {
    if (names[p] !== feedbackId || kinds[p] !== npsCell) return undefined;
    const value = index.decodePropertyValue(score, scores[p]!);
    return typeof value === 'number' && value >= 0 && value <= 10 ? value : undefined;
  };
}

/** Collects NPS scores into promoters/detractors. */
export class NpsTally {
  responses = 0;
  private _sum = 0;
  private _promoters = 0;
  private _detractors = 0;

  add(score: number): void {
    this.responses++;
    this._sum += score;
    if (score >= 9) this._promoters++;
    else if (score <= 6) this._detractors++;
  }

  summary(): { responses: number; averageScore: number | null; nps: number | null } {
    if (this.responses === 0) return { responses: 0, averageScore: null, nps: null };
    return {
      responses: this.responses,
      averageScore: this._sum / this.responses,
      nps: (100 * (this._promoters - this._detractors)) / this.responses,
    };
  }
}
