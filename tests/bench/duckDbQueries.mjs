/**
 * The hand-written DuckDB SQL equivalent to the journey engine's queries, over the
 * raw `events` table as loaded from the NDJSON (identity resolved at read time, as
 * Parcours does: a late identify changes the person of earlier events).
 *
 * Persons: the generator gives each anonymous id at most one user id, and each
 * person one user id shared by their devices, so the person of an event is exactly
 * COALESCE(the user id seen with its anonymous id, the anonymous id).
 */

/** Table and column layout the SQL expects; `seq` is the arrival (NDJSON line) order. */
export function getLoadSql(file) {
  const path = `'${file.replaceAll("'", "''")}'`;
  return `
    CREATE TABLE events AS
    SELECT CAST(split_part(id, '-', 2) AS BIGINT) AS seq, type, name,
           anonymousId AS anonymous_id, userId AS user_id, "timestamp" AS ts, channel
    FROM read_json(${path}, format = 'newline_delimited', columns = {
      id: 'VARCHAR', type: 'VARCHAR', name: 'VARCHAR', anonymousId: 'VARCHAR',
      userId: 'VARCHAR', "timestamp": 'BIGINT', channel: 'VARCHAR'
    })`;
}

const PERSONS_SQL = `
  links AS (
    SELECT anonymous_id, min(user_id) AS user_id FROM events
    WHERE user_id IS NOT NULL GROUP BY anonymous_id
  ),
  touch AS (
    SELECT coalesce(l.user_id, e.anonymous_id) AS person, e.name, e.channel, e.ts, e.seq
    FROM events e LEFT JOIN links l ON l.anonymous_id = e.anonymous_id
    WHERE e.type <> 'identify'
  )`;

/**
 * A funnel (steps with `name` and optional `channel`; no `from`/`to`/`where`/`breakdown`)
 * as one statement returning `count_k` and `median_k` for each step k. Greedy chains
 * by ASOF joins: from each step-1 time, the earliest next-step event strictly later,
 * kept while within the window of the step-1 event. Per person, the chain reaching
 * furthest, the earliest start among those (as the engine chooses it, for the medians).
 * @returns {{ sql: string, values: Array<string | number> }}
 */
export function getFunnelSql({ steps, windowMs, ...rest }) {
  for (const key of ['from', 'to', 'breakdown']) {
    if (rest[key] !== undefined) throw new Error(`the DuckDB funnel does not do ${key}`);
  }
  if (steps.length < 2 || steps.some((step) => step.where !== undefined)) {
    throw new Error('the DuckDB funnel needs 2 or more steps of name and channel only');
  }
  const values = [];
  const param = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  const window = param(windowMs);
  const matches = steps.map(
    (step) =>
      `name = ${param(step.name)}${step.channel === undefined ? '' : ` AND channel = ${param(step.channel)}`}`,
  );
  const ctes = [
    PERSONS_SQL,
    `funnel_touch AS (SELECT person, name, channel, ts FROM touch WHERE ${matches.map((m) => `(${m})`).join(' OR ')})`,
    `c1 AS (SELECT DISTINCT person, ts AS t1 FROM funnel_touch WHERE ${matches[0]})`,
  ];
  for (let k = 2; k <= steps.length; k++) {
    ctes.push(`e${k} AS (SELECT person, ts FROM funnel_touch WHERE ${matches[k - 1]})`);
    ctes.push(`c${k} AS (
      SELECT c.*, e.ts AS t${k} FROM c${k - 1} c ASOF JOIN e${k} e ON c.person = e.person AND e.ts > c.t${k - 1}
      WHERE e.ts - c.t1 <= ${window}
    )`);
  }
  const levels = steps
    .map((_, i) => `SELECT *, ${i + 1} AS level FROM c${i + 1}`)
    .join(' UNION ALL BY NAME ');
  ctes.push(`chains AS (${levels})`);
  // Per person, the chain of the highest level, the earliest start among those: the
  // smallest (levels above, t1), packed into one integer key for a cheap arg_min.
  const key = `(${steps.length} - level) * 10000000000000 + t1`;
  const chosen = steps.slice(1).map((_, i) => `arg_min(t${i + 2}, ${key}) AS t${i + 2}`);
  ctes.push(
    `chosen AS (SELECT max(level) AS level, arg_min(t1, ${key}) AS t1, ${chosen.join(', ')} FROM chains GROUP BY person)`,
  );
  const columns = steps.flatMap((_, i) => [
    `count(*) FILTER (WHERE level >= ${i + 1})::INTEGER AS count_${i + 1}`,
    `median((t${i + 1} - t1)::DOUBLE) FILTER (WHERE level >= ${i + 1}) AS median_${i + 1}`,
  ]);
  return { sql: `WITH ${ctes.join(',\n')}\nSELECT ${columns.join(', ')} FROM chosen`, values };
}

/**
 * Paths with no `start`/`end`: per person, touchpoint names in (time, arrival)
 * order, consecutive repeats collapsed, the first `depth` kept; the top `limit`
 * sequences by persons (ties by the sequence), plus every transition for a Sankey.
 * Rows: `kind` 'path' (steps, persons) or 'link' (depth, source, target, persons).
 */
export function getPathsSql({ depth, limit, ...rest }) {
  if (rest.start !== undefined || rest.end !== undefined)
    throw new Error('the DuckDB paths do not do start/end');
  return {
    sql: `
    WITH ${PERSONS_SQL},
    marked AS (
      SELECT person, name, ts, seq,
             name IS DISTINCT FROM lag(name) OVER (PARTITION BY person ORDER BY ts, seq) AS changed
      FROM touch
    ),
    numbered AS (
      SELECT person, name, row_number() OVER (PARTITION BY person ORDER BY ts, seq) AS n
      FROM marked WHERE changed
      QUALIFY n <= $1
    ),
    sequences AS (SELECT person, list(name ORDER BY n) AS steps FROM numbered GROUP BY person),
    top AS (
      SELECT steps, count(*)::INTEGER AS persons FROM sequences
      GROUP BY steps ORDER BY persons DESC, steps LIMIT $2
    ),
    transitions AS (
      SELECT (n - 1)::INTEGER AS depth, name AS source,
             lead(name) OVER (PARTITION BY person ORDER BY n) AS target
      FROM numbered
    )
    SELECT 'path' AS kind, steps, persons, NULL::INTEGER AS depth, NULL AS source, NULL AS target FROM top
    UNION ALL
    SELECT 'link', NULL, count(*)::INTEGER, depth, source, target FROM transitions
    WHERE target IS NOT NULL GROUP BY depth, source, target`,
    values: [depth, limit],
  };
}
