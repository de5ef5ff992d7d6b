import type { TouchpointRef } from '@parcours/store';
import { quoteString } from './sqlLiteral.js';
import { fromVisibleEvents } from './fromVisibleEvents.js';

/** True for an event (`name`, `channel` columns) that is this journey-map touchpoint. */
export function matchTouchpoint(touchpoint: TouchpointRef): string {
  const tests = [`name = ${quoteString(touchpoint.name)}`];
  if (touchpoint.channel !== undefined) tests.push(`channel = ${quoteString(touchpoint.channel)}`);
  return `(${tests.join(' AND ')})`;
}

/**
 * The NPS score an event gives (Float64), or -1: as `createNpsReader` of
 * `@parcours/store` reads it, a `feedback` event with `kind: "nps"` and a numeric
 * `score` from 0 to 10. Raw JSON is compared (properties are stored as
 * JSON.stringify wrote them): `"nps"` with its quotes, a score starting like a number.
 */
export function readNpsScore(): string {
  const score = `visitParamExtractRaw(properties, 'score')`;
  const value = `toFloat64OrZero(${score})`;
  return `if(name = 'feedback' AND visitParamExtractRaw(properties, 'kind') = '"nps"'
    AND match(${score}, '^-?[0-9]') AND ${value} >= 0 AND ${value} <= 10, ${value}, -1)`;
}

/**
 * The CSAT score an event gives (Float64), or -1: as `createCsatReader` of
 * `@parcours/store` reads it, a `feedback` event with `kind: "csat"` and a numeric
 * `score` from 1 to 5 (raw JSON compared, as `readNpsScore` does).
 */
export function readCsatScore(): string {
  const score = `visitParamExtractRaw(properties, 'score')`;
  const value = `toFloat64OrZero(${score})`;
  return `if(name = 'feedback' AND visitParamExtractRaw(properties, 'kind') = '"csat"'
    AND match(${score}, '^-?[0-9]') AND ${value} >= 1 AND ${value} <= 5, ${value}, -1)`;
}

/**
 * SQL of the channels of a project's touchpoints in the order the SQLite engine's
 * dictionary holds them (first arrival first), to order ties as it does. `''`, no
 * channel, comes first there (cell 0), and so here by the caller.
 */
export function selectChannelOrder(target: { database: string; projectId: string }): string {
  return `SELECT channel, min(arrival) AS first_arrival
    FROM ${fromVisibleEvents(target)} AND type != 'identify'
    GROUP BY channel`;
}

/** Counts of NPS answers as `NpsTally.summary` of `@parcours/store` turns them into figures. */
export function summariseNps(responses: number, sum: number, promoters: number, detractors: number) {
  if (responses === 0) return { responses: 0, averageScore: null, nps: null };
  return { responses, averageScore: sum / responses, nps: (100 * (promoters - detractors)) / responses };
}
