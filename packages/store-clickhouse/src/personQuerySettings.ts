import type { ClickHouseSettings } from '@clickhouse/client';

/**
 * Settings of the queries that group events per device and per person
 * (`selectPersonSegments`): two-level aggregation from the first key, so that the
 * per-person array work after each `GROUP BY` is spread over the cores in buckets
 * (18.16 switches only at 100,000 keys by default; the benchmark's 1M events have
 * 70,000 devices), and `GROUP BY` state spilled to disk past 3 GB instead of failing
 * the query at the server's memory limit (the 10M benchmark's per-person queries use
 * 1.7–3 GB in all).
 */
export const PERSON_QUERY_SETTINGS: ClickHouseSettings = {
  group_by_two_level_threshold: '1',
  group_by_two_level_threshold_bytes: '1',
  max_bytes_before_external_group_by: '3000000000',
};
