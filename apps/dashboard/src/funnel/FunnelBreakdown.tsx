import type { Funnel } from '../api/types.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import { formatPropertyValue } from '../format/formatPropertyValue.js';

export interface FunnelBreakdownProps {
  breakdown: NonNullable<Funnel['breakdown']>;
  /** `channel` or the property the funnel is broken down by. */
  by: string;
}

/** The funnel once per value of the breakdown: persons at each step and the conversion to it. */
export function FunnelBreakdown({ breakdown, by }: FunnelBreakdownProps) {
  const stepNames = breakdown[0]?.steps.map((step) => step.name) ?? [];
  if (breakdown.length === 0)
    return <p class="notice">Nobody started this funnel, so there is nothing to break down.</p>;
  return (
    <div class="table-scroll">
      <table class="data-table">
        <caption>By {by === 'channel' ? 'channel' : <code>{by}</code>} of step 1</caption>
        <thead>
          <tr>
            <th scope="col">{by}</th>
            {stepNames.map((name, index) => (
              <th key={index} scope="col" class="num">
                {index + 1}. {name}
              </th>
            ))}
            <th scope="col" class="num">
              Overall
            </th>
          </tr>
        </thead>
        <tbody>
          {breakdown.map((row) => {
            const last = row.steps[row.steps.length - 1];
            return (
              <tr key={formatPropertyValue(row.value)}>
                <th scope="row">
                  {by === 'channel' ? (
                    <ChannelBadge channel={row.value === null ? undefined : String(row.value)} />
                  ) : row.value === null ? (
                    <span class="muted">(not set)</span>
                  ) : (
                    formatPropertyValue(row.value)
                  )}
                </th>
                {row.steps.map((step, index) => (
                  <td key={index} class="num">
                    {formatCount(step.count)}
                    {index > 0 && <span class="muted"> · {formatPercent(step.conversionRate)}</span>}
                  </td>
                ))}
                <td class="num">{formatPercent(last?.conversionRate ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
