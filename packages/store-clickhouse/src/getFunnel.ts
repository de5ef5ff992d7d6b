import type { ClickHouseClient } from '@clickhouse/client';
import type { PropertyValue } from '@parcours/schema';
import {
  MAX_BREAKDOWN_VALUES,
  MAX_FUNNEL_STEPS,
  MAX_QUERY_PROPERTIES,
  getQueryProperties,
  QueryBudgetError,
  type FunnelQuery,
  type FunnelResult,
  type FunnelStepResult,
} from '@parcours/store';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';

/** The raw JSON of a property of the event (`null` when absent), as `properties` stores it. */
function propertyRaw(key: string): string {
  const raw = `visitParamExtractRaw(properties, ${quoteString(key)})`;
  return `if(${raw} = '', 'null', ${raw})`;
}

/** Bit k of the mask: the event matches step k + 1 (name, channel, every `where`). */
export function stepMask(query: FunnelQuery): string {
  return query.steps
    .map((step, k) => {
      const tests = [`name = ${quoteString(step.name)}`];
      if (step.channel !== undefined) tests.push(`channel = ${quoteString(step.channel)}`);
      for (const [key, value] of Object.entries(step.where ?? {})) {
        // Properties are stored as JSON.stringify wrote them: the same value has the same raw text.
        tests.push(`${propertyRaw(key)} = ${quoteString(JSON.stringify(value))}`);
      }
      return `if(${tests.join(' AND ')}, ${quoteInteger(2 ** k)}, 0)`;
    })
    .join(' + ');
}

/**
 * Per person: the level reached and the time of each step from step 1, with the
 * engine's semantics (`@parcours/store` analyseFunnel): from each eligible start, the
 * greedy chain (earliest later touchpoint matching the next step, strictly later in
 * time, within the window of the start); the start reaching furthest, earliest first.
 * `p<k>` holds, per start, the index of the step-k touchpoint of its chain (0: none).
 * `extra`: more output columns (alias → expression over the person's row, or over
 * `reached_at`: the time of the chosen chain's last step).
 */
export function selectPersonFunnels(
  query: FunnelQuery,
  persons: string,
  extra: Record<string, string> = {},
): string {
  const K = query.steps.length;
  const window = quoteInteger(query.windowMs);
  const eligible = ['bitAnd(m, 1) != 0'];
  if (query.from !== undefined) eligible.push(`t >= ${quoteInteger(query.from)}`);
  if (query.to !== undefined) eligible.push(`t <= ${quoteInteger(query.to)}`);
  // ClickHouse 18.16's lambdas see only their own arguments (a captured column is an
  // "unknown identifier"), so each start gets its copy of the person's arrays.
  const chains = [`arrayFilter((i, t, m) -> ${eligible.join(' AND ')}, arrayEnumerate(ts), ts, mask) AS p1`];
  if (K > 1) chains.push('replicate(ts, p1) AS ts_per_start', 'replicate(mask, p1) AS mask_per_start');
  for (let k = 2; k <= K; k++) {
    const bit = quoteInteger(2 ** (k - 1));
    chains.push(
      `arrayMap((s, p, T, M) -> if(p = 0, 0, arrayFirstIndex((t, m) -> bitAnd(m, ${bit}) != 0 AND t > T[p] AND t - T[s] <= ${window}, T, M)), p1, p${k - 1}, ts_per_start, mask_per_start) AS p${k}`,
    );
  }
  const steps = Array.from({ length: K }, (_, k) => `p${k + 1}`);
  // Lambda parameters named apart from the columns: 18.16 resolves a clashing name to the column.
  const params = Array.from({ length: K }, (_, k) => `q${k + 1}`);
  const times = steps.map((p) => `toFloat64(ts[${p}[chosen]] - ts[p1[chosen]])`);
  // In progress (the engine's contract): short of the last step, and the latest start
  // of a chain reaching that far leaves its window open at the end of the range.
  const openUntil = quoteInteger(query.to ?? query.now ?? Date.now());
  const aliases = Object.keys(extra);
  const more =
    aliases.length === 0
      ? []
      : [
          `ts[arrayElement([${steps.map((p) => `${p}[chosen]`).join(', ')}], reached)] AS reached_at`,
          ...aliases.map((alias) => `${extra[alias]} AS ${alias}`),
        ];
  const outputs = [
    'reached',
    'times',
    'value',
    'in_progress',
    ...(aliases.length === 0 ? [] : ['reached_at', ...aliases]),
  ];
  return `SELECT ${outputs.join(', ')} FROM (
  SELECT
    ${chains.join(',\n    ')},
    arrayMap((${params.join(', ')}) -> ${params.map((q) => `(${q} != 0)`).join(' + ')}, ${steps.join(', ')}) AS levels,
    arrayReduce('max', levels) AS reached,
    arrayFirstIndex(l -> l = reached, levels) AS chosen,
    [${times.join(', ')}] AS times,
    breakdown[p1[chosen]] AS value,
    arrayReduce('max', arrayFilter((s, l) -> l = reached, arrayMap(p -> ts[p], p1), levels)) AS latest_start,
    ${[`reached < ${K} AND latest_start + ${window} > ${openUntil} AS in_progress`, ...more].join(',\n    ')}
  FROM (${persons})
)
WHERE reached > 0`;
}

