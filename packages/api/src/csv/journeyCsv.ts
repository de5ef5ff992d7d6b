import type {
  FunnelDropoffResult,
  FunnelResult,
  FunnelStepResult,
  PathsResult,
  PersonsResult,
} from '@parcours/store';
import type { PropertyValue } from '@parcours/schema';
import { toCsv } from './toCsv.js';

// The CSV of each journey table the dashboard shows: the same answer, one row per row
// on screen, raw figures (rates as fractions, times as ISO 8601 UTC) for a spreadsheet.

const toIso = (epochMs: number) => new Date(epochMs).toISOString();

/** `parcours-<table>-<project>-<YYYY-MM-DD>.csv`. */
export function getCsvFilename(table: string, projectId: string): string {
  return `parcours-${table}-${projectId}-${new Date().toISOString().slice(0, 10)}.csv`;
}

const STEP_HEADER = [
  'step',
  'touchpoint',
  'persons',
  'conversion_rate',
  'dropped_off',
  'in_progress',
  'abandoned',
  'median_time_to_convert_ms',
];

function toStepRow(step: FunnelStepResult, index: number) {
  return [
    index + 1,
    step.name,
    step.count,
    step.conversionRate,
    step.dropOff,
    step.inProgress,
    step.abandoned,
    step.medianTimeToConvertMs,
  ];
}

/** The funnel's steps, as the funnel chart shows them. */
export function toFunnelStepsCsv(result: FunnelResult): string {
  return toCsv(STEP_HEADER, result.steps.map(toStepRow));
}

const describeValue = (value: PropertyValue) => (value === null ? '(none)' : String(value));

/** The breakdown: one row per value and step (the table's cells, long format). */
export function toFunnelBreakdownCsv(result: FunnelResult, by: string): string {
  const rows = (result.breakdown ?? []).flatMap(({ value, steps }) =>
    steps.map((step, index) => [describeValue(value), ...toStepRow(step, index)]),
  );
  return toCsv([by, ...STEP_HEADER], rows);
}

/** Who dropped off at a step: the drop-off list's rows. */
export function toDropoffsCsv(persons: FunnelDropoffResult['persons']): string {
  return toCsv(
    [
      'person_id',
      'user_ids',
      'anonymous_ids',
      'reached_at',
      'last_touchpoint',
      'last_touchpoint_channel',
      'last_touchpoint_at',
    ],
    persons.map((person) => [
      person.personId,
      person.userIds.join(' '),
      person.anonymousIds.join(' '),
      toIso(person.reachedAt),
      person.lastTouchpoint.name,
      person.lastTouchpoint.channel,
      toIso(person.lastTouchpoint.timestamp),
    ]),
  );
}

/** The most common paths, as the paths list ranks them. */
export function toPathsCsv(result: PathsResult): string {
  return toCsv(
    ['rank', 'path', 'persons'],
    result.paths.map((path, index) => [index + 1, path.steps.join(' → '), path.count]),
  );
}

/** The persons list's rows. */
export function toPersonsCsv(persons: PersonsResult['persons']): string {
  return toCsv(
    [
      'person_id',
      'user_ids',
      'anonymous_ids',
      'first_seen',
      'last_seen',
      'touchpoints',
      'channels',
      'stages',
    ],
    persons.map((person) => [
      person.personId,
      person.userIds.join(' '),
      person.anonymousIds.join(' '),
      toIso(person.firstSeen),
      toIso(person.lastSeen),
      person.touchpoints,
      person.channels.map((channel) => channel ?? '(none)').join(' '),
      person.stages.join(' | '),
    ]),
  );
}
