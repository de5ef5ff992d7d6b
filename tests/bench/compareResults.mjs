/**
 * Does Parcours agree with DuckDB? Funnel counts must be equal (the benchmark fails
 * otherwise); medians, top paths and Sankey links are compared and reported too.
 * Each entry: { ok, detail } where detail says what differed.
 */
export function compareResults(parcours, duckdb) {
  const counts = parcours.funnel.result.map((step) => step.count);
  const duckCounts = duckdb.funnel.result.map((step) => step.count);
  const medians = parcours.funnel.result.map((step) => step.medianTimeToConvertMs);
  const duckMedians = duckdb.funnel.result.map((step) => step.medianTimeToConvertMs);
  const paths = parcours.paths.result;
  const duckPaths = duckdb.paths.result;
  return {
    funnelCounts: same(counts, duckCounts),
    funnelMedians: same(medians, duckMedians),
    // DuckDB's reference computes each path's steps and persons, not its exits ("left").
    paths: same(paths.paths.map(stepsAndCount), duckPaths.paths.map(stepsAndCount)),
    links: same(sortLinks(paths.links), sortLinks(duckPaths.links)),
  };
}

/** A top path as both engines compute it. */
function stepsAndCount({ steps, count }) {
  return { steps, count };
}

function same(parcours, duckdb) {
  const a = JSON.stringify(parcours);
  const b = JSON.stringify(duckdb);
  if (a === b) return { ok: true };
  return { ok: false, detail: `parcours ${a.slice(0, 600)}\n   duckdb ${b.slice(0, 600)}` };
}

function sortLinks(links) {
  return [...links].sort(
    (x, y) => x.depth - y.depth || y.count - x.count || compare(x.from, y.from) || compare(x.to, y.to),
  );
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
