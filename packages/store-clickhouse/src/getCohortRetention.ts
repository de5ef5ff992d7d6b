import type { ClickHouseClient } from '@clickhouse/client';
import {
  buildRetentionResult,
  getCohortWeeks,
  type CohortRetentionQuery,
  type CohortRetentionResult,
} from '@parcours/store';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { quoteInteger } from './sqlLiteral.js';
import { matchTouchpoint } from './touchpointSql.js';
import { localWeekSql } from './zoneSql.js';

/**
 * Weekly cohort retention (`getCohortRetention` of `@parcours/store`), computed inside
 * ClickHouse: per person, the week of their first touchpoint and the distinct weeks
 * of their returning touchpoints up to `to`; only (cohort, week, persons) rows leave
 * it. Same answers as the SQLite engine (the conformance suite and
 * `retentionEquivalence.test.ts`).
 */
export async function getCohortRetention(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  query: CohortRetentionQuery,
): Promise<CohortRetentionResult> {
  const { firstWeek, weekCount } = getCohortWeeks(query);
  const weekOf = (time: string) => localWeekSql(time, query.timeZone);
  const from = quoteInteger(query.from);
  const to = quoteInteger(query.to);
  const isReturn = query.returning === undefined ? '1' : `toUInt8(${matchTouchpoint(query.returning)})`;
  const persons = selectPersonTouchpoints(target, { back: isReturn });
  // 18.16's lambdas see only their arguments: weeks before the first are dropped after
  // the ARRAY JOIN; the first week itself is pushed in, so week 0 counts everyone.
  const sql = `SELECT toInt64(first_week) - ${quoteInteger(firstWeek)} AS cohort,
      toInt64(week) - toInt64(first_week) AS offset, count() AS persons
    FROM (
      SELECT ${weekOf('ts[1]')} AS first_week,
        arrayDistinct(arrayPushFront(
          arrayMap((t, b) -> if(b = 1 AND t <= ${to}, ${weekOf('t')}, 0), ts, back), first_week)) AS weeks
      FROM (${persons})
      WHERE ts[1] >= ${from} AND ts[1] <= ${to}
    )
    ARRAY JOIN weeks AS week
    WHERE week >= first_week
    GROUP BY cohort, offset`;
  const rows = await (
    await client.query({ query: sql, format: 'JSONEachRow' })
  ).json<{
    cohort: string;
    offset: string;
    persons: string;
  }>();
  const counts = new Map(rows.map((row) => [`${row.cohort}:${row.offset}`, Number(row.persons)]));
  const countOf = (cohort: number, week: number) => counts.get(`${cohort}:${week}`) ?? 0;
  return buildRetentionResult({
    firstWeek,
    weekCount,
    persons: Array.from({ length: weekCount }, (_, c) => countOf(c, 0)),
    returnedAt: countOf,
  });
}
