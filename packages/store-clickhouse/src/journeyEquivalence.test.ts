import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type FunnelQuery, type FunnelResult } from '@parcours/store';
import {
  FUNNEL_NAMES,
  queryArbitrary,
  scaleFunnelQuery,
  withDriversQuestion,
  withFunnelModes,
  pathsQueryArbitrary,
  withPathPosition,
} from '@parcours/store/conformance';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openClickHouseJourneyStore, type ClickHouseJourneyStore } from './openClickHouseJourneyStore.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';

/**
 * The same random events, fed to the SQLite engine and to ClickHouse, give the same
 * funnels and paths. Small worlds (few devices, users and distinct times) so that ties,
 * shared devices, late links and deep funnels all happen; a random part of each batch
 * is replayed, so exactly-once counting is part of every comparison.
 */
const NAMES = FUNNEL_NAMES;
const DEVICES = ['d0', 'd1', 'd2', 'd3', 'user:u1']; // the last one pretends to be a person id

/** The value of `arbitrary` in `percent`% of draws, null otherwise. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

const eventsArbitrary = fc
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
const batchesArbitrary = eventsArbitrary.chain((events) =>
  fc
    .tuple(fc.integer({ min: 0, max: events.length }), fc.subarray(events))
    .map(([cut, replayed]) => [events.slice(0, cut), [...replayed, ...events.slice(cut)]]),
);

/** The same funnel in sequence, in any order, or with one or two exclusions between its steps. */
const modeArbitrary = queryArbitrary.chain((query) => withFunnelModes(query, NAMES));

/**
 * Batches and a question with times in seconds or in days (`factor` 86,400): in days,
 * chains span weeks and the time-to-convert buckets.
 */
function scaledArbitrary<Q extends FunnelQuery>(query: fc.Arbitrary<Q>) {
  return fc.tuple(batchesArbitrary, query, fc.constantFrom(1, 86_400)).map(([batches, q, factor]) => {
    const events = batches.map((batch) => batch.map((e) => ({ ...e, timestamp: e.timestamp * factor })));
    return [events, scaleFunnelQuery(q, factor)] as const;
  });
}

const driversArbitrary = modeArbitrary.filter((query) => query.steps.length >= 2).chain(withDriversQuestion);

