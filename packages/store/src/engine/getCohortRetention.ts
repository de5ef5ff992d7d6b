import { buildRetentionResult } from './buildRetentionResult.js';
import { getCohortWeeks } from './cohortWeeks.js';
import { getZoneCalendar } from '../time/ZoneCalendar.js';
import type { JourneyIndex } from './JourneyIndex.js';
import { compileTouchpoint } from './matchTouchpoint.js';
import type { PersonPredicate } from './PersonPredicate.js';
import type { CohortRetentionQuery, CohortRetentionResult } from './retentionTypes.js';

/**
 * Weekly retention: persons by the week (in `query.timeZone`) of their first touchpoint ever (those
 * whose first is in the range), and per following week, how many came back (a
 * touchpoint, or one matching `query.returning`, up to `to`). One pass over the
 * persons; each person counts once per week. `persons` narrows who is counted (a
 * segment); default everyone.
 */
export function getCohortRetention(
  index: JourneyIndex,
  query: CohortRetentionQuery,
  persons?: PersonPredicate,
): CohortRetentionResult {
  const { firstWeek, weekCount } = getCohortWeeks(query);
  const isReturn = query.returning === undefined ? () => true : compileTouchpoint(index, query.returning);
  const cohortPersons = new Float64Array(weekCount);
  // Row c, column w: persons of cohort c back w weeks after their first week.
  const returned = new Float64Array(weekCount * weekCount);
  const time = index.time.data;
  const calendar = getZoneCalendar(query.timeZone);

  index.forEachPerson((events, person) => {
    const first = time[events[0]!]!;
    if (first < query.from || first > query.to) return;
    if (persons !== undefined && !persons(events, person)) return;
    const firstOwnWeek = calendar.getWeek(first);
    const cohort = firstOwnWeek - firstWeek;
    cohortPersons[cohort]! += 1;
    // Touchpoints are in time order, so weeks never decrease: count each week once.
    let counted = 0;
    for (let i = 1; i < events.length; i++) {
      const position = events[i]!;
      const t = time[position]!;
      if (t > query.to) break;
      const week = calendar.getWeek(t) - firstOwnWeek;
      if (week <= counted || !isReturn(position)) continue;
      counted = week;
      returned[cohort * weekCount + week]! += 1;
    }
  });

  return buildRetentionResult({
    firstWeek,
    weekCount,
    persons: cohortPersons,
    returnedAt: (cohort, week) => returned[cohort * weekCount + week]!,
  });
}
