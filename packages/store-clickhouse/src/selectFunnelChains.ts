import type { FunnelQuery } from '@parcours/store';
import { quoteInteger } from './sqlLiteral.js';

/**
 * The per-start arrays of a person's funnel, as SQL over their row (`ts`, `mask` and,
 * with exclusions, `xmask`, aligned and sorted by time then arrival). Each start is a
 * chain's first touchpoint: `starts` its index, `firsts` the index of its step-1
 * touchpoint (the breakdown's), `levels` how far it gets, `offsets[k]` the ms from
 * it to when it reached step k + 1.
 */
export interface FunnelChains {
  /**
   * SELECT expressions with their aliases, a list per subquery, each subquery reading
   * the columns of the one before. ClickHouse expands an alias wherever it is named
   * (18.16 refuses a query past 500,000 AST nodes): an array built from the one before
   * it, step after step, is a column of its own subquery, so it is not expanded again.
   * No lambda body names a column of the subquery below: 18.16 leaves such a column
   * out of that subquery ("Unknown identifier") when nothing else needs it; arrays
   * reach lambdas as arguments, per start by `replicate`.
   */
  layers: string[][];
  starts: string;
  firsts: string;
  levels: string;
  offsets: string[];
}

const bit = (k: number) => quoteInteger(2 ** k);

/**
 * `p1`, the starts: the indexes of the touchpoints for which `startsAt` (over the
 * touchpoint's mask `m`) holds, in the query's range; and per start a copy of the
 * person's times and masks. Every array a lambda reads is one of its arguments:
 * 18.16 drops a subquery column that only a lambda's body names, and resolves a
 * lambda parameter clashing with a column to the column.
 */
function selectStarts(query: FunnelQuery, startsAt: string): string[] {
  const tests = [startsAt];
  if (query.from !== undefined) tests.push(`t >= ${quoteInteger(query.from)}`);
  if (query.to !== undefined) tests.push(`t <= ${quoteInteger(query.to)}`);
  return [
    `arrayFilter((i, t, m) -> ${tests.join(' AND ')}, arrayEnumerate(ts), ts, mask) AS p1`,
    'replicate(ts, p1) AS ts_per_start',
    'replicate(mask, p1) AS mask_per_start',
  ];
}

/**
 * From per step and start the index of the touchpoint reaching the step (0: none):
 * `levels` (steps reached, prefix-closed) and `offset<k>` (ms from the start), in a
 * subquery of their own.
 */
function selectLevels(indexes: string[]): Pick<FunnelChains, 'levels' | 'offsets'> & { layer: string[] } {
  const params = indexes.map((_, k) => `q${k + 1}`);
  const layer = [
    `arrayMap((${params.join(', ')}) -> ${params.map((q) => `(${q} != 0)`).join(' + ')}, ${indexes.join(', ')}) AS levels`,
  ];
  const offsets = indexes.map((index, k) => {
    layer.push(`arrayMap((s, q, T) -> T[q] - T[s], p1, ${index}, ts_per_start) AS offset${k + 1}`);
    return `offset${k + 1}`;
  });
  return { layer, levels: 'levels', offsets };
}

/** Later than every touchpoint: the lower bound of a step after a missed one, so that it is missed too. */
const NEVER = 'toInt64(9223372036854775807)';

/**
 * In sequence, without exclusions: from each step-1 touchpoint in range, the greedy
 * chain (the earliest strictly later touchpoint of the next step within the window),
 * which reaches as far as any chain from that start. Per start, the chain's time at
 * each step (`t<k>`, `NEVER` once a step is missed): step k + 1 is the first touchpoint
 * after `t<k>` and at most `deadline`, bounds that reach the search as numbers, not as
 * the person's times (a lambda naming an array copies it once per touchpoint searched).
 */
export function selectGreedyChains(query: FunnelQuery): FunnelChains {
  const K = query.steps.length;
  const window = quoteInteger(query.windowMs);
  const layers = [
    [
      ...selectStarts(query, 'bitAnd(m, 1) != 0'),
      'arrayMap((s, T) -> T[s], p1, ts_per_start) AS t1',
      `arrayMap(t -> t + ${window}, t1) AS deadline`,
    ],
  ];
  for (let k = 2; k <= K; k++) {
    layers.push([
      `arrayMap((after, until, T, M) -> arrayFirstIndex((t, m) -> bitAnd(m, ${bit(k - 1)}) != 0 AND t > after AND t <= until, T, M), t${k - 1}, deadline, ts_per_start, mask_per_start) AS p${k}`,
      `arrayMap((q, T) -> if(q = 0, ${NEVER}, T[q]), p${k}, ts_per_start) AS t${k}`,
    ]);
  }
  // Steps 2..K: a step is reached when its search found a touchpoint (prefix-closed by NEVER).
  const later = Array.from({ length: K - 1 }, (_, k) => k + 2);
  const params = later.map((k) => `q${k}`).join(', ');
  const found = later.map((k) => `(q${k} != 0)`).join(' + ');
  const layer =
    K === 1
      ? ['arrayMap(s -> 1, p1) AS levels']
      : [`arrayMap((${params}) -> 1 + ${found}, ${later.map((k) => `p${k}`).join(', ')}) AS levels`];
  const offsets = Array.from({ length: K }, (_, k) => {
    layer.push(`arrayMap((t, s) -> t - s, t${k + 1}, t1) AS offset${k + 1}`);
    return `offset${k + 1}`;
  });
  return { layers: [...layers, layer], starts: 'p1', firsts: 'p1', levels: 'levels', offsets };
}

