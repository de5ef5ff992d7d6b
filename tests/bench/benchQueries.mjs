import { FUNNEL_STEPS } from './generateJourneys.mjs';

const DAY = 86_400_000;

/** The benchmark's six-step funnel: the generator's purchase journey, 7-day window. */
export const FUNNEL_QUERY = { steps: FUNNEL_STEPS.map((name) => ({ name })), windowMs: 7 * DAY };

/**
 * The same funnel narrowed to a segment (issue 11, item 2): persons who came from an
 * ad and read help articles at least twice, a behaviour tree every person is tested on.
 */
export const SEGMENTED_FUNNEL_QUERY = {
  ...FUNNEL_QUERY,
  segment: {
    kind: 'and',
    conditions: [
      { kind: 'did', name: 'Ad clicked', channel: 'ads' },
      { kind: 'did', name: 'Help article viewed', minCount: 2 },
    ],
  },
};

/** The benchmark's paths query: every person's first five distinct touchpoints. */
export const PATHS_QUERY = { depth: 5, limit: 20 };

/**
 * The benchmark's friction query (issue 11): loops, long waits, and repeated contacts
 * of the chat, over every touchpoint.
 */
export const FRICTION_QUERY = { support: [{ name: 'Chat started' }], limit: 20 };

/** Runs per timed query; the median is reported. */
export const RUNS = 5;

/**
 * Runs `query` once to warm up (its time returned as `firstMs`), then `runs` times,
 * returning the last result, every time in ms and their median.
 * @template T
 * @param {() => Promise<T>} query
 */
export async function timeQuery(query, runs = RUNS) {
  let started = performance.now();
  let result = await query();
  const firstMs = performance.now() - started;
  const timesMs = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    result = await query();
    timesMs.push(performance.now() - started);
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  const medianMs =
    sorted.length % 2 === 1
      ? sorted[sorted.length >> 1]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { result, firstMs, timesMs, medianMs };
}

/** Prints one JSON line on stdout: how a phase's child process hands back its figures. */
export function reportToParent(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
