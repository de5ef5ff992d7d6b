import type { TimeToConvertBucket } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Lower bounds of the time-to-convert buckets, ms: under a minute, 1–10 minutes,
 * 10–60 minutes, 1–6 hours, 6–24 hours, 1–3 days, 3–7 days, 7–30 days, 30 days and more.
 * Fixed, so every engine and every funnel answer with the same buckets.
 */
export const TIME_TO_CONVERT_BOUNDS = [
  0,
  MINUTE,
  10 * MINUTE,
  HOUR,
  6 * HOUR,
  DAY,
  3 * DAY,
  7 * DAY,
  30 * DAY,
] as const;

/** The bucket (index into `TIME_TO_CONVERT_BOUNDS`) of a time to convert. */
export function findTimeToConvertBucket(ms: number): number {
  let bucket = 0;
  while (bucket + 1 < TIME_TO_CONVERT_BOUNDS.length && ms >= TIME_TO_CONVERT_BOUNDS[bucket + 1]!) bucket++;
  return bucket;
}

/** The buckets with their persons, `persons[i]` being the count of bucket i. */
export function toTimeToConvertBuckets(persons: ArrayLike<number>): TimeToConvertBucket[] {
  return TIME_TO_CONVERT_BOUNDS.map((fromMs, i) => ({
    fromMs,
    toMs: TIME_TO_CONVERT_BOUNDS[i + 1] ?? null,
    persons: persons[i] ?? 0,
  }));
}
