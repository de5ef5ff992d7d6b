import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { referenceTimelines } from '../engine/journeyReference.js';
import { referencePersonsList, referenceSummary, referenceTraits } from '../engine/personsReference.js';
import { personsEventsArbitrary } from '../testing/personsWorld.js';
import type { JourneyStage } from '../engine/types.js';
import { InvalidCursorError } from '../InvalidCursorError.js';
import { openSqliteStore } from './openSqliteStore.js';

const MAP: JourneyStage[] = [
  { name: 'first', touchpoints: [{ name: 'A' }] },
  { name: 'second', touchpoints: [{ name: 'B', channel: 'web' }] },
];

/**
 * The identity graph as the issue defines it, by brute force: for each of the user's
 * devices, its events carrying a user id in (time, arrival) order, each one where the
 * user changes to this one.
 */
function referenceLinks(events: Event[], userId: string | undefined) {
  if (userId === undefined) return [];
  const devices = [...new Set(events.filter((e) => e.userId === userId).map((e) => e.anonymousId))].sort();
  return devices.flatMap((anonymousId) => {
    const carrying = events
      .map((e, arrival) => ({ e, arrival }))
      .filter(({ e }) => e.anonymousId === anonymousId && e.userId !== undefined)
      .sort((a, b) => a.e.timestamp - b.e.timestamp || a.arrival - b.arrival);
    return carrying
      .filter(({ e }, i) => e.userId === userId && (i === 0 || carrying[i - 1]!.e.userId !== userId))
      .map(({ e }) => ({
        anonymousId,
        userId,
        timestamp: e.timestamp,
        eventId: e.id,
        eventType: e.type,
        eventName: e.name,
      }));
  });
}

/**
 * The persons list and profile through the SQLite store, whose traits come from SQL
 * (identifies are not in the journey index): the same answers as the references, on
 * real database files, events in several batches.
 */
describe('persons on the SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-persons-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let file = 0;

  it('property search matches touchpoints and latest traits; profiles hold the latest traits', async () => {
    await fc.assert(
      fc.asyncProperty(
        personsEventsArbitrary,
        fc.constantFrom('free', 'pro'),
        fc.integer({ min: 1, max: 3 }),
        async (events, value, batches) => {
          const store = openSqliteStore({ filename: join(dir, `${++file}.db`), journeyEngine: 'inline' });
          try {
            const { projectId } = await store.createProject({ name: 'p' });
            await store.setJourneyMap(projectId, MAP);
            const query = {
              property: { name: 'plan', value },
              sort: 'personId' as const,
              order: 'asc' as const,
            };
            // A search after every batch: the trait cache catches up with late identifies
            // (times are drawn apart from arrival order), as the index does.
            const size = Math.ceil(events.length / batches);
            for (let i = 0; i < events.length; i += size) {
              await store.insertEvents(projectId, events.slice(i, i + size));
              const sofar = events.slice(0, i + size);
              const result = await store.getPersons(projectId, { ...query, limit: 1_000 });
              expect(result.persons).toEqual(referencePersonsList(sofar, query, MAP));
            }
            for (const person of referenceTimelines(events)) {
              const profile = await store.getPersonProfile(projectId, { personId: person.personId });
              if (person.touchpoints.length === 0) {
                expect(profile).toBeUndefined();
                continue;
              }
              const { traits, traitsUpdatedAt, links, ...summary } = profile!;
              expect(links).toEqual(referenceLinks(events, person.userIds[0]));
              expect(summary).toEqual(referenceSummary(person, MAP));
              expect(traits).toEqual(referenceTraits(person));
              const identifies = person.timeline.filter((e) => e.type === 'identify' && e.properties);
              expect(traitsUpdatedAt).toBe(identifies.at(-1)?.timestamp ?? null);
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('forgets an erased person’s traits: a trait search no longer finds them', async () => {
    const store = openSqliteStore({ filename: join(dir, `${++file}.db`), journeyEngine: 'inline' });
    try {
      const { projectId } = await store.createProject({ name: 'p' });
      const identify = (userId: string, id: string) => ({
        id,
        type: 'identify' as const,
        name: 'identify',
        anonymousId: `d-${userId}`,
        userId,
        timestamp: 1_000,
        properties: { plan: 'pro' },
      });
      const visit = (userId: string, id: string) => ({
        id,
        type: 'track' as const,
        name: 'A',
        anonymousId: `d-${userId}`,
        timestamp: 2_000,
      });
      await store.insertEvents(projectId, [
        identify('ann', '1'),
        visit('ann', '2'),
        identify('bo', '3'),
        visit('bo', '4'),
      ]);
      const search = async () =>
        (
          await store.getPersons(projectId, { limit: 10, property: { name: 'plan', value: 'pro' } })
        ).persons.map((p) => p.personId);
      expect(await search()).toEqual(['user:bo', 'user:ann']);
      await store.erasePerson(projectId, { userId: 'ann' });
      expect(await search()).toEqual(['user:bo']);
    } finally {
      await store.close();
    }
  });

  it('keeps the latest trait by time when an older identify arrives later', async () => {
    const store = openSqliteStore({ filename: join(dir, `${++file}.db`), journeyEngine: 'inline' });
    try {
      const { projectId } = await store.createProject({ name: 'p' });
      const identify = (id: string, timestamp: number, plan: string) => ({
        id,
        type: 'identify' as const,
        name: 'identify',
        anonymousId: 'd',
        userId: 'u',
        timestamp,
        properties: { plan },
      });
      const found = async (plan: string) =>
        (await store.getPersons(projectId, { limit: 10, property: { name: 'plan', value: plan } })).total;
      await store.insertEvents(projectId, [
        { id: 'v', type: 'track', name: 'A', anonymousId: 'd', timestamp: 500 },
        identify('i1', 2_000, 'pro'),
      ]);
      expect([await found('pro'), await found('free')]).toEqual([1, 0]);
      // Delivered late (an offline device): older than what the profile holds, so it loses.
      await store.insertEvents(projectId, [identify('i2', 1_000, 'free')]);
      expect([await found('pro'), await found('free')]).toEqual([1, 0]);
      await store.insertEvents(projectId, [identify('i3', 3_000, 'free')]);
      expect([await found('pro'), await found('free')]).toEqual([0, 1]);
    } finally {
      await store.close();
    }
  });

  it('answers an unknown person with undefined and a foreign cursor with InvalidCursorError', async () => {
    const store = openSqliteStore({ filename: join(dir, `${++file}.db`), journeyEngine: 'inline' });
    try {
      const { projectId } = await store.createProject({ name: 'p' });
      expect(await store.getPersonProfile(projectId, { userId: 'nobody' })).toBeUndefined();
      await expect(store.getPersons(projectId, { limit: 5, cursor: 'd1.YQ' })).rejects.toThrow(
        InvalidCursorError,
      );
    } finally {
      await store.close();
    }
  });
});
