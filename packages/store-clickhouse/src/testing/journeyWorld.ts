import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import fc from 'fast-check';
import { openSqliteStore, type JourneyStage, type Store, type StoredEvent } from '@parcours/store';
import { expect } from 'vitest';
import { createTables } from '../createTables.js';
import { insertEvents } from '../insertEvents.js';
import { getDataParent } from './startClickHouse.js';

/**
 * A small random world for the equivalence suites of the journey queries: few
 * devices, users, names and distinct times, so that ties, shared devices, late links,
 * NPS feedback and repeated touchpoints all happen; times spread over four UTC days
 * (six hours apart) so that daily figures have several days. A random part of each
 * batch is replayed, so exactly-once counting is part of every comparison.
 */
export const NAMES = ['A', 'B', 'C', 'feedback'];
export const CHANNELS = ['web', 'email', 'store'];
export const DEVICES = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'user:u1', 'device:x'];
export const USERS = ['u0', 'u1', 'u2', 'u3'];
export const T0 = Date.UTC(2026, 0, 1);
export const STEP_MS = 6 * 3_600_000;
export const LAST_T = 15;

/** The value of `arbitrary` in `percent`% of draws, null otherwise. */
export const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

const eventsArbitrary = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: DEVICES.length - 1 }),
      user: maybe(fc.integer({ min: 0, max: USERS.length - 1 }), 30),
      claimed: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      identify: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      name: fc.constantFrom(...NAMES),
      t: fc.integer({ min: 0, max: LAST_T }),
      channel: maybe(fc.constantFrom(...CHANNELS), 70),
      score: fc.integer({ min: -1, max: 11 }),
      plan: maybe(fc.constantFrom('free', 'pro'), 50),
      category: maybe(fc.constantFrom('analytics', 'marketing'), 20),
    }),
    { minLength: 20, maxLength: 70 },
  )
  .map((raw) =>
    raw.map((r, i): StoredEvent => {
      const identify = r.identify && r.user !== null;
      const e: StoredEvent = {
        id: `e${i}`,
        type: identify ? 'identify' : 'track',
        name: identify ? 'identify' : r.name,
        anonymousId: DEVICES[r.device]!,
        timestamp: T0 + STEP_MS * r.t,
      };
      // An unsigned id is kept apart (`claimedUserId`) and links nobody.
      if (r.user !== null && r.claimed) e.claimedUserId = USERS[r.user]!;
      else if (r.user !== null) e.userId = USERS[r.user]!;
      if (r.channel !== null) e.channel = r.channel;
      if (r.category !== null) e.category = r.category;
      if (r.name === 'feedback' && !identify) {
        // Mostly valid NPS answers; some out of range, of another kind, or not numbers.
        e.properties = r.plan === 'free' ? { kind: 'csat', score: r.score } : { kind: 'nps', score: r.score };
        if (r.score === 11 && r.plan === null) e.properties = { kind: 'nps', score: 'ten' };
      } else if (r.plan !== null) e.properties = { plan: r.plan };
      if (r.plan === 'pro' && r.device === 0) e.context = { locale: 'fr' };
      return e;
    }),
  );

/** Split into two batches, the second replaying some events of the first. */
export const batchesArbitrary: fc.Arbitrary<StoredEvent[][]> = eventsArbitrary.chain((events) =>
  fc
    .tuple(fc.integer({ min: 0, max: events.length }), fc.subarray(events))
    .map(([cut, replayed]) => [events.slice(0, cut), [...replayed, ...events.slice(cut)]]),
);

/** A touchpoint of the world, on any channel or on one. */
export const touchpointArbitrary = fc
  .record({ name: fc.constantFrom(...NAMES), channel: maybe(fc.constantFrom(...CHANNELS), 25) })
  .map(({ name, channel }) => (channel === null ? { name } : { name, channel }));

/** A journey map over the world's touchpoints (stage names may repeat, as a query may meet them). */
export const journeyMapArbitrary: fc.Arbitrary<JourneyStage[]> = fc.array(
  fc.record({
    name: fc.constantFrom('awareness', 'consideration', 'decision', 'retention'),
    touchpoints: fc.array(
      fc
        .tuple(touchpointArbitrary, fc.integer({ min: 0, max: 5 }))
        // Some goals and moments of truth: goals change the pain points.
        .map(([touchpoint, mark]) =>
          mark === 0
            ? { ...touchpoint, goal: true }
            : mark === 1
              ? { ...touchpoint, momentOfTruth: true }
              : touchpoint,
        ),
      { maxLength: 3 },
    ),
  }),
  { minLength: 1, maxLength: 4 },
);

/** A time of the world (or one step outside it), epoch ms. */
export const timeArbitrary = fc.integer({ min: -1, max: LAST_T + 1 }).map((t) => T0 + STEP_MS * t);

/** Both engines, loaded with the same batches in the same order. */
export interface LoadedWorld {
  sqlite: Store;
  sqliteProject: string;
  clickhouse: ClickHouseClient;
  /** Where the ClickHouse functions read: `{ database, projectId }`. */
  target: { database: string; projectId: string };
}

/**
 * Opens a ClickHouse client on `url` (database `database`) and a folder for SQLite
 * files; `load` feeds both engines the same batches (checking they count alike) and
 * hands both to `ask`; `close` ends it all.
 */
export async function openWorlds(url: string, database: string) {
  const clickhouse = createClient({ url });
  await createTables(clickhouse, database);
  const folder = mkdtempSync(join(getDataParent(), 'parcours-equivalence-'));
  let run = 0;
  return {
    /** The ClickHouse client, for calls outside a loaded world. */
    clickhouse,
    async load<T>(batches: StoredEvent[][], ask: (world: LoadedWorld) => Promise<T>): Promise<T> {
      const sqlite = openSqliteStore({ filename: join(folder, `${++run}.db`), journeyEngine: 'inline' });
      try {
        const { projectId } = await sqlite.createProject({ name: `run ${run}` });
        const target = { database, projectId: `run-${run}` };
        for (const batch of batches) {
          const expected = await sqlite.insertEvents(projectId, batch);
          expect(await insertEvents(clickhouse, target, batch)).toEqual(expected);
        }
        return await ask({ sqlite, sqliteProject: projectId, clickhouse, target });
      } finally {
        await sqlite.close();
      }
    },
    async close() {
      await clickhouse.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
