import type { ClickHouseClient } from '@clickhouse/client';
import {
  FRICTION_EXAMPLES,
  FRICTION_LIMIT,
  rankFriction,
  REPEAT_CONTACT_WINDOW_MS,
  type FrictionCounts,
  type FrictionQuery,
  type FrictionResult,
  type LongWait,
} from '@parcours/store';
import { queryRows } from './queryRows.js';
import { selectPublicPersonId } from './selectPersonRows.js';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { quoteInteger } from './sqlLiteral.js';
import { matchTouchpoint } from './touchpointSql.js';

type Target = { database: string; projectId: string };

/** Persons, occurrences and the smallest person ids of a group of rows with `pid` (one row an occurrence). */
const COUNTS = `uniqExact(pid) AS persons, count() AS occurrences,
  arraySlice(arraySort(groupUniqArray(pid)), 1, ${FRICTION_EXAMPLES}) AS examples`;

interface CountsRow {
  persons: string;
  occurrences: string;
  examples: string[];
}

const toCounts = (row: CountsRow): FrictionCounts => ({
  persons: Number(row.persons),
  occurrences: Number(row.occurrences),
  examples: row.examples,
});

/**
 * Friction (`getFriction` of `@parcours/store`), computed inside ClickHouse from each
 * person's touchpoints in the range, in (time, arrival) order; only one row per loop,
 * support touchpoint and transition leaves it, ranked here as the SQLite engine ranks
 * them. 18.16's lambdas see only their arguments, so "the touchpoint before" is a
 * shifted copy of an array, and the 90th percentile of a transition reaches its waits
 * through a join, not a lambda.
 */
export async function getFriction(
  client: ClickHouseClient,
  target: Target,
  query: FrictionQuery = {},
): Promise<FrictionResult> {
  const limit = query.limit ?? FRICTION_LIMIT;
  const range = [
    query.from === undefined ? '' : `timestamp >= ${quoteInteger(query.from)}`,
    query.to === undefined ? '' : `timestamp <= ${quoteInteger(query.to)}`,
  ].filter((test) => test !== '');
  const keep = range.length === 0 ? undefined : range.join(' AND ');
  const [loops, repeatedContacts, longWaits] = await Promise.all([
    getLoops(client, target, keep),
    getRepeatedContacts(client, target, keep, query),
    getLongWaits(client, target, keep),
  ]);
  return {
    loops: rankFriction(loops, (loop) => `${loop.from}\0${loop.via}`, limit),
    repeatedContacts: rankFriction(
      repeatedContacts,
      (contact) => `${contact.name}\0${contact.channel ?? ''}`,
      limit,
    ),
    longWaits: rankFriction(longWaits, (wait) => `${wait.from}\0${wait.to}`, limit),
  };
}

/** `array` shifted right by `by`, `''` in front (touchpoint names are never empty), of the same length. */
const shifted = (array: string, by: number): string =>
  by === 0 ? array : `arrayPopBack(arrayPushFront(${shifted(array, by - 1)}, ''))`;

/** A, B, A in a row once consecutive repeats are collapsed: one row per loop, `from` A and `via` B. */
async function getLoops(client: ClickHouseClient, target: Target, keep: string | undefined) {
  const persons = selectPersonTouchpoints(target, { names: 'name' }, keep);
  const sql = `SELECT from, via, ${COUNTS}
    FROM (
      SELECT ${selectPublicPersonId('person')} AS pid, collapsed,
        ${shifted('collapsed', 1)} AS before, ${shifted('collapsed', 2)} AS two_before
      FROM (
        SELECT person,
          arrayFilter((n, p) -> n != p, names, ${shifted('names', 1)}) AS collapsed
        FROM (${persons})
      )
      WHERE length(collapsed) >= 3
    )
    ARRAY JOIN collapsed AS from, before AS via, two_before AS back
    WHERE from = back
    GROUP BY from, via`;
  const rows = await queryRows<CountsRow & { from: string; via: string }>(client, sql);
  return rows.map((row) => ({ from: row.from, via: row.via, ...toCounts(row) }));
}

/** Each support touchpoint again at most 7 days after the previous one (of the same touchpoint). */
async function getRepeatedContacts(
  client: ClickHouseClient,
  target: Target,
  keep: string | undefined,
  query: FrictionQuery,
) {
  const support = query.support ?? [];
  if (support.length === 0) return [];
  const columns = Object.fromEntries(support.map((ref, k) => [`s${k}`, `toUInt8(${matchTouchpoint(ref)})`]));
  const persons = selectPersonTouchpoints(target, columns, keep);
  const window = quoteInteger(REPEAT_CONTACT_WINDOW_MS);
  const repeats = support.map((_, k) => {
    const times = `arrayFilter((t, m) -> m = 1, ts, s${k})`;
    return `arrayCount((later, earlier) -> later - earlier <= ${window}, arrayPopFront(${times}), arrayPopBack(${times})) AS r${k}`;
  });
  const tallies = support.map(
    (_, k) => `countIf(r${k} > 0) AS persons${k}, sum(r${k}) AS occurrences${k},
      arraySlice(arraySort(groupArrayIf(pid, r${k} > 0)), 1, ${FRICTION_EXAMPLES}) AS examples${k}`,
  );
  const sql = `SELECT ${tallies.join(',\n      ')}
    FROM (SELECT ${selectPublicPersonId('person')} AS pid, ${repeats.join(', ')} FROM (${persons}))`;
  const [row] = await queryRows<Record<string, string | string[]>>(client, sql);
  return support.map((ref, k) => ({
    name: ref.name,
    channel: ref.channel ?? null,
    persons: Number(row?.[`persons${k}`] ?? 0),
    occurrences: Number(row?.[`occurrences${k}`] ?? 0),
    examples: (row?.[`examples${k}`] as string[] | undefined) ?? [],
  }));
}

/**
 * Consecutive pairs A → B (repeats included) and their waits; per transition, the 90th
 * percentile by nearest rank (the ⌈0.9 n⌉-th smallest wait), and the waits above it.
 */
async function getLongWaits(client: ClickHouseClient, target: Target, keep: string | undefined) {
  const persons = selectPersonTouchpoints(target, { names: 'name' }, keep);
  const pairs = `SELECT pid, from, to, wait
    FROM (
      SELECT ${selectPublicPersonId('person')} AS pid,
        arrayPopBack(names) AS froms, arrayPopFront(names) AS tos,
        arrayMap((later, earlier) -> later - earlier, arrayPopFront(ts), arrayPopBack(ts)) AS waits
      FROM (${persons})
      WHERE length(ts) >= 2
    )
    ARRAY JOIN froms AS from, tos AS to, waits AS wait`;
  const percentiles = `SELECT from, to, count() AS transitions,
      arraySort(groupArray(wait))[toUInt64(ceil(0.9 * count()))] AS p90
    FROM (${pairs})
    GROUP BY from, to`;
  const sql = `SELECT from, to, transitions, p90, ${COUNTS}
    FROM (${pairs})
    ALL INNER JOIN (${percentiles}) USING (from, to)
    WHERE wait > p90
    GROUP BY from, to, transitions, p90`;
  const rows = await queryRows<
    CountsRow & { from: string; to: string; transitions: string; p90: number | string }
  >(client, sql);
  return rows.map((row): LongWait => ({
    from: row.from,
    to: row.to,
    transitions: Number(row.transitions),
    p90Ms: Number(row.p90),
    ...toCounts(row),
  }));
}
