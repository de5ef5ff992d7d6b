import type { ClickHouseClient } from '@clickhouse/client';
import {
  MAX_OVERVIEW_DAYS,
  compareCredits,
  formatDay,
  getZoneCalendar,
  type OverviewQuery,
  type OverviewResult,
  type TouchpointRef,
} from '@parcours/store';
import { selectAttribution } from './selectAttribution.js';
import { selectPersonRows } from './selectPersonRows.js';
import { quoteInteger } from './sqlLiteral.js';
import { matchTouchpoint, readNpsScore, selectChannelOrder, summariseNps } from './touchpointSql.js';
import { localDaySql } from './zoneSql.js';

/** Figures of a group of touchpoint rows (`person`, `conversion`, `score`). */
const FIGURES = `count() AS events, uniqExact(person) AS persons,
  uniqExactIf(person, conversion = 1) AS conversions,
  countIf(score >= 0) AS responses, countIf(score >= 9) AS promoters,
  countIf(score >= 0 AND score <= 6) AS detractors`;

interface FiguresRow {
  events: string;
  persons: string;
  conversions: string;
  responses: string;
  promoters: string;
  detractors: string;
}

const counts = (row: FiguresRow | undefined) => ({
  persons: Number(row?.persons ?? 0),
  events: Number(row?.events ?? 0),
  conversions: Number(row?.conversions ?? 0),
});

/** NPS of a group as the overview shows it: responses and score (no average). */
function npsOf(row: FiguresRow | undefined) {
  const { responses, nps } = summariseNps(
    Number(row?.responses ?? 0),
    0,
    Number(row?.promoters ?? 0),
    Number(row?.detractors ?? 0),
  );
  return { npsResponses: responses, nps };
}

/**
 * Daily and per-channel activity over a range, computed inside ClickHouse: persons
 * active (identities stitched), touchpoints, persons converting (a touchpoint of
 * `conversions`, the caller's: the default, the `decision` stage, is a rule above the
 * engines), NPS from `feedback` touchpoints, and the converting persons credited to
 * channels under the query's attribution model (`selectAttribution`). Days are those of
 * `query.timeZone` (default UTC). Same answers as the SQLite
 * engine (`stagesEquivalence.test.ts`); only per-day and per-channel figures leave ClickHouse.
 */
export async function getOverview(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  query: OverviewQuery,
  conversions: ReadonlyArray<TouchpointRef>,
): Promise<OverviewResult> {
  const { firstDay, dayCount } = getZoneCalendar(query.timeZone).getDaySpan(query);
  if (query.to < query.from || dayCount > MAX_OVERVIEW_DAYS) {
    throw new RangeError(`the range must be 1 to ${MAX_OVERVIEW_DAYS} days`);
  }
  const conversion = conversions.length === 0 ? '0' : conversions.map(matchTouchpoint).join(' OR ');
  const rows = `SELECT person, timestamp, channel, conversion, score
    FROM (${selectPersonRows(target, {
      channel: 'channel',
      conversion: `toUInt8(${conversion})`,
      score: readNpsScore(),
    })})
    WHERE timestamp >= ${quoteInteger(query.from)} AND timestamp <= ${quoteInteger(query.to)}`;
  const ask = async <T>(sql: string) => (await client.query({ query: sql, format: 'JSONEachRow' })).json<T>();
  const model = query.attribution ?? 'last';
  const [byDay, [total], byChannel, channelOrder, credits] = await Promise.all([
    ask<FiguresRow & { day: string }>(
      `SELECT ${localDaySql('timestamp', query.timeZone)} AS day, ${FIGURES} FROM (${rows}) GROUP BY day`,
    ),
    ask<FiguresRow>(`SELECT ${FIGURES} FROM (${rows})`),
    ask<FiguresRow & { channel: string }>(`SELECT channel, ${FIGURES} FROM (${rows}) GROUP BY channel`),
    ask<{ channel: string; first_arrival: string }>(selectChannelOrder(target)),
    ask<{ channel: string; conversions: string }>(
      selectAttribution(target, { range: query, conversion, model }),
    ),
  ]);
  const days = new Map(byDay.map((row) => [Number(row.day), row]));
  // Equal volumes keep the SQLite engine's channel-cell order: none first, then by first arrival.
  const rank = new Map(
    channelOrder.map((row) => [row.channel, row.channel === '' ? -1n : BigInt(row.first_arrival)]),
  );
  const cell = (channel: string) => rank.get(channel) ?? 0n;
  return {
    days: Array.from({ length: dayCount }, (_, d) => {
      const row = days.get(firstDay + d);
      return {
        day: formatDay(firstDay + d),
        ...counts(row),
        ...npsOf(row),
      };
    }),
    channels: byChannel
      .sort((a, b) => Number(b.events) - Number(a.events) || (cell(a.channel) < cell(b.channel) ? -1 : 1))
      .map((row) => ({ channel: row.channel === '' ? null : row.channel, ...counts(row) })),
    totals: { ...counts(total), ...npsOf(total) },
    attribution: {
      model,
      channels: credits
        .map((row) => ({
          channel: row.channel === '' ? null : row.channel,
          conversions: Number(row.conversions),
        }))
        .sort(compareCredits),
    },
  };
}
