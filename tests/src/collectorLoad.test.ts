import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLoadReport, loadCollector } from '../bench/loadCollector.mjs';

const dir = mkdtempSync(join(tmpdir(), 'parcours-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The short form of `npm run bench`'s overload test (issue 13's acceptance): 200
// connections sending batches of 500 for 8 s against `parcours start` in its own
// process. The full form (30 s) is `node bench/runCollectorLoad.mjs`.
describe('the collector under overload', () => {
  it('answers every request within 5 s, refuses only with 429/503 and Retry-After, loses nothing, stays under its memory ceiling', async () => {
    const result = await loadCollector({
      filename: join(dir, 'load.db'),
      connections: 200,
      batchSize: 500,
      seconds: 8,
      maxMemoryMb: 256,
      maxWaitMs: 5_000,
    });
    console.log(formatLoadReport(result));
    // Each check's failure is in `problems`, with what actually happened.
    expect(result.problems).toEqual([]);
    expect(result.latencyMs.max).toBeLessThan(5_000);
    expect(Object.keys(result.statuses).filter((status) => !['200', '429', '503'].includes(status))).toEqual(
      [],
    );
    // 200 connections against at most 64 collects in flight: the overload was real.
    expect((result.statuses['503'] ?? 0) + (result.statuses['429'] ?? 0)).toBeGreaterThan(0);
    expect(result.eventsStored).toBe(result.eventsAcknowledged);
    expect(result.eventsAcknowledged).toBeGreaterThan(0);
    expect(result.memory.peakMb).toBeLessThan(256);
  }, 90_000);
});
