import { afterAll, beforeAll, describe } from 'vitest';
import { shouldSkipClickHouse, startClickHouse, type TestClickHouse } from './startClickHouse.js';

/**
 * A suite with its own clickhouse-server, started before its tests and stopped (data
 * folder deleted) after them. `server()` is valid inside tests and hooks. The suite
 * is skipped only where `shouldSkipClickHouse` says so; a missing server otherwise
 * fails it, naming the fix.
 */
export function describeWithClickHouse(name: string, body: (server: () => TestClickHouse) => void): void {
  describe.skipIf(shouldSkipClickHouse())(name, () => {
    let running: TestClickHouse | undefined;
    beforeAll(async () => {
      running = await startClickHouse();
    });
    afterAll(async () => {
      await running?.stop();
    });
    body(() => {
      if (running === undefined) throw new Error('clickhouse-server did not start (see the beforeAll error)');
      return running;
    });
  });
}
