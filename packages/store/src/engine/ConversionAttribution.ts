import type { JourneyIndex } from './JourneyIndex.js';
import type { AttributionModel, OverviewResult } from './types.js';

/**
 * Credits each converting person's conversion to channels under one model, over the
 * person's touchpoints up to and including their first conversion of the range,
 * whatever their date (a journey that began before the range still began there):
 * - `first`: the channel of their first touchpoint;
 * - `last`: the channel of the touchpoint just before the conversion (the conversion's
 *   own when it was their first touchpoint): what brought them back to convert;
 * - `any`: one conversion to every distinct channel they touched, so the channels add
 *   up to more than the conversions.
 * Touchpoints without a channel count as the channel `null`, as in the overview's rows.
 */
export class ConversionAttribution {
  private readonly _credits: Float64Array;
  private readonly _stamp: Int32Array;
  private _person = 0;

  constructor(
    readonly model: AttributionModel,
    private readonly _index: JourneyIndex,
  ) {
    this._credits = new Float64Array(_index.channels.size + 1);
    this._stamp = new Int32Array(_index.channels.size + 1).fill(-1);
  }

  /** Credits one person: `events` in time order, `at` the index in it of their conversion. */
  add(events: ReadonlyArray<number>, at: number): void {
    const channels = this._index.channel.data;
    if (this.model === 'first') this._credits[channels[events[0]!]!]! += 1;
    else if (this.model === 'last') this._credits[channels[events[Math.max(0, at - 1)]!]!]! += 1;
    else {
      const person = this._person++;
      for (let i = 0; i <= at; i++) {
        const cell = channels[events[i]!]!;
        if (this._stamp[cell] === person) continue;
        this._stamp[cell] = person;
        this._credits[cell]! += 1;
      }
    }
  }

  /** Channels credited with at least one conversion, most first (ties by channel name, null last). */
  result(): OverviewResult['attribution'] {
    const channels = Array.from(this._credits, (conversions, cell) => ({
      channel: cell === 0 ? null : this._index.channels.values[cell - 1]!,
      conversions,
    }))
      .filter((row) => row.conversions > 0)
      .sort(compareCredits);
    return { model: this.model, channels };
  }
}

/** The order of attribution rows on every engine: most conversions first, ties by channel name, null last. */
export function compareCredits(
  a: { channel: string | null; conversions: number },
  b: { channel: string | null; conversions: number },
): number {
  return (
    b.conversions - a.conversions ||
    (a.channel === null ? 1 : b.channel === null ? -1 : a.channel < b.channel ? -1 : 1)
  );
}
