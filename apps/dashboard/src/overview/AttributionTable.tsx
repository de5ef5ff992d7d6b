import type { Overview } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';

/** Each attribution model's name on the page, and what it credits. */
export const ATTRIBUTION_LABELS = {
  first: {
    name: 'First touch',
    rule: 'each conversion goes to the channel of the person’s first touchpoint',
  },
  last: {
    name: 'Last touch',
    rule: 'each conversion goes to the channel of the touchpoint just before it',
  },
  any: {
    name: 'Any touch',
    rule: 'each conversion counts once for every channel the person touched before converting, so shares add up to more than 100 %',
  },
} as const;
export type AttributionModel = keyof typeof ATTRIBUTION_LABELS;

/** Conversions per channel under the model the API applied, named in the caption. */
export function AttributionTable({
  attribution,
  conversions,
}: {
  attribution: Overview['attribution'];
  conversions: number;
}) {
  const label = ATTRIBUTION_LABELS[attribution.model];
  const caption = `Conversions by channel: ${label.name.toLowerCase()} attribution`;
  return (
    <TableScroll label={caption}>
      <table class="data-table">
        <caption>
          {caption}
          <span class="muted">: {label.rule}.</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col" class="num">
              Conversions credited
            </th>
            <th scope="col" class="num">
              Share of conversions
            </th>
          </tr>
        </thead>
        <tbody>
          {attribution.channels.length === 0 && (
            <tr>
              <td colSpan={3} class="muted">
                No conversions in this range.
              </td>
            </tr>
          )}
          {attribution.channels.map((row) => (
            <tr key={row.channel ?? ''}>
              <th scope="row">
                <ChannelBadge channel={row.channel ?? undefined} />
              </th>
              <td class="num">{formatCount(row.conversions)}</td>
              <td class="num">{formatPercent(conversions === 0 ? 0 : row.conversions / conversions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
