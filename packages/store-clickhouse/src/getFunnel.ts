import type { ClickHouseClient } from '@clickhouse/client';
import type { PropertyValue } from '@parcours/schema';
import {
  checkFunnelQuery,
  createFunnelSettings,
  MAX_BREAKDOWN_VALUES,
  TIME_TO_CONVERT_BOUNDS,
  toFunnelWeeks,
  toTimeToConvertBuckets,
  type FunnelQuery,
  type FunnelResult,
  type FunnelStepResult,
} from '@parcours/store';
import { exclusionMask, funnelNames, propertyRaw, stepMask } from './funnelMasks.js';
import { selectPersonFunnels } from './selectPersonFunnels.js';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { PERSON_QUERY_SETTINGS } from './personQuerySettings.js';
import { quoteInteger } from './sqlLiteral.js';
import { localWeekSql } from './zoneSql.js';

/** The figures of one group of persons, as `aggregateSteps` selects them. */
interface StepRow {
  counts: Array<string | number>;
  in_progress_counts: Array<string | number>;
  medians: number[];
  time_to_convert: Array<string | number>;
}

/**
 * Per-step counts, in-progress drop-offs and medians (0 when nobody: the caller says
 * null) over a group of persons, and their times to convert (`TIME_TO_CONVERT_BOUNDS`).
 */
function aggregateSteps(K: number): string {
  const counts = Array.from({ length: K }, (_, k) => `countIf(reached >= ${k + 1})`);
  // Step k + 1's in-progress drop-offs: persons who stopped at step k with a window open.
  const inProgress = Array.from({ length: K }, (_, k) => `countIf(reached = ${k} AND in_progress)`);
  const sorted = Array.from(
    { length: K },
    (_, k) => `arraySort(groupArrayIf(times[${k + 1}], reached >= ${k + 1}))`,
  );
  const median = (t: string) =>
    `if(length(${t}) = 0, 0, if(length(${t}) % 2 = 1, ${t}[intDiv(length(${t}), 2) + 1], (${t}[intDiv(length(${t}), 2)] + ${t}[intDiv(length(${t}), 2) + 1]) / 2))`;
  const bounds = TIME_TO_CONVERT_BOUNDS.map((from, i) => {
    const to = TIME_TO_CONVERT_BOUNDS[i + 1];
    const within = [`times[${K}] >= ${quoteInteger(from)}`];
    if (to !== undefined) within.push(`times[${K}] < ${quoteInteger(to)}`);
    return `countIf(reached = ${K} AND ${within.join(' AND ')})`;
  });
  return `[${counts.join(', ')}] AS counts, [${inProgress.join(', ')}] AS in_progress_counts,
    arrayMap(t -> ${median('t')}, [${sorted.join(', ')}]) AS medians, [${bounds.join(', ')}] AS time_to_convert`;
}

function toSteps(query: FunnelQuery, row: StepRow): FunnelStepResult[] {
  const counts = row.counts.map(Number);
  const first = counts[0]!;
  return query.steps.map((step, k) => {
    const dropOff = k === 0 ? 0 : counts[k - 1]! - counts[k]!;
    const inProgress = k === 0 ? 0 : Number(row.in_progress_counts[k]);
    return {
      name: step.name,
      count: counts[k]!,
      conversionRate: first === 0 ? 0 : counts[k]! / first,
      dropOff,
      inProgress,
      abandoned: dropOff - inProgress,
      medianTimeToConvertMs: counts[k] === 0 ? null : row.medians[k]!,
    };
  });
}

/**
 * A funnel computed inside ClickHouse: persons (identities stitched) reaching each
 * step, in sequence (with exclusions) or in any order, conversion, drop-off in progress
 * and abandoned, median time from the chain's start, conversion by week, time to
 * convert, and a breakdown by `channel` or a property of the chosen step-1 touchpoint.
 * Same answers as the SQLite engine (checked by `funnelEquivalence.test.ts`), except
 * the order of breakdown values with equal counts: by value here, by first appearance
 * in the SQLite engine.
 */
export async function getFunnel(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  query: FunnelQuery,
): Promise<FunnelResult> {
  const K = query.steps.length;
  checkFunnelQuery(query);
  // One time of the question for every pass.
  const asked: FunnelQuery = { ...query, now: query.now ?? Date.now() };
  const breakdown =
    query.breakdown === undefined
      ? "''"
      : query.breakdown === 'channel'
        ? 'channel'
        : propertyRaw(query.breakdown);
  const columns: Record<string, string> = { mask: stepMask(query), breakdown };
  if ((query.exclusions ?? []).length > 0) columns['xmask'] = exclusionMask(query);
  // Touchpoints matching no step or exclusion change nobody's funnel: only they and the links are read.
  const persons = selectPersonTouchpoints(target, columns, `name IN (${funnelNames(query)})`);
  const perPerson = selectPersonFunnels(asked, persons);
  // One pass for the weeks; the totals row is every person's.
  const byWeek = await client.query({
    query: `SELECT ${localWeekSql('start_time', query.timeZone)} AS week, ${aggregateSteps(K)} FROM (${perPerson}) GROUP BY week WITH TOTALS`,
    format: 'JSON',
    clickhouse_settings: PERSON_QUERY_SETTINGS,
  });
  const { data: weeks, totals: total } = await byWeek.json<StepRow & { week: string }>();
  const zeros = query.steps.map(() => 0);
  const empty: StepRow = { counts: zeros, in_progress_counts: zeros, medians: zeros, time_to_convert: [] };
  const result: FunnelResult = {
    steps: toSteps(query, weeks.length === 0 || total === undefined ? empty : total),
    overTime: toFunnelWeeks(weeks.map((row) => [Number(row.week), row.counts.map(Number)])),
    timeToConvert: toTimeToConvertBuckets((total?.time_to_convert ?? []).map(Number)),
    settings: createFunnelSettings(query),
  };
  if (query.breakdown !== undefined) {
    const byValue = await client.query({
      query: `SELECT value, ${aggregateSteps(K)} FROM (${perPerson})
        GROUP BY value ORDER BY counts[1] DESC, value LIMIT ${MAX_BREAKDOWN_VALUES}`,
      format: 'JSONEachRow',
      clickhouse_settings: PERSON_QUERY_SETTINGS,
    });
    const rows = await byValue.json<StepRow & { value: string }>();
    result.breakdown = rows.map((row) => ({
      value:
        query.breakdown === 'channel'
          ? row.value === ''
            ? null
            : row.value
          : (JSON.parse(row.value) as PropertyValue),
      steps: toSteps(query, row),
    }));
  }
  return result;
}
