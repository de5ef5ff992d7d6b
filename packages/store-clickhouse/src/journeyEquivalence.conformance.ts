import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import {
  openSqliteStore,
  type FunnelDriversQuery,
  type FunnelQuery,
  type FunnelResult,
} from '@parcours/store';
import {
  FUNNEL_NAMES,
  queryArbitrary,
  scaleFunnelQuery,
  withDriversQuestion,
  withFunnelModes,
} from '@parcours/store/conformance';
import { afterAll, beforeAll, expect } from 'vitest';
import { openClickHouseJourneyStore, type ClickHouseJourneyStore } from './openClickHouseJourneyStore.js';
import { getDataParent, type TestClickHouse } from './testing/startClickHouse.js';

/**
 * What the journey equivalence suites share (`funnelEquivalence`, `driversEquivalence`,
 * `pathsEquivalence`, three files so that CI runs them side by side): the same random
 * events, fed to the SQLite engine and to ClickHouse, give the same funnels and paths. Small worlds (few devices, users and distinct times) so that ties,
 * shared devices, late links and deep funnels all happen; a random part of each batch
 * is replayed, so exactly-once counting is part of every comparison.
 */
export const NAMES = FUNNEL_NAMES;
export const DEVICES = ['d0', 'd1', 'd2', 'd3', 'user:u1']; // the last one pretends to be a person id

/** The value of `arbitrary` in `percent`% of draws, null otherwise. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

export const eventsArbitrary = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: DEVICES.length - 1 }),
      user: maybe(
        fc.oneof(
          { arbitrary: fc.constant(-1), weight: 5 },
          { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 1 },
        ),
        40,
      ),
      identify: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      name: fc.constantFrom(...NAMES),
      t: fc.integer({ min: 0, max: 15 }),
      channel: maybe(fc.constantFrom('web', 'email'), 70),
      plan: maybe(fc.constantFrom('free', 'pro'), 60),
    }),
    { minLength: 20, maxLength: 60 },
  )
  .map((raw) =>
    raw.map((r, i): Event => {
      const identify = r.identify && r.user !== null;
      const e: Event = {
        id: `e${i}`,
        type: identify ? 'identify' : 'track',
        name: identify ? 'identify' : r.name,
        anonymousId: DEVICES[r.device]!,
        timestamp: 1_000 * r.t,
      };
      if (r.user !== null) e.userId = `u${r.user === -1 ? Math.max(0, r.device - 2) : r.user}`;
      if (r.channel !== null) e.channel = r.channel;
      if (r.plan !== null) e.properties = { plan: r.plan };
      return e;
    }),
  );

/** Split into two batches, the second replaying some events of the first. */
export const batchesArbitrary = eventsArbitrary.chain((events) =>
  fc
    .tuple(fc.integer({ min: 0, max: events.length }), fc.subarray(events))
    .map(([cut, replayed]) => [events.slice(0, cut), [...replayed, ...events.slice(cut)]]),
);

/** The same funnel in sequence, in any order, or with one or two exclusions between its steps. */
export const modeArbitrary: fc.Arbitrary<FunnelQuery> = queryArbitrary.chain((query) =>
  withFunnelModes(query, NAMES),
);

/**
 * Batches and a question with times in seconds or in days (`factor` 86,400): in days,
 * chains span weeks and the time-to-convert buckets.
 */
export function scaledArbitrary<Q extends FunnelQuery>(query: fc.Arbitrary<Q>) {
  return fc.tuple(batchesArbitrary, query, fc.constantFrom(1, 86_400)).map(([batches, q, factor]) => {
    const events = batches.map((batch) => batch.map((e) => ({ ...e, timestamp: e.timestamp * factor })));
    return [events, scaleFunnelQuery(q, factor)] as const;
  });
}

export const driversArbitrary: fc.Arbitrary<FunnelDriversQuery> = modeArbitrary
  .filter((query) => query.steps.length >= 2)
  .chain(withDriversQuestion);

/** Breakdown values with equal counts are ordered differently (documented): compare by count, then value. */
export function normalise(result: FunnelResult) {
  const key = (value: unknown) => JSON.stringify(value);
  return {
    steps: result.steps,
    overTime: result.overTime,
    timeToConvert: result.timeToConvert,
    settings: result.settings,
    breakdown: result.breakdown && [
      ...result.breakdown.sort(
        (a, b) => b.steps[0]!.count - a.steps[0]!.count || key(a.value).localeCompare(key(b.value)),
      ),
    ],
  };
}

/**
 * Opens ClickHouse (database `equivalence` on `server`) for the suite and gives back
 * `onBoth`: both engines loaded with the same batches, in the same order (each insert's
 * counts and the stored total compared), and each engine's answer to `ask`.
 */
export function useBothEngines(server: () => TestClickHouse) {
  let clickhouse: ClickHouseJourneyStore;
  let folder: string;
  let run = 0;

  beforeAll(async () => {
    clickhouse = await openClickHouseJourneyStore({ url: server().url, database: 'equivalence' });
    folder = mkdtempSync(join(getDataParent(), 'parcours-equivalence-'));
  });
  afterAll(async () => {
    await clickhouse?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** Both engines loaded with the same batches, in the same order; `ask` gets each engine's answer. */
  async function onBoth<T>(
    batches: Event[][],
    ask: (
      engine: Pick<ClickHouseJourneyStore, 'getFunnel' | 'getFunnelDrivers' | 'getPaths' | 'getPathPersons'>,
      projectId: string,
    ) => Promise<T>,
  ) {
    const sqlite = openSqliteStore({ filename: join(folder, `${++run}.db`), journeyEngine: 'inline' });
    try {
      const { projectId } = await sqlite.createProject({ name: `run ${run}` });
      const clickhouseProject = `run-${run}`;
      for (const batch of batches) {
        const expected = await sqlite.insertEvents(projectId, batch);
        expect(await clickhouse.insertEvents(clickhouseProject, batch)).toEqual(expected);
      }
      expect(await clickhouse.countEvents(clickhouseProject)).toBe(await sqlite.countEvents(projectId));
      return { sqlite: await ask(sqlite, projectId), clickhouse: await ask(clickhouse, clickhouseProject) };
    } finally {
      await sqlite.close();
    }
  }

  return onBoth;
}
