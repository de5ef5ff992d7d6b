import type { ClickHouseClient } from '@clickhouse/client';
import type { PropertyValue } from '@parcours/schema';
import {
  checkFunnelDriversQuery,
  DRIVER_KINDS,
  MAX_FUNNEL_DRIVERS,
  type FunnelDriver,
  type FunnelDriversQuery,
  type FunnelDriversResult,
} from '@parcours/store';
import { exclusionMask, propertyRaw, stepMask } from './funnelMasks.js';
import { selectPersonFunnels } from './selectPersonFunnels.js';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';

type Target = { database: string; projectId: string };

/**
 * Per person who reached the step: `did_convert` and `features`, the distinct (kind,
 * name, value) of their touchpoints before the next step, as `getFunnelDrivers` of
 * `@parcours/store` defines it (from the chosen chain's start to the time it reached
 * the next step, excluded, or to the end of its window). Kinds are indexes into
 * `DRIVER_KINDS`; values are raw JSON for properties, '' otherwise.
 */
function selectDriverFeatures(target: Target, query: FunnelDriversQuery): string {
  const properties = query.properties ?? [];
  const columns: Record<string, string> = {
    mask: stepMask(query),
    xmask: exclusionMask(query),
    breakdown: "''",
    names: 'name',
    channels: 'channel',
  };
  properties.forEach((name, i) => (columns[`property${i}`] = propertyRaw(name)));
  const persons = selectPersonTouchpoints(target, columns);
  const next = quoteInteger(query.step + 1);
  // The span, inclusive (times are whole ms), passed to each lambda as an argument:
  // 18.16 drops a column only a lambda's body names.
  const span = (values: string) => `${values}, ts, replicate(span_from, ts), replicate(span_to, ts)`;
  const inSpan = 't >= lo AND t <= hi';
  const kind = (name: (typeof DRIVER_KINDS)[number]) => DRIVER_KINDS.indexOf(name);
  const features = [
    `arrayMap(n -> (${kind('touchpoint')}, n, ''), arrayFilter((n, t, lo, hi) -> ${inSpan}, ${span('names')}))`,
    `arrayMap(c -> (${kind('channel')}, c, ''), arrayFilter((c, t, lo, hi) -> c != '' AND ${inSpan}, ${span('channels')}))`,
    ...properties.map(
      (name, i) =>
        `arrayMap(v -> (${kind('property')}, ${quoteString(name)}, v), arrayFilter((v, t, lo, hi) -> v != 'null' AND ${inSpan}, ${span(`property${i}`)}))`,
    ),
  ];
  const perPerson = selectPersonFunnels(query, persons, {
    did_convert: `reached >= ${next}`,
    span_from: 'start_time',
    span_to: `if(reached >= ${next}, start_time + toInt64(times[${next}]) - 1, start_time + ${quoteInteger(query.windowMs)})`,
    features: `arrayDistinct(arrayConcat(${features.join(', ')}))`,
  });
  return `SELECT did_convert, features FROM (${perPerson}) WHERE reached >= ${quoteInteger(query.step)}`;
}

/**
 * Funnel drivers computed inside ClickHouse: the persons who reached the step and
 * converted, then each driver's persons and lift, ranked and cut to the top ten in
 * SQL with the same order as `rankFunnelDrivers` of `@parcours/store` (|lift|, persons,
 * kind, then name and value as bytes). Same answers as the SQLite engine (checked by
 * `driversEquivalence.test.ts`).
 */
export async function getFunnelDrivers(
  client: ClickHouseClient,
  target: Target,
  query: FunnelDriversQuery,
): Promise<FunnelDriversResult> {
  checkFunnelDriversQuery(query);
  // One time of the question for both passes.
  const asked: FunnelDriversQuery = { ...query, now: query.now ?? Date.now() };
  const features = selectDriverFeatures(target, asked);
  const populationResult = await client.query({
    query: `SELECT count() AS persons, countIf(did_convert) AS converted FROM (${features})`,
    format: 'JSONEachRow',
  });
  const [population] = await populationResult.json<{ persons: string; converted: string }>();
  const persons = Number(population!.persons);
  const converted = Number(population!.converted);
  if (persons === 0) return { step: query.step, persons, converted, drivers: [] };
  const P = quoteInteger(persons);
  const C = quoteInteger(converted);
  const driversResult = await client.query({
    query: `SELECT tupleElement(feature, 1) AS kind, tupleElement(feature, 2) AS name, tupleElement(feature, 3) AS value,
        count() AS persons, countIf(did_convert) AS converted,
        converted / persons AS rate, (${C} - converted) / (${P} - persons) AS rate_without, rate - rate_without AS lift
      FROM (SELECT arrayJoin(features) AS feature, did_convert FROM (${features}))
      GROUP BY feature
      HAVING persons >= ${quoteInteger(query.minPersons ?? 1)} AND persons < ${P}
      ORDER BY abs(lift) DESC, persons DESC, kind, name, value
      LIMIT ${MAX_FUNNEL_DRIVERS}`,
    format: 'JSONEachRow',
  });
  const rows = await driversResult.json<{
    kind: number;
    name: string;
    value: string;
    persons: string;
    converted: string;
    rate: number;
    rate_without: number;
    lift: number;
  }>();
  const drivers = rows.map((row): FunnelDriver => ({
    kind: DRIVER_KINDS[row.kind]!,
    name: row.name,
    ...(DRIVER_KINDS[row.kind] === 'property' ? { value: JSON.parse(row.value) as PropertyValue } : {}),
    persons: Number(row.persons),
    converted: Number(row.converted),
    conversionRate: row.rate,
    conversionRateWithout: row.rate_without,
    lift: row.lift,
  }));
  return { step: query.step, persons, converted, drivers };
}