/** Per-step counts and medians (0 when nobody: the caller says null) over a group of persons. */
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
  return `[${counts.join(', ')}] AS counts, [${inProgress.join(', ')}] AS in_progress_counts, arrayMap(t -> ${median('t')}, [${sorted.join(', ')}]) AS medians`;
}

function toSteps(
  query: FunnelQuery,
  row: { counts: Array<string | number>; in_progress_counts: Array<string | number>; medians: number[] },
): FunnelStepResult[] {
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

/** Refuses a funnel the SQLite engine refuses, with its errors: too few or many steps, too many properties. */
export function checkFunnelQuery(query: FunnelQuery): void {
  const K = query.steps.length;
  if (K < 1 || K > MAX_FUNNEL_STEPS) throw new RangeError(`a funnel has 1 to ${MAX_FUNNEL_STEPS} steps`);
  const properties = getQueryProperties(query);
  if (properties.length > MAX_QUERY_PROPERTIES) {
    throw new QueryBudgetError(
      `A funnel reads at most ${MAX_QUERY_PROPERTIES} distinct properties (where keys and breakdown); this one reads ${properties.length}`,
    );
  }
}

/**
 * A funnel computed inside ClickHouse: persons (identities stitched) reaching each
 * step, conversion, drop-off, median time from step 1, and a breakdown by `channel`
 * or a property of the chosen step-1 touchpoint. Same answers as the SQLite engine
 * (checked by `journeyEquivalence.test.ts`), except the order of breakdown values with
 * equal counts: by value here, by first appearance in the SQLite engine.
 */
export async function getFunnel(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  query: FunnelQuery,
): Promise<FunnelResult> {
  const K = query.steps.length;
  checkFunnelQuery(query);
  const breakdown =
    query.breakdown === undefined
      ? "''"
      : query.breakdown === 'channel'
        ? 'channel'
        : propertyRaw(query.breakdown);
  // Touchpoints matching no step change nobody's funnel: only they and the links are read.
  const names = [...new Set(query.steps.map((step) => quoteString(step.name)))].join(', ');
  const persons = selectPersonTouchpoints(target, { mask: stepMask(query), breakdown }, `name IN (${names})`);
  const perPerson = selectPersonFunnels(query, persons);
  const totalResult = await client.query({
    query: `SELECT ${aggregateSteps(K)} FROM (${perPerson})`,
    format: 'JSONEachRow',
  });
  const [total] = await totalResult.json<{
    counts: string[];
    in_progress_counts: string[];
    medians: number[];
  }>();
  const result: FunnelResult = { steps: toSteps(query, total!) };
  if (query.breakdown !== undefined) {
    const byValue = await client.query({
      query: `SELECT value, ${aggregateSteps(K)} FROM (${perPerson})
        GROUP BY value ORDER BY counts[1] DESC, value LIMIT ${MAX_BREAKDOWN_VALUES}`,
      format: 'JSONEachRow',
    });
    const rows = await byValue.json<{
      value: string;
      counts: string[];
      in_progress_counts: string[];
      medians: number[];
    }>();
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
