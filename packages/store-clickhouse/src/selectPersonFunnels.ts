import type { FunnelQuery } from '@parcours/store';
import {
  selectAnyOrderChains,
  selectExcludedChains,
  selectGreedyChains,
  type FunnelChains,
} from './selectFunnelChains.js';
import { quoteInteger } from './sqlLiteral.js';

/** The chains of the query's order, with or without exclusions. */
function selectChains(query: FunnelQuery): FunnelChains {
  if (query.order === 'any') return selectAnyOrderChains(query);
  return (query.exclusions ?? []).length > 0 ? selectExcludedChains(query) : selectGreedyChains(query);
}

/**
 * Per person: the level reached, `times` (per step, ms from the chosen chain's start
 * to when it reached the step), `value` (the breakdown of its step-1 touchpoint),
 * `in_progress` and `start_time`, with the engine's semantics (`@parcours/store`
 * analyseFunnel): the start reaching furthest, earliest first. `persons` has one row a
 * person with `ts`, `mask`, `breakdown` (and `xmask` with exclusions). `extra`: more
 * output columns (alias → expression over the person's row, or over `reached_at`: the
 * time the chosen chain reached its last step).
 */
export function selectPersonFunnels(
  query: FunnelQuery,
  persons: string,
  extra: Record<string, string> = {},
): string {
  const K = query.steps.length;
  const window = quoteInteger(query.windowMs);
  const chains = selectChains(query);
  const times = chains.offsets.map((offset) => `toFloat64(${offset}[chosen])`);
  // In progress (the engine's contract): short of the last step, and the latest start
  // of a chain reaching that far leaves its window open at the end of the range.
  const openUntil = quoteInteger(query.to ?? query.now ?? Date.now());
  const aliases = Object.keys(extra);
  const more =
    aliases.length === 0
      ? []
      : [
          'start_time + toInt64(times[reached]) AS reached_at',
          ...aliases.map((alias) => `${extra[alias]} AS ${alias}`),
        ];
  const outputs = [
    'reached',
    'times',
    'value',
    'in_progress',
    'start_time',
    ...(aliases.length === 0 ? [] : ['reached_at', ...aliases]),
  ];
  return `SELECT ${outputs.join(', ')} FROM (
  SELECT
    ${chains.columns.join(',\n    ')},
    arrayReduce('max', ${chains.levels}) AS reached,
    arrayFirstIndex(l -> l = reached, ${chains.levels}) AS chosen,
    ts[${chains.starts}[chosen]] AS start_time,
    [${times.join(', ')}] AS times,
    breakdown[${chains.firsts}[chosen]] AS value,
    arrayReduce('max', arrayFilter((s, l) -> l = reached, arrayMap(p -> ts[p], ${chains.starts}), ${chains.levels})) AS latest_start,
    ${[`reached < ${K} AND latest_start + ${window} > ${openUntil} AS in_progress`, ...more].join(',\n    ')}
  FROM (${persons})
)
WHERE reached > 0`;
}