/**
 * In sequence, with exclusions: a greedy chain may be ended by an exclusion that a
 * later touchpoint of the same step would have avoided, so per start and step the
 * whole set of touchpoints a chain can reach it by (`r<k>`, a 0/1 array over the
 * person's touchpoints). A touchpoint at time t is in r<k+1> when it matches step
 * k + 1, is within the window of the start, and the latest touchpoint of r<k> before
 * t's time is not followed by an exclusion after step k before t (strictly between):
 * running counts (`arrayCumSum`) find both latest ones in constant time, `first_time`
 * the first touchpoint at t's time, so equal times never chain.
 */
export function selectExcludedChains(query: FunnelQuery): FunnelChains {
  const K = query.steps.length;
  const window = quoteInteger(query.windowMs);
  const first = [
    ...selectStarts(query, 'bitAnd(m, 1) != 0'),
    'arrayMap((t, previous) -> t != previous, ts, arrayPushFront(arrayPopBack(ts), toInt64(-1))) AS time_starts',
    'arrayFilter((i, n) -> n, arrayEnumerate(ts), time_starts) AS time_start_indexes',
    'arrayMap(g -> time_start_indexes[g], arrayCumSum(time_starts)) AS first_time',
    'replicate(first_time, p1) AS first_per_start',
    'arrayMap((s, T) -> arrayMap(i -> toUInt8(i = s), arrayEnumerate(T)), p1, ts_per_start) AS r1',
  ];
  const afterSteps = new Set((query.exclusions ?? []).map((x) => x.afterStep));
  for (const j of afterSteps) {
    first.push(
      `arrayMap(x -> toUInt8(bitAnd(x, ${bit(j - 1)}) != 0), xmask) AS excluded${j}`,
      `replicate(arrayCumSum(excluded${j}), p1) AS excluded_count${j}`,
      `replicate(arrayFilter((i, x) -> x = 1, arrayEnumerate(ts), excluded${j}), p1) AS excluded_at${j}`,
    );
  }
  const layers = [first];
  for (let k = 1; k < K; k++) {
    // Before touchpoint i's time: `C[f - 1]` of r<k>; index 0 reads 0.
    const tests = [`bitAnd(m, ${bit(k)}) != 0`, `t - T[s] <= ${window}`, 'C[f - 1] > 0'];
    const params = ['s', 'C', 'I', 'T', 'M', 'F'];
    const args = ['p1', `c${k}`, `i${k}`, 'ts_per_start', 'mask_per_start', 'first_per_start'];
    if (afterSteps.has(k)) {
      tests.push('(X[f - 1] = 0 OR T[I[C[f - 1]]] >= T[A[X[f - 1]]])');
      params.push('X', 'A');
      args.push(`excluded_count${k}`, `excluded_at${k}`);
    }
    layers.push([
      `arrayMap(R -> arrayCumSum(R), r${k}) AS c${k}`,
      `arrayMap(R -> arrayFilter((i, r) -> r = 1, arrayEnumerate(R), R), r${k}) AS i${k}`,
      `arrayMap((${params.join(', ')}) -> arrayMap((i, t, m, f) -> toUInt8(${tests.join(' AND ')}), arrayEnumerate(T), T, M, F), ${args.join(', ')}) AS r${k + 1}`,
    ]);
  }
  const reachedBy = Array.from({ length: K }, (_, k) => `e${k + 1}`);
  layers.push(reachedBy.map((e, k) => `arrayMap(R -> arrayFirstIndex(r -> r = 1, R), r${k + 1}) AS ${e}`));
  const { layer, ...levels } = selectLevels(reachedBy);
  return { layers: [...layers, layer], starts: 'p1', firsts: 'p1', ...levels };
}

/**
 * In any order: from each anchor (a touchpoint matching some step, in range), per step
 * k its first touchpoint at or after the anchor within the window (`f<k>`, 0: none);
 * the anchor reaches the longest prefix of steps all found, provided one of them is at
 * the anchor's own time (else the chain starts later, at another anchor). Step k is
 * reached when the last of steps 1..k is.
 */
export function selectAnyOrderChains(query: FunnelQuery): FunnelChains {
  const K = query.steps.length;
  const window = quoteInteger(query.windowMs);
  const starts = selectStarts(query, 'm != 0');
  const found = Array.from({ length: K }, (_, k) => {
    starts.push(
      `arrayMap((a, T, M) -> arrayFirstIndex((t, m) -> bitAnd(m, ${bit(k)}) != 0 AND t >= T[a] AND t - T[a] <= ${window}, T, M), p1, ts_per_start, mask_per_start) AS f${k + 1}`,
    );
    return `f${k + 1}`;
  });
  const params = found.map((_, k) => `q${k + 1}`);
  const lambda = `(a, T, ${params.join(', ')})`;
  const args = `p1, ts_per_start, ${found.join(', ')}`;
  const prefix = params.map(
    (_, k) =>
      `(${params
        .slice(0, k + 1)
        .map((q) => `${q} != 0`)
        .join(' AND ')})`,
  );
  const atAnchor = params.map((q, k) => `(${prefix[k]} AND T[${q}] = T[a])`);
  const reach = [
    `arrayMap(${lambda} -> if(${atAnchor.join(' OR ')}, ${prefix.join(' + ')}, 0), ${args}) AS levels`,
  ];
  const offsets = found.map((_, k) => {
    const done = params.slice(0, k + 1).map((q) => `T[${q}]`);
    reach.push(
      `arrayMap(${lambda} -> arrayReduce('max', [${done.join(', ')}]) - T[a], ${args}) AS offset${k + 1}`,
    );
    return `offset${k + 1}`;
  });
  return { layers: [starts, reach], starts: 'p1', firsts: 'f1', levels: 'levels', offsets };
}
