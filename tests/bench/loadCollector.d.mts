/** Types of `loadCollector.mjs`, for the short form run by `npm test` (src/collectorLoad.test.ts). */
export interface LoadOptions {
  filename: string;
  connections?: number;
  batchSize?: number;
  seconds?: number;
  maxMemoryMb?: number;
  maxWaitMs?: number;
  log?: (line: string) => void;
}

export interface LoadResult {
  connections: number;
  batchSize: number;
  seconds: number;
  elapsedMs: number;
  requests: number;
  statuses: Record<string, number>;
  refusals: Record<string, number>;
  latencyMs: { p50: number; p99: number; max: number };
  eventsAcknowledged: number;
  eventsPerSecond: number;
  eventsStored: number;
  memory: { baselineMb: number; peakMb: number; ceilingMb: number };
  /** What went wrong; empty when every check held. */
  problems: string[];
}

export function loadCollector(options: LoadOptions): Promise<LoadResult>;
export function formatLoadReport(result: LoadResult): string;
