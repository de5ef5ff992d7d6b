import type { ClickHouseClient } from '@clickhouse/client';
import type { SegmentDefinition } from '@parcours/schema';
import {
  findPainPoints,
  orderChannelFeedback,
  summariseCsat,
  summariseDesignedOrder,
  type ChannelFeedback,
  type JourneyStage,
  type StagesQuery,
  type StagesResult,
  type TouchpointRef,
  type TouchpointStats,
} from '@parcours/store';
import { queryRows } from './queryRows.js';
import { selectPersonTouchpoints } from './selectPersonTouchpoints.js';
import { quoteInteger } from './sqlLiteral.js';
import {
  matchTouchpoint,
  readCsatScore,
  readNpsScore,
  selectChannelOrder,
  summariseNps,
} from './touchpointSql.js';
import { selectPersonRows } from './selectPersonRows.js';
import { fromVisibleEvents } from './fromVisibleEvents.js';

type Target = { database: string; projectId: string; segment?: SegmentDefinition | undefined };

/** A segment's touchpoints with the columns the volumes read: name, channel, timestamp. */
function selectSegmentTouchpoints(target: Target): string {
  return `SELECT tp_name AS name, tp_channel AS channel, timestamp
    FROM (${selectPersonRows(target, { tp_name: 'name', tp_channel: 'channel' })})`;
}

/** Sorts after every stored time: "this person never reached the stage". */
const NEVER = 'toInt64(9223372036854775807)';

/** The range test of `StagesQuery` over an event's `timestamp` (bounds inclusive). */
function inRange(query: StagesQuery): string {
  const tests = ['1'];
  if (query.from !== undefined) tests.push(`timestamp >= ${quoteInteger(query.from)}`);
  if (query.to !== undefined) tests.push(`timestamp <= ${quoteInteger(query.to)}`);
  return tests.join(' AND ');
}

/**
 * The index (1-based; 0: none) of the first answer in the array `answers` (-1: no answer)
 * after the person's touchpoint at index `after`. 18.16's lambdas see only their
 * arguments: `after` goes in as an array.
 */
function firstAnswerAfter(answers: string, after: string): string {
  return `arrayFirstIndex((v, i, f) -> v >= 0 AND i > f, ${answers}, arrayEnumerate(${answers}), replicate(${after}, ${answers}))`;
}

/**
 * Per-person figures (`@parcours/store` getStages semantics), J = the map's touchpoints:
 * `f<j>` the index of their first in-range touchpoint j (0: none); `x<j>` whether their
 * last in-range touchpoint is touchpoint j; `s<j>` the first in-range NPS score after
 * `f<j>` (-1: none), `c<j>` the CSAT score likewise; `fs<s>` the time they first reached
 * stage s (NEVER: not reached); `ss<s>` and `cs<s>` the NPS and CSAT scores after it.
 */
function selectPersonStages(map: ReadonlyArray<JourneyStage>, persons: string): string {
  const columns: string[] = [
    `length(inr) + 1 - arrayFirstIndex(x -> x = 1, arrayReverse(inr)) AS last_in_range`,
  ];
  let j = 0;
  map.forEach((stage, s) => {
    const stageFirsts: string[] = [];
    const firsts = stage.touchpoints.map(() => {
      const k = j++;
      stageFirsts.push(`f${k}`);
      columns.push(
        `arrayFirstIndex(x -> x = 1, m${k}) AS f${k}`,
        `m${k}[last_in_range] AS x${k}`,
        `${firstAnswerAfter('nps', `f${k}`)} AS a${k}`,
        `if(f${k} = 0 OR a${k} = 0, -1, nps[a${k}]) AS s${k}`,
        `${firstAnswerAfter('csat', `f${k}`)} AS ca${k}`,
        `if(f${k} = 0 OR ca${k} = 0, -1, csat[ca${k}]) AS c${k}`,
      );
      return `if(f${k} > 0, ts[f${k}], ${NEVER})`;
    });
    columns.push(`arrayReduce('min', [${[NEVER, ...firsts].join(', ')}]) AS fs${s}`);
    // The stage's score: the first answer after the person's first touchpoint of it (sf: 0, none).
    const stageFirst =
      stageFirsts.length === 0
        ? 'toUInt32(0)'
        : `toUInt32(arrayReduce('min', arrayFilter(x -> x > 0, [toUInt32(4294967295), ${stageFirsts.join(', ')}])))`;
    columns.push(
      `if(${stageFirst} = 4294967295, toUInt32(0), ${stageFirst}) AS sf${s}`,
      `${firstAnswerAfter('nps', `sf${s}`)} AS sa${s}`,
      `if(sf${s} = 0 OR sa${s} = 0, -1, nps[sa${s}]) AS ss${s}`,
      `${firstAnswerAfter('csat', `sf${s}`)} AS csa${s}`,
      `if(sf${s} = 0 OR csa${s} = 0, -1, csat[csa${s}]) AS cs${s}`,
    );
  });
  return `SELECT ${columns.join(',\n    ')} FROM (${persons})`;
}

