import type { SegmentedQuery } from '../segments/SegmentedQuery.js';
import type { TouchpointRef } from './types.js';

export interface CohortRetentionQuery extends SegmentedQuery {
  /**
   * Inclusive range, epoch ms, at most 53 weeks (`MAX_RETENTION_WEEKS`): persons whose
   * first touchpoint ever falls in it form the cohorts, one per week (Monday
   * first) of `timeZone`; returns are counted up to `to`.
   */
  from: number;
  to: number;
  /** What counts as coming back. Default: any touchpoint. */
  returning?: TouchpointRef;
  /**
   * The IANA zone its cohort weeks follow. Default: the project's zone
   * (`Project.timeZone`; see `ZoneCalendar`).
   */
  timeZone?: string;
}

export interface RetentionCohort {
  /** The Monday (`YYYY-MM-DD`, UTC) of the week of these persons' first touchpoint. */
  week: string;
  /** Persons whose first touchpoint was in this week. */
  persons: number;
  /**
   * Per week since the cohort's (index 0: the cohort's own week, then 1, 2…, up to the
   * week of `to`): persons with a returning touchpoint in that week. Index 0 is
   * `persons`: everyone is there in their first week.
   */
  returned: number[];
}

export interface RetentionCurvePoint {
  /** Weeks since the first touchpoint's week. */
  week: number;
  /** Persons of the cohorts that have reached this week by `to`. */
  persons: number;
  /** Of them, those who came back in this week. */
  returned: number;
  /** returned / persons (0 without persons). */
  share: number;
}

export interface CohortRetentionResult {
  /** Every week of the range, oldest first, empty weeks included. */
  cohorts: RetentionCohort[];
  /** All cohorts together, week by week: the retention curve. */
  curve: RetentionCurvePoint[];
}
