import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { afterAll, describe, expect, it } from 'vitest';
import type { JourneyIndex } from './engine/JourneyIndex.js';
import { getFunnel } from './engine/getFunnel.js';
import { referenceFunnel, referencePersons, referenceTimelines } from './engine/journeyReference.js';
import { openSqliteStore } from './sqlite/openSqliteStore.js';
import { createTestIndex, indexEvents, layoutArbitrary } from './testing/indexEvents.js';

/**
 * Issue 13's identity rule, on random multi-device, multi-user streams in random
 * arrival order (timestamps are drawn independently of arrival, so links are often
 * late): the index and the SQLite timelines agree with the brute-force reference,
 * and no person ever holds two user ids, however much devices are shared.
 */
const DEVICES = ['d0', 'd1', 'd2', 'user:u1']; // the last one pretends to be a person id
const USERS = ['u0', 'u1', 'u2'];

const streamArbitrary = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: DEVICES.length - 1 }),
      user: fc.option(fc.integer({ min: 0, max: USERS.length - 1 }), { freq: 3 }),
      identify: fc.boolean(),
      name: fc.constantFrom('A', 'B', 'C'),
      t: fc.integer({ min: 0, max: 10 }),
    }),
    { minLength: 1, maxLength: 40 },
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
      if (r.user !== null) e.userId = USERS[r.user]!;
      return e;
    }),
  );

/** The index's persons with their touchpoints' event ids (found by arrival number), by person id. */
function personsOfIndex(index: JourneyIndex, events: Event[]) {
  const touchpoints = events.filter((e) => e.type !== 'identify');
  const arrival = index.arrival.data;
  const persons: Array<{ personId: string; anonymousIds: string[]; userIds: string[]; ids: string[] }> = [];
  index.forEachPerson((list, person) => {
    persons.push({ ...index.describePerson(person), ids: list.map((p) => touchpoints[arrival[p]!]!.id) });
  });
  return persons.sort((a, b) => a.personId.localeCompare(b.personId));
}

function personsOfReference(events: Event[]) {
  return referencePersons(events)
    .map(({ personId, anonymousIds, userIds, touchpoints }) => ({
      personId,
      anonymousIds,
      userIds,
      ids: touchpoints.map((e) => e.id),
    }))
    .sort((a, b) => a.personId.localeCompare(b.personId));
}

describe('person stitching: the journey index', () => {
  it('matches the reference after every batch, late links re-assigning what they must', () => {
    fc.assert(
      fc.property(
        streamArbitrary,
        fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 8 }),
        layoutArbitrary,
        (events, cuts, layout) => {
          const index = createTestIndex(events, layout);
          let at = 0;
          // Query between batches too, so cached per-person lists must be invalidated.
          for (const size of [...cuts, events.length]) {
            const end = Math.min(events.length, at + size);
            for (; at < end; at++) index.append(events[at]!);
            if (layout === 'compacted') index.compact();
            expect(personsOfIndex(index, events)).toEqual(personsOfReference(events.slice(0, at)));
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('never puts two user ids in one person, and every touchpoint in exactly one person', () => {
    fc.assert(
      fc.property(streamArbitrary, layoutArbitrary, (events, layout) => {
        const index = indexEvents(events, layout);
        const persons = personsOfIndex(index, events);
        for (const person of persons) expect(person.userIds.length).toBeLessThanOrEqual(1);
        const ids = persons.flatMap((p) => p.ids).sort();
        expect(ids).toEqual(
          events
            .filter((e) => e.type !== 'identify')
            .map((e) => e.id)
            .sort(),
        );
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('person stitching: SQLite timelines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-stitching-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let file = 0;

  it('give every person, by any of their refs, exactly the reference timeline; funnels agree', async () => {
    await fc.assert(
      fc.asyncProperty(streamArbitrary, fc.integer({ min: 1, max: 10 }), async (events, batchSize) => {
        // Inline: the same engine code as on its thread (createJourneyEngine.test.ts
        // checks both agree), without starting a thread for each of the 60 runs.
        const store = openSqliteStore({ filename: join(dir, `${++file}.db`), journeyEngine: 'inline' });
        try {
          const { projectId } = await store.createProject({ name: 'Stitching' });
          for (let i = 0; i < events.length; i += batchSize) {
            await store.insertEvents(projectId, events.slice(i, i + batchSize));
          }
          const expected = referenceTimelines(events);
          const seen: string[] = [];
          for (const person of expected) {
            const timeline = await store.getPersonTimeline(projectId, { personId: person.personId });
            expect(timeline?.person).toEqual({
              id: person.personId,
              anonymousIds: person.anonymousIds,
              userIds: person.userIds,
            });
            expect(timeline?.events.map((e) => e.id)).toEqual(person.timeline.map((e) => e.id));
            // Two user ids never meet: every event carrying one carries this person's.
            for (const e of timeline!.events)
              if (e.userId !== undefined) expect(person.userIds).toEqual([e.userId]);
            seen.push(...timeline!.events.map((e) => e.id));
            if (person.userIds.length === 1) {
              const byUser = await store.getPersonTimeline(projectId, { userId: person.userIds[0]! });
              expect(byUser).toEqual(timeline);
            }
          }
          expect(seen.sort()).toEqual(events.map((e) => e.id).sort());
          // A device id means the user of its latest link, or the device itself.
          for (const anonymousId of new Set(events.map((e) => e.anonymousId))) {
            const links = events
              .map((e, arrival) => ({ e, arrival }))
              .filter(({ e }) => e.anonymousId === anonymousId && e.userId !== undefined)
              .sort((x, y) => x.e.timestamp - y.e.timestamp || x.arrival - y.arrival);
            const latest = links[links.length - 1]?.e.userId;
            const timeline = await store.getPersonTimeline(projectId, { anonymousId });
            expect(timeline?.person.userIds).toEqual(latest === undefined ? [] : [latest]);
          }
          const query = { steps: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], windowMs: 10_000 };
          const index = indexEvents(events);
          const expectedFunnel = referenceFunnel(events, query).steps;
          expect((await store.getFunnel(projectId, query)).steps).toEqual(expectedFunnel);
          expect(getFunnel(index, query).steps).toEqual(expectedFunnel);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
