import { summariseCsat } from './summariseCsat.js';
import type { CsatSummary } from './types.js';

/** Collects CSAT scores (1–5); satisfied answers are 4 and 5. */
export class CsatTally {
  responses = 0;
  private _sum = 0;
  private _satisfied = 0;

  add(score: number): void {
    this.responses++;
    this._sum += score;
    if (score >= 4) this._satisfied++;
  }

  summary(): CsatSummary {
    return summariseCsat(this.responses, this._sum, this._satisfied);
  }
}