/** Breakdown values with equal counts are ordered differently (documented): compare by count, then value. */
function normalise(result: FunnelResult) {
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

describeWithClickHouse('ClickHouse journeys against the SQLite engine', (server) => {
  let clickhouse: ClickHouseJourneyStore;
  let folder: string;
  let run = 0;

  beforeAll(async () => {
    clickhouse = await openClickHouseJourneyStore({ url: server().url, database: 'equivalence' });
    folder = mkdtempSync(join(tmpdir(), 'parcours-equivalence-'));
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

  it('funnels: counts, conversion, drop-off (in progress and abandoned), medians and breakdowns match', async () => {
    let twoSteps = 0;
    let threeSteps = 0;
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, queryArbitrary, async (batches, query) => {
        const answers = await onBoth(batches, (engine, projectId) => engine.getFunnel(projectId, query));
        expect(normalise(answers.clickhouse)).toEqual(normalise(answers.sqlite));
        if (query.steps.length >= 2 && answers.sqlite.steps[1]!.count > 0) twoSteps++;
        if (query.steps.length >= 3 && answers.sqlite.steps[2]!.count > 0) threeSteps++;
      }),
      { numRuns: 60 },
    );
    // The comparisons prove little unless funnels go deep; about 40% and 10% of runs do.
    expect(twoSteps).toBeGreaterThan(10);
    expect(threeSteps).toBeGreaterThan(0);
  }, 360_000);

  it('funnels in any order and with exclusions: counts, in progress, weeks, time to convert and settings match', async () => {
    let deep = 0;
    let weeks = 0;
    let excluded = 0;
    let unordered = 0;
    await fc.assert(
      fc.asyncProperty(scaledArbitrary(modeArbitrary), async ([batches, query]) => {
        const answers = await onBoth(batches, (engine, projectId) => engine.getFunnel(projectId, query));
        expect(normalise(answers.clickhouse)).toEqual(normalise(answers.sqlite));
        if (query.steps.length >= 2 && answers.sqlite.steps[1]!.count > 0) deep++;
        if (answers.sqlite.overTime.length >= 2) weeks++;
        if ((query.exclusions ?? []).length > 0 && (answers.sqlite.steps[1]?.count ?? 0) > 0) excluded++;
        if (query.order === 'any' && (answers.sqlite.steps[1]?.count ?? 0) > 0) unordered++;
      }),
      { numRuns: 80 },
    );
    // About a third of the draws each: in sequence, in any order, with exclusions.
    expect(excluded).toBeGreaterThan(3);
    expect(unordered).toBeGreaterThan(3);
    expect(deep).toBeGreaterThan(10);
    expect(weeks).toBeGreaterThan(3);
  }, 360_000);

  it('funnel drivers: persons, conversion, lift and ranking match', async () => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(scaledArbitrary(driversArbitrary), async ([batches, query]) => {
        const answers = await onBoth(batches, (engine, projectId) =>
          engine.getFunnelDrivers(projectId, query),
        );
        expect(answers.clickhouse).toEqual(answers.sqlite);
        if (answers.sqlite.drivers.length > 0) found++;
      }),
      { numRuns: 60 },
    );
    // About a third of the draws find drivers (the others: nobody or everybody converts).
    expect(found).toBeGreaterThan(10);
  }, 360_000);

  it('the longest funnels (20 steps, an exclusion after each, in any order, their drivers) fit ClickHouse and match', async () => {
    const [batches] = fc.sample(batchesArbitrary, { numRuns: 1, seed: 11 });
    const steps = Array.from({ length: 20 }, (_, k) => ({ name: NAMES[k % 2]! }));
    const exclusions = steps.slice(1).map((_, k) => ({ name: NAMES[2 + (k % 2)]!, afterStep: k + 1 }));
    const funnel: FunnelQuery = { steps, windowMs: 15_000, now: 0 };
    for (const query of [
      { ...funnel, exclusions },
      { ...funnel, order: 'any' as const },
    ]) {
      const answers = await onBoth(batches!, (engine, projectId) => engine.getFunnel(projectId, query));
      expect(normalise(answers.clickhouse)).toEqual(normalise(answers.sqlite));
      expect(answers.sqlite.steps[1]!.count).toBeGreaterThan(0);
      const drivers = await onBoth(batches!, (engine, projectId) =>
        engine.getFunnelDrivers(projectId, { ...query, step: 1, properties: ['plan'] }),
      );
      expect(drivers.clickhouse).toEqual(drivers.sqlite);
    }
  }, 360_000);

  it('paths: paths, links, exits to "left" and node channels match, start, end, range, depth and limit included', async () => {
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, pathsQueryArbitrary, async (batches, query) => {
        const answers = await onBoth(batches, (engine, projectId) => engine.getPaths(projectId, query));
        expect(answers.clickhouse).toEqual(answers.sqlite);
      }),
      { numRuns: 40 },
    );
  }, 360_000);

  it('persons on a node, link or exit: the same pages, cursors and totals', async () => {
    const question = pathsQueryArbitrary.chain((query) =>
      withPathPosition(query, fc.integer({ min: 1, max: 3 })),
    );
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, question, async (batches, query) => {
        const answers = await onBoth(batches, async (engine, projectId) => {
          const pages = [await engine.getPathPersons(projectId, query)];
          while (pages[pages.length - 1]!.nextCursor !== null) {
            pages.push(
              await engine.getPathPersons(projectId, {
                ...query,
                cursor: pages[pages.length - 1]!.nextCursor!,
              }),
            );
          }
          return pages;
        });
        expect(answers.clickhouse).toEqual(answers.sqlite);
      }),
      { numRuns: 30 },
    );
  }, 360_000);
});
