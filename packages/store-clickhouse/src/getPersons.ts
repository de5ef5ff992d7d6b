import type { ClickHouseClient } from '@clickhouse/client';
import type { PropertyValue } from '@parcours/schema';
import {
  encodePersonsCursor,
  readPersonsCursor,
  type JourneyStage,
  type PersonsQuery,
  type PersonsResult,
  type TimeBounds,
} from '@parcours/store';
import { describePersons } from './describePersons.js';
import { fromVisibleEvents } from './fromVisibleEvents.js';
import {
  readPropertyRaw,
  selectPersonSummaries,
  toPersonSummary,
  type PersonSummaryRow,
} from './selectPersonSummaries.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';

type Target = { database: string; projectId: string };

/** The sort key of each sort, as a column of `selectPersonSummaries`. */
const SORT_KEYS = {
  lastSeen: 'last_seen',
  firstSeen: 'first_seen',
  touchpoints: 'touchpoints',
  personId: '0',
};

/** True when `expression` starts with `prefix` (18.16 has no `startsWith`: bytes compared). */
function startsWith(expression: string, prefix: string): string {
  return `substring(${expression}, 1, ${quoteInteger(Buffer.byteLength(prefix))}) = ${quoteString(prefix)}`;
}

function within(column: string, bounds: TimeBounds | undefined): string[] {
  const tests: string[] = [];
  if (bounds?.from !== undefined) tests.push(`${column} >= ${quoteInteger(bounds.from)}`);
  if (bounds?.to !== undefined) tests.push(`${column} <= ${quoteInteger(bounds.to)}`);
  return tests;
}

/**
 * SQL of the persons whose profile has `property`: the latest value (by time, then
 * arrival) of the trait among their identifies is that value. As the SQLite trait
 * cache places an identify: a user id's identify is that user's; one without, its
 * device's, only while that device never identified.
 */
export function selectTraitHolders(target: Target, property: { name: string; value: PropertyValue }): string {
  const events = fromVisibleEvents(target);
  return `SELECT holder FROM (
      SELECT if(user_id != '', concat('u:', user_id), concat('d:', anonymous_id)) AS holder,
        argMax(raw, (timestamp, arrival)) AS latest
      FROM (
        SELECT user_id, anonymous_id, timestamp, arrival, ${readPropertyRaw(property.name)} AS raw
        FROM ${events} AND type = 'identify'
      )
      WHERE raw != '' AND (user_id != '' OR anonymous_id NOT IN (SELECT anonymous_id FROM ${events} AND user_id != ''))
      GROUP BY holder
    )
    WHERE latest = ${quoteString(JSON.stringify(property.value))}`;
}

/** The filters of `query` over a row of `selectPersonSummaries`; undefined when none can match. */
function selectFilters(target: Target, query: PersonsQuery, stages: ReadonlyArray<JourneyStage>) {
  const tests = [...within('first_seen', query.firstSeen), ...within('last_seen', query.lastSeen)];
  if (query.channel !== undefined) tests.push(`has(channels, ${quoteString(query.channel)})`);
  if (query.stage !== undefined) {
    const position = stages.findIndex((stage) => stage.name === query.stage);
    if (position === -1) return undefined;
    tests.push(`has(stages, ${quoteInteger(position + 1)})`);
  }
  if (query.property !== undefined) {
    tests.push(`(on_property = 1 OR person IN (${selectTraitHolders(target, query.property)}))`);
  }
  if (query.search !== undefined) {
    const search = query.search;
    // A person id, a device's or user's own id, or one of a user's devices.
    const linkedDevice = `SELECT concat('u:', user_id) FROM ${fromVisibleEvents(target)}
      AND user_id != '' AND ${startsWith('anonymous_id', search)}`;
    tests.push(
      `(${startsWith('person_id', search)} OR ${startsWith('substring(person, 3)', search)} OR person IN (${linkedDevice}))`,
    );
  }
  return tests.length === 0 ? '1' : tests.join(' AND ');
}

/**
 * A page of the persons matching every filter of `query`, in its order, with the
 * total, computed inside ClickHouse: one row of figures per person, filtered and
 * sorted there; only the page (and its users' devices) leaves it. Same answers and
 * cursors as the SQLite engine's `getPersons` (`personsEquivalence.test.ts`): the
 * cursor is a position (sort key, person id); ties by person id in the sort's
 * direction, compared bytewise (the SQLite order in the Basic Multilingual Plane).
 */
export async function getPersons(
  client: ClickHouseClient,
  target: Target,
  query: PersonsQuery,
  stages: ReadonlyArray<JourneyStage>,
): Promise<PersonsResult> {
  const sort = query.sort ?? 'lastSeen';
  const order = query.order ?? 'desc';
  const cursor = readPersonsCursor(query);
  const filters = selectFilters(target, query, stages);
  if (filters === undefined) return { persons: [], nextCursor: null, total: 0 };
  const key = SORT_KEYS[sort];
  const matching = `SELECT *, ${key} AS sort_key
    FROM (${selectPersonSummaries(target, stages, { property: query.property })})
    WHERE ${filters}`;
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const beyond = order === 'asc' ? '>' : '<';
  const after =
    cursor === undefined
      ? '1'
      : `(sort_key ${beyond} ${readCursorKey(cursor.key)} OR (sort_key = ${readCursorKey(cursor.key)}
          AND person_id ${beyond} ${quoteString(cursor.personId)}))`;
  const ask = async <T>(sql: string) => (await client.query({ query: sql, format: 'JSONEachRow' })).json<T>();
  const [rows, [total]] = await Promise.all([
    ask<PersonSummaryRow & { sort_key: string }>(
      `SELECT * FROM (${matching}) WHERE ${after}
       ORDER BY sort_key ${direction}, person_id ${direction}
       LIMIT ${quoteInteger(query.limit + 1)}`,
    ),
    ask<{ n: string }>(`SELECT count() AS n FROM (${matching})`),
  ]);
  const page = rows.slice(0, query.limit);
  const idsOf = await describePersons(
    client,
    target,
    page.map((row) => row.person),
  );
  const last = page.at(-1);
  return {
    persons: page.map((row) => toPersonSummary(row, idsOf(row.person), stages)),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodePersonsCursor({ sort, order, key: Number(last.sort_key), personId: last.person_id })
        : null,
    total: Number(total!.n),
  };
}

/** A cursor's sort key as SQL: the keys handed out are integers; any other finite number is compared as one. */
function readCursorKey(key: number): string {
  return Number.isSafeInteger(key) ? quoteInteger(key) : `toFloat64(${quoteString(String(key))})`;
}
