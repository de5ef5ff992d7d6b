import type { Overview } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';

/** Persons, touchpoints and conversions per channel over the range, most touchpoints first. */
export function ChannelTable({ channels }: { channels: Overview['channels'] }) {
  if (channels.length === 0) return <p class="notice">No touchpoints in this range.</p>;
  return (
    <TableScroll label="By channel">
      <table class="data-table">
        <caption>By channel</caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col" class="num">
              Persons
            </th>
            <th scope="col" class="num">
              Touchpoints
            </th>
            <th scope="col" class="num">
              Conversions
            </th>
            <th scope="col" class="num">
              Conversion rate
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((row) => (
            <tr key={row.channel ?? ''}>
              <th scope="row">
                <ChannelBadge channel={row.channel ?? undefined} />
              </th>
              <td class="num">{formatCount(row.persons)}</td>
              <td class="num">{formatCount(row.events)}</td>
              <td class="num">{formatCount(row.conversions)}</td>
              <td class="num">{formatPercent(row.persons === 0 ? 0 : row.conversions / row.persons)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
