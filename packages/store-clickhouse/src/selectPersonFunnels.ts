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
 * output columns (alias → expression over the person's row and the columns above, or
 * over `reached_at`: the time the chosen chain reached its last step).
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
  const outputs = [
    'reached',
    'times',
    'value',
    'in_progress',
    'start_time',
    ...(aliases.length === 0
      ? []
      : [
          'start_time + toInt64(times[reached]) AS reached_at',
          ...aliases.map((alias) => `${extra[alias]} AS ${alias}`),
        ]),
  ];
  const layers = [
    ...chains.layers,
    [
      `arrayReduce('max', ${chains.levels}) AS reached`,
      // No lambda names a column of the subquery below (see FunnelChains): `reached` and
      // the start times reach them as arguments.
      `arrayFirstIndex((l, r) -> l = r, ${chains.levels}, replicate(reached, ${chains.levels})) AS chosen`,
      `ts[${chains.starts}[chosen]] AS start_time`,
      `[${times.join(', ')}] AS times`,
      `breakdown[${chains.firsts}[chosen]] AS value`,
      `arrayReduce('max', arrayFilter((t, l, r) -> l = r, arrayMap((p, T) -> T[p], ${chains.starts}, ts_per_start), ${chains.levels}, replicate(reached, ${chains.levels}))) AS latest_start`,
      `reached < ${K} AND latest_start + ${window} > ${openUntil} AS in_progress`,
    ],
  ];
  const perPerson = layers.reduce(
    (from, layer) => `SELECT *,${layer.map((column) => `\n    ${column}`).join(',')}\n  FROM (${from})`,
    persons,
  );
  // The outputs read the last subquery's columns: `reached_at` and the extras expand
  // nothing of the chains.
  return `SELECT ${outputs.join(', ')} FROM (${perPerson})
WHERE reached > 0`;
}