/** One array per figure, an element per touchpoint (or per stage), over every person. */
function aggregateStages(map: ReadonlyArray<JourneyStage>): string {
  const J = map.reduce((n, stage) => n + stage.touchpoints.length, 0);
  const each = (f: (k: number) => string) => `[${Array.from({ length: J }, (_, k) => f(k)).join(', ')}]`;
  const reached = (s: number) => `fs${s} != ${NEVER}`;
  const stagePersons = map.map((_, s) => `countIf(${reached(s)})`);
  const converted = map.map((_, s) =>
    s === 0 ? 'toUInt64(0)' : `countIf(${reached(s - 1)} AND ${reached(s)} AND fs${s} >= fs${s - 1})`,
  );
  const skipped = map.map((_, s) =>
    s === 0 ? 'toUInt64(0)' : `countIf(${reached(s)} AND NOT (${reached(s - 1)}))`,
  );
  return `SELECT
    ${each((k) => `countIf(f${k} > 0)`)} AS persons,
    ${each((k) => `countIf(f${k} > 0 AND x${k} = 1)`)} AS exits,
    ${each((k) => `countIf(s${k} >= 0)`)} AS responses,
    ${each((k) => `sumIf(s${k}, s${k} >= 0)`)} AS sums,
    ${each((k) => `countIf(s${k} >= 9)`)} AS promoters,
    ${each((k) => `countIf(s${k} >= 0 AND s${k} <= 6)`)} AS detractors,
    ${each((k) => `countIf(c${k} >= 0)`)} AS csat_responses,
    ${each((k) => `sumIf(c${k}, c${k} >= 0)`)} AS csat_sums,
    ${each((k) => `countIf(c${k} >= 4)`)} AS csat_satisfied,
    [${stagePersons.join(', ')}] AS stage_persons,
    [${map.map((_, s) => `countIf(ss${s} >= 0)`).join(', ')}] AS stage_responses,
    [${map.map((_, s) => `sumIf(ss${s}, ss${s} >= 0)`).join(', ')}] AS stage_sums,
    [${map.map((_, s) => `countIf(ss${s} >= 9)`).join(', ')}] AS stage_promoters,
    [${map.map((_, s) => `countIf(ss${s} >= 0 AND ss${s} <= 6)`).join(', ')}] AS stage_detractors,
    [${map.map((_, s) => `countIf(cs${s} >= 0)`).join(', ')}] AS stage_csat_responses,
    [${map.map((_, s) => `sumIf(cs${s}, cs${s} >= 0)`).join(', ')}] AS stage_csat_sums,
    [${map.map((_, s) => `countIf(cs${s} >= 4)`).join(', ')}] AS stage_csat_satisfied,
    [${converted.join(', ')}] AS stage_converted,
    [${skipped.join(', ')}] AS stage_skipped`;
}

interface ChannelRow {
  channel: string;
  persons: string;
  responses: string;
  sum: number;
  promoters: string;
  detractors: string;
  csat_responses: string;
  csat_sum: number;
  csat_satisfied: string;
}

/**
 * NPS and CSAT per channel: per person and channel of one of their in-range map
 * touchpoints, the first answers after their first such touchpoint on it (`channel`
 * '' : none), as `getStages` of `@parcours/store` counts them.
 */
