import type { Stages } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatCsat } from '../format/formatCsat.js';
import { formatCount, formatNps } from '../format/formatPercent.js';

/** NPS and CSAT per channel: each person's first answers after their first touchpoint of the map on it. */
export function ChannelFeedback({ channels }: { channels: Stages['channels'] }) {
  if (channels.length === 0) return null;
  return (
    <section class="card" aria-labelledby="channel-feedback-heading">
      <h2 id="channel-feedback-heading">NPS and CSAT by channel</h2>
      <p class="help">
        Per channel, the first answers after a person’s first touchpoint of the map on it. CSAT: the share of
        answers of 4 or 5 out of 5.
      </p>
      <TableScroll label="Scores by channel">
        <table class="data-table channel-feedback">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col" class="num">
                Persons
              </th>
              <th scope="col" class="num">
                NPS
              </th>
              <th scope="col" class="num">
                NPS answers
              </th>
              <th scope="col" class="num">
                CSAT satisfied
              </th>
              <th scope="col" class="num">
                CSAT answers
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
                <td class="num">{formatNps(row.nps.nps)}</td>
                <td class="num">{formatCount(row.nps.responses)}</td>
                <td class="num">{formatCsat(row.csat.satisfied)}</td>
                <td class="num">{formatCount(row.csat.responses)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
