import type { CohortRetention } from '../api/types.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import { formatShortDay } from '../format/formatShortDay.js';

/**
 * The cohort table: a row per week of first touchpoint, its persons, then the share
 * of them back in each week after (week 0 is the cohort itself). Weeks a cohort has
 * not reached yet are left empty. Scrolls inside its own region on a narrow screen.
 */
export function CohortTable({ cohorts }: { cohorts: CohortRetention['cohorts'] }) {
  const weeks = cohorts[0]?.returned.length ?? 0;
  return (
    <TableScroll label="Cohort table">
      <table class="data-table cohort-table">
        <caption>Cohorts by week of first touchpoint</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col" class="num">
              Persons
            </th>
            {Array.from({ length: weeks }, (_, week) => (
              <th key={week} scope="col" class="num">
                Week {week}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort.week}>
              <th scope="row">{formatShortDay(cohort.week)}</th>
              <td class="num">{formatCount(cohort.persons)}</td>
              {Array.from({ length: weeks }, (_, week) => {
                const returned = cohort.returned[week];
                if (returned === undefined) return <td key={week} />;
                return (
                  <td key={week} class="num" data-week={week} title={`${formatCount(returned)} persons`}>
                    {cohort.persons === 0 ? '—' : formatPercent(returned / cohort.persons)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