async function queryChannelFeedback(
  client: ClickHouseClient,
  target: Target,
  touchpoints: ReadonlyArray<TouchpointRef>,
  inr: string,
): Promise<ChannelFeedback[]> {
  const persons = selectPersonTouchpoints(target, {
    ch: 'channel',
    onmap: `toUInt8((${touchpoints.map(matchTouchpoint).join(' OR ')}) AND ${inr})`,
    nps: `if(${inr}, ${readNpsScore()}, -1)`,
    csat: `if(${inr}, ${readCsatScore()}, -1)`,
  });
  const rows = await queryRows<ChannelRow>(
    client,
    `SELECT channel, count() AS persons,
      countIf(n >= 0) AS responses, sumIf(n, n >= 0) AS sum,
      countIf(n >= 9) AS promoters, countIf(n >= 0 AND n <= 6) AS detractors,
      countIf(c >= 0) AS csat_responses, sumIf(c, c >= 0) AS csat_sum, countIf(c >= 4) AS csat_satisfied
    FROM (
      SELECT channel,
        arrayFirstIndex((x, o, y) -> o = 1 AND x = y, ch, onmap, replicate(channel, ch)) AS first_on,
        ${firstAnswerAfter('nps', 'first_on')} AS na,
        if(na = 0, -1, nps[na]) AS n,
        ${firstAnswerAfter('csat', 'first_on')} AS ca,
        if(ca = 0, -1, csat[ca]) AS c
      FROM (${persons})
      ARRAY JOIN arrayDistinct(arrayFilter((x, o) -> o = 1, ch, onmap)) AS channel
    )
    GROUP BY channel`,
  );
  return rows.map((row) => ({
    channel: row.channel === '' ? null : row.channel,
    persons: Number(row.persons),
    nps: summariseNps(Number(row.responses), row.sum, Number(row.promoters), Number(row.detractors)),
    csat: summariseCsat(Number(row.csat_responses), row.csat_sum, Number(row.csat_satisfied)),
  }));
}

interface StageRow {
  persons: string[];
  exits: string[];
  responses: string[];
  sums: number[];
  promoters: string[];
  detractors: string[];
  csat_responses: string[];
  csat_sums: number[];
  csat_satisfied: string[];
  stage_persons: string[];
  stage_converted: string[];
  stage_skipped: string[];
  stage_responses: string[];
  stage_sums: number[];
  stage_promoters: string[];
  stage_detractors: string[];
  stage_csat_responses: string[];
  stage_csat_sums: number[];
  stage_csat_satisfied: string[];
}

/**
 * The journey map with its numbers, computed inside ClickHouse: per stage, persons
 * and conversion from the previous stage; per touchpoint, events by channel, persons,
 * exit rate, NPS and CSAT; per channel, NPS and CSAT; then the pain points (`findPainPoints`, shared with the SQLite
 * engine). Same answers as the SQLite engine (`stagesEquivalence.test.ts`). The map
 * is the caller's: the default map is a rule above the engines.
 */
