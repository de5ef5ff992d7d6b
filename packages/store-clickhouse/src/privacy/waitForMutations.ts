import { setTimeout as sleep } from 'node:timers/promises';
import type { ClickHouseClient } from '@clickhouse/client';
import { quoteDatabaseName, quoteString } from '../sqlLiteral.js';

/** How long an erasure or a purge waits for ClickHouse to rewrite the parts, by default. */
export const MUTATION_TIMEOUT_MS = 10 * 60_000;

/**
 * Waits until every mutation (`ALTER … DELETE/UPDATE`) of the database that is not done
 * now is done. Debian's 18.16 runs mutations in the background and has no setting to
 * wait for one (`mutations_sync` came in 19.x) and no id in the ALTER's answer, so the
 * mutations pending right after the caller issued its own are polled in
 * `system.mutations` until `is_done`: its own are among them, and one issued later by
 * someone else is not waited for. Throws after `timeoutMs` naming the mutations still
 * running (18.16 reports no failure reason: a mutation that cannot finish stays pending).
 */
export async function waitForMutations(
  client: ClickHouseClient,
  database: string,
  timeoutMs = MUTATION_TIMEOUT_MS,
): Promise<void> {
  const pending = async () => {
    const result = await client.query({
      query: `SELECT concat(table, '/', mutation_id) AS id FROM system.mutations
        WHERE database = ${quoteString(quoteDatabaseName(database))} AND is_done = 0`,
      format: 'JSONEachRow',
    });
    return (await result.json<{ id: string }>()).map((row) => row.id);
  };
  const waiting = new Set(await pending());
  const deadline = Date.now() + timeoutMs;
  for (let pause = 20; waiting.size > 0; pause = Math.min(pause * 2, 500)) {
    if (Date.now() > deadline) {
      throw new Error(
        `ClickHouse has not finished these mutations within ${timeoutMs} ms: ${[...waiting].join(', ')}; ` +
          'the rows stay hidden from every query meanwhile: run the erasure or purge again to wait for them',
      );
    }
    await sleep(pause);
    const still = new Set(await pending());
    for (const id of waiting) if (!still.has(id)) waiting.delete(id);
  }
}
