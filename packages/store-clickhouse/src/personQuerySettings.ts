import type { ClickHouseSettings } from '@clickhouse/client';

/**
 * Settings of the queries that group events per device and per person
 * (`selectPersonSegments`): two-level aggregation from 10,000 keys, so that the
 * per-person array work after each `GROUP BY` is spread over the cores in buckets
 * (18.16 switches only at 100,000 keys by default; the benchmark's 1M events have
 * 70,000 devices), and `GROUP BY` state spilled to disk past 3 GB instead of failing
 * the query at the server's memory limit (the 10M benchmark's per-person queries use
 * 1.7–3 GB in all). Two-level from the first key, as before, made every small query
 * pay for 256 buckets at each of its `GROUP BY`s: the engine's property suites, whose
 * worlds hold tens of events, took a third less CPU at 10,000 (44.6 → 29.4 s for the
 * paths suite), and the 1M benchmark's funnel and paths did not change beyond noise.
 */
export const PERSON_QUERY_SETTINGS: ClickHouseSettings = {
  group_by_two_level_threshold: '10000',
  max_bytes_before_external_group_by: '3000000000',
};