export async function getStages(
  client: ClickHouseClient,
  target: Target,
  map: ReadonlyArray<JourneyStage>,
  query: StagesQuery = {},
): Promise<StagesResult> {
  const touchpoints = map.flatMap((stage) => stage.touchpoints);
  const J = touchpoints.length;
  const inr = inRange(query);
  let row: StageRow | undefined;
  const personsByOrder = new Map<string, number>();
  const channels: ChannelFeedback[] = [];
  const byChannel: Array<Array<{ channel: string | null; events: number }>> = touchpoints.map(() => []);
  if (J > 0) {
    const columns: Record<string, string> = {
      inr: `toUInt8(${inr})`,
      nps: `if(${inr}, ${readNpsScore()}, -1)`,
      csat: `if(${inr}, ${readCsatScore()}, -1)`,
    };
    touchpoints.forEach(
      (touchpoint, k) => (columns[`m${k}`] = `toUInt8(${matchTouchpoint(touchpoint)} AND ${inr})`),
    );
    const perPerson = selectPersonStages(map, selectPersonTouchpoints(target, columns));
    const events = `[${touchpoints.map((t) => `countIf(${matchTouchpoint(t)} AND ${inr})`).join(', ')}] AS events`;
    const result = await client.query({
      query: `${aggregateStages(map)} FROM (${perPerson})`,
      format: 'JSONEachRow',
    });
    [row] = await result.json<StageRow>();
    // Each person's stages in the order first reached (equal times: the map's order), as `toLivedOrder`.
    const firsts = map.map((_, s) => `(fs${s}, toUInt32(${s}))`).join(', ');
    const orders = await queryRows<{ lived: number[]; persons: string }>(
      client,
      `SELECT lived, count() AS persons
        FROM (SELECT arrayMap(x -> tupleElement(x, 2), arraySort(arrayFilter(x -> tupleElement(x, 1) != ${NEVER}, [${firsts}]))) AS lived
          FROM (${perPerson}))
        WHERE length(lived) > 0
        GROUP BY lived`,
    );
    for (const { lived, persons } of orders) personsByOrder.set(lived.join(','), Number(persons));
    channels.push(...(await queryChannelFeedback(client, target, touchpoints, inr)));
    // Every touchpoint belongs to one person: volumes need no stitching. Ties in
    // volume are ordered as the SQLite engine's channel cells: none first, then by first arrival.
    const volumes = await client.query({
      query:
        target.segment === undefined
          ? `SELECT channel, toString(min(arrival)) AS first_arrival, ${events}
            FROM ${fromVisibleEvents(target)} AND type != 'identify'
            GROUP BY channel
            ORDER BY channel != '', toUInt64(first_arrival)`
          : // The segment's touchpoints; ties ordered by the project's channel order, as the SQLite dictionary's.
            `SELECT channel, toString(any(first_arrival)) AS first_arrival, ${events}
            FROM (${selectSegmentTouchpoints(target)})
            ANY LEFT JOIN (${selectChannelOrder(target)}) USING channel
            GROUP BY channel
            ORDER BY channel != '', toUInt64(first_arrival)`,
      format: 'JSONEachRow',
    });
    const volumesByChannel = await volumes.json<{ channel: string; events: string[] }>();
    for (const { channel, events } of volumesByChannel) {
      events.forEach((count, k) => {
        if (Number(count) > 0)
          byChannel[k]!.push({ channel: channel === '' ? null : channel, events: Number(count) });
      });
    }
    // A stable sort keeps the cell order among equal volumes.
    for (const list of byChannel) list.sort((a, b) => b.events - a.events);
  }
  let j = 0;
  const stages = map.map((stage, s) => {
    const persons = row === undefined ? 0 : Number(row.stage_persons[s]);
    const previous = s === 0 || row === undefined ? 0 : Number(row.stage_persons[s - 1]);
    return {
      name: stage.name,
      persons,
      conversionFromPrevious:
        s === 0 ? null : previous === 0 ? 0 : Number(row!.stage_converted[s]) / previous,
      withoutPrevious: s === 0 ? null : row === undefined ? 0 : Number(row.stage_skipped[s]),
      feedback:
        row === undefined
          ? summariseNps(0, 0, 0, 0)
          : summariseNps(
              Number(row.stage_responses[s]),
              row.stage_sums[s]!,
              Number(row.stage_promoters[s]),
              Number(row.stage_detractors[s]),
            ),
      csat:
        row === undefined
          ? summariseCsat(0, 0, 0)
          : summariseCsat(
              Number(row.stage_csat_responses[s]),
              row.stage_csat_sums[s]!,
              Number(row.stage_csat_satisfied[s]),
            ),
      touchpoints: stage.touchpoints.map((touchpoint): TouchpointStats => {
        const k = j++;
        const reached = Number(row!.persons[k]);
        const channels = byChannel[k]!;
        const { responses, averageScore, nps } = summariseNps(
          Number(row!.responses[k]),
          row!.sums[k]!,
          Number(row!.promoters[k]),
          Number(row!.detractors[k]),
        );
        return {
          name: touchpoint.name,
          channel: touchpoint.channel ?? null,
          events: channels.reduce((n, c) => n + c.events, 0),
          persons: reached,
          exitRate: reached === 0 ? 0 : Number(row!.exits[k]) / reached,
          byChannel: channels,
          responses,
          averageScore,
          nps,
          csat: summariseCsat(
            Number(row!.csat_responses[k]),
            row!.csat_sums[k]!,
            Number(row!.csat_satisfied[k]),
          ),
          goal: touchpoint.goal === true,
          momentOfTruth: touchpoint.momentOfTruth === true,
        };
      }),
    };
  });
  return {
    stages,
    designedOrder: summariseDesignedOrder(
      map.map((stage) => stage.name),
      personsByOrder,
    ),
    channels: orderChannelFeedback(channels),
    painPoints: findPainPoints(stages),
  };
}
