import { getWeekStart } from './cohortWeeks.js';
import type { CohortRetentionResult } from './retentionTypes.js';

/** What an engine counted for a retention question: cohort weeks, sizes and returns. */
export interface RetentionCounts {
  firstWeek: number;
  weekCount: number;
  /** Persons per cohort, `weekCount` of them. */
  persons: ArrayLike<number>;
  /** Persons of cohort `cohort` (0-based) back `week` weeks later (week ≥ 1). */
  returnedAt(cohort: number, week: number): number;
}

/**
 * The retention answer from an engine's counts: each cohort's row up to the week of
 * `to` (a younger cohort has fewer weeks), and the curve over the cohorts that
 * reached each week. Exported so that every engine derives it alike.
 */
export function buildRetentionResult(counts: RetentionCounts): CohortRetentionResult {
  const { firstWeek, weekCount, persons } = counts;
  const cohorts = Array.from({ length: weekCount }, (_, c) => ({
    week: getWeekStart(firstWeek + c),
    persons: persons[c]!,
    // Cohort c has weeks 0 … weekCount - 1 - c before the range ends.
    returned: Array.from({ length: weekCount - c }, (_, w) =>
      w === 0 ? persons[c]! : counts.returnedAt(c, w),
    ),
  }));
  const curve = Array.from({ length: weekCount }, (_, week) => {
    const reached = cohorts.slice(0, weekCount - week);
    const cohortPersons = reached.reduce((sum, cohort) => sum + cohort.persons, 0);
    const returned = reached.reduce((sum, cohort) => sum + cohort.returned[week]!, 0);
    return {
      week,
      persons: cohortPersons,
      returned,
      share: cohortPersons === 0 ? 0 : returned / cohortPersons,
    };
  });
  return { cohorts, curve };
}
