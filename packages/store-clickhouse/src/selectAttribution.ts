import type { AttributionModel } from '@parcours/store';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { quoteInteger } from './sqlLiteral.js';

/**
 * Per model, the channels one converting person is credited to, as an array over the
 * person's touchpoint arrays: `channel` (their channels in time order) and `at` (the
 * 1-based position of their first conversion of the range).
 */
const CREDITED: Readonly<Record<AttributionModel, string>> = {
  first: '[channel[1]]',
  // The touchpoint just before the conversion, or the conversion's own when it came first.
  last: '[channel[greatest(at - 1, 1)]]',
  // Every distinct channel up to and including the conversion, once each.
  any: 'arrayDistinct(arraySlice(channel, 1, at))',
};

/**
 * SQL of the conversions credited to each channel (`channel`, '' for none;
 * `conversions`) under `model`, as `ConversionAttribution` of `@parcours/store`
 * credits them: a person converts when one of their touchpoints in the range matches
 * `conversion` (SQL over the event's columns); the first such touchpoint, and every
 * touchpoint of theirs before it whatever its date, decide the credit. Computed per
 * person inside ClickHouse; only one row per channel leaves it.
 */
export function selectAttribution(
  target: { database: string; projectId: string },
  options: { range: { from: number; to: number }; conversion: string; model: AttributionModel },
): string {
  const { range, conversion, model } = options;
  const persons = selectPersonTouchpoints(target, {
    channel: 'channel',
    conversion: `toUInt8(${conversion})`,
  });
  const inRange = `t >= ${quoteInteger(range.from)} AND t <= ${quoteInteger(range.to)}`;
  // The credited channel is named apart from the arrays: 18.16 resolves an output alias
  // before the ARRAY JOIN that computes it.
  return `SELECT credited AS channel, conversions FROM (
    SELECT credited, count() AS conversions
    FROM (
      SELECT channel, arrayFirstIndex((t, c) -> c = 1 AND ${inRange}, ts, conversion) AS at
      FROM (${persons})
      WHERE at > 0
    )
    ARRAY JOIN ${CREDITED[model]} AS credited
    GROUP BY credited
  )`;
}
