import { TableScroll } from '../components/TableScroll.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import { getConsentShares } from './getConsentShares.js';
import type { ConsentRates } from './privacyApi.js';

export interface ConsentRatesRow {
  /** The row's heading: a version, a language, a day. */
  label: string;
  rates: ConsentRates;
}

export interface ConsentRatesTableProps {
  /** The table's caption, and its scroll box's name. */
  caption: string;
  /** The first column's heading: `Policy version`, `Language`, `Day`. */
  groupHeading: string;
  rows: readonly ConsentRatesRow[];
}

const KINDS = ['acceptAll', 'custom', 'refuseAll', 'other'] as const;

/**
 * A bar of the row's split (accepted, custom, refused, other), drawn in SVG attributes
 * (the CSP allows no inline style). Hidden from screen readers: the row's cells say the same.
 */
function SplitBar({ rates }: { rates: ConsentRates }) {
  const shares = getConsentShares(rates);
  let x = 0;
  return (
    <svg class="split-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
      {KINDS.map((kind) => {
        const width = Number.isFinite(shares[kind]) ? shares[kind] * 100 : 0;
        const rect = <rect key={kind} class={`split-${kind}`} x={x} y={0} width={width} height={10} />;
        x += width;
        return rect;
      })}
    </svg>
  );
}

/** Decisions and their rates, one row per group, with a bar of the split. */
export function ConsentRatesTable({ caption, groupHeading, rows }: ConsentRatesTableProps) {
  return (
    <TableScroll label={caption}>
      <table class="data-table consent-rates">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeading}</th>
            <th scope="col" class="num">
              Decisions
            </th>
            <th scope="col" class="num">
              Accepted all
            </th>
            <th scope="col" class="num">
              Custom choice
            </th>
            <th scope="col" class="num">
              Refused all
            </th>
            <th scope="col" class="num">
              With GPC
            </th>
            <th scope="col">Split</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, rates }) => {
            const shares = getConsentShares(rates);
            return (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td class="num">{formatCount(rates.decisions)}</td>
                <td class="num">{formatPercent(shares.acceptAll)}</td>
                <td class="num">{formatPercent(shares.custom)}</td>
                <td class="num">{formatPercent(shares.refuseAll)}</td>
                <td class="num">{formatPercent(shares.gpc)}</td>
                <td>
                  <SplitBar rates={rates} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
