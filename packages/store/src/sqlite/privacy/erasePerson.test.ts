import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import type { Store, StoredEvent } from '../../Store.js';
import type { PrivacySubjectRef } from '../../privacy/types.js';
import { openSqliteStore } from '../openSqliteStore.js';
import { PERSON_TABLES } from './personTables.js';

const DEVICES = ['d0', 'd1', 'd2', 'd3'];
const USERS = ['u0', 'u1', 'u2'];
const DAY = 86_400_000;
const STEPS = [{ name: 'A' }, { name: 'B' }, { name: 'C' }];
const MAP = [
  { name: 'awareness', touchpoints: [{ name: 'A' }] },
  { name: 'decision', touchpoints: [{ name: 'C' }] },
];

/** Random multi-device, multi-user streams; some events carry an unsigned (claimed) user id. */
const streamArbitrary = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: DEVICES.length - 1 }),
      user: fc.option(fc.integer({ min: 0, max: USERS.length - 1 }), { freq: 3 }),
      claimed: fc.boolean(),
      name: fc.constantFrom('A', 'B', 'C'),
      channel: fc.constantFrom('web', 'app', undefined),
      t: fc.integer({ min: 0, max: 3 * DAY }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((raw) =>
    raw.map((r, i): StoredEvent => {
      const e: StoredEvent = {
        id: `e${i}`,
        type: 'track',
        name: r.name,
        anonymousId: DEVICES[r.device]!,
        timestamp: r.t,
      };
      if (r.channel !== undefined) e.channel = r.channel;
      if (r.user !== null && r.claimed) e.claimedUserId = USERS[r.user]!;
      else if (r.user !== null) e.userId = USERS[r.user]!;
      return e;
    }),
  );

const refArbitrary: fc.Arbitrary<PrivacySubjectRef> = fc.oneof(
  fc.constantFrom(...USERS).map((userId) => ({ userId })),
  fc.constantFrom(...DEVICES).map((anonymousId) => ({ anonymousId })),
);

/** Every answer of the journey engine a dashboard shows, for comparing two stores. */
async function askEverything(store: Store, projectId: string) {
  const funnel = { steps: STEPS, windowMs: DAY };
  return {
    events: await store.countEvents(projectId),
    funnel: await store.getFunnel(projectId, funnel),
    byChannel: await store.getFunnel(projectId, { ...funnel, breakdown: 'channel' }),
    dropoffs: await store.getFunnelDropoffs(projectId, { ...funnel, step: 2, limit: 50 }),
    paths: await store.getPaths(projectId, { depth: 3, limit: 20 }),
    stages: await store.getStages(projectId, {}),
    overview: await store.getOverview(projectId, { from: 0, to: 4 * DAY }),
  };
}

async function openLoaded(events: ReadonlyArray<Event>, filename = ':memory:') {
  const store = openSqliteStore({ filename, journeyEngine: 'inline' });
  const { projectId } = await store.createProject({ name: 'Shop' });
  await store.setJourneyMap(projectId, MAP);
  if (events.length > 0) await store.insertEvents(projectId, events);
  return { store, projectId };
}

/** The events a store that never had the person would hold: none carrying one of their ids. */
function withoutPerson(events: StoredEvent[], person: { anonymousIds: string[]; userIds: string[] }) {
  const mine = (e: StoredEvent) =>
    person.anonymousIds.includes(e.anonymousId) ||
    person.userIds.includes(e.userId ?? '') ||
    person.userIds.includes(e.claimedUserId ?? '');
  return { kept: events.filter((e) => !mine(e)), erased: events.filter(mine) };
}

describe('erasePerson', () => {
  it('leaves every aggregate equal to a fresh store loaded without the person', async () => {
    await fc.assert(
      fc.asyncProperty(streamArbitrary, refArbitrary, async (events, ref) => {
        const { store, projectId } = await openLoaded(events);
        const fresh: Array<Store> = [store];
        try {
          await askEverything(store, projectId); // the index exists before the erasure
          const person = (await store.exportPerson(projectId, ref))?.person;
          const receipt = await store.erasePerson(projectId, ref);
          if (person === undefined) {
            expect(Object.values(receipt.tables).every((count) => count === 0)).toBe(true);
            return;
          }
          const { kept, erased } = withoutPerson(events, person);
          expect(receipt.tables.events).toBe(erased.length);
          const reference = await openLoaded(kept);
          fresh.push(reference.store);
          expect(await askEverything(store, projectId)).toEqual(
            await askEverything(reference.store, reference.projectId),
          );
          for (const anonymousId of person.anonymousIds) {
            expect(await store.getPersonTimeline(projectId, { anonymousId })).toBeUndefined();
          }
          for (const userId of person.userIds) {
            expect(await store.getPersonTimeline(projectId, { userId })).toBeUndefined();
          }
          expect(await store.exportPerson(projectId, ref)).toBeUndefined();
        } finally {
          for (const s of fresh) await s.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('pseudonymises the ledger (the chain still verifies) and answers zeros when called again', async () => {
    const events: StoredEvent[] = [
      { id: 'a', type: 'track', name: 'A', anonymousId: 'd0', userId: 'u0', timestamp: 1 },
      { id: 'b', type: 'track', name: 'B', anonymousId: 'd1', timestamp: 2 },
    ];
    const { store, projectId } = await openLoaded(events);
    await store.insertConsentRecords(projectId, [
      // Grants keep their ids (refusals are stored without them).
      {
        id: 'c',
        timestamp: 1,
        granted: ['analytics'],
        denied: [],
        policyVersion: '1',
        source: 'banner',
        anonymousId: 'd0',
      },
      {
        id: 'c2',
        timestamp: 2,
        granted: ['analytics'],
        denied: [],
        policyVersion: '1',
        source: 'banner',
        userId: 'u0',
      },
      {
        id: 'k',
        timestamp: 3,
        granted: ['analytics'],
        denied: [],
        policyVersion: '1',
        source: 'banner',
        anonymousId: 'd1',
      },
    ]);
    expect((await store.verifyLedger(projectId)).ok).toBe(true);
    const first = await store.erasePerson(projectId, { userId: 'u0' });
    expect(first.tables).toEqual({ events: 1, identity_links: 1, consent_records: 2, privacy_requests: 0 });
    // The proof stays, without the ids; the chain still verifies.
    expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 3 });
    const log = await store.getConsentLog(projectId, { limit: 10 });
    expect(log.records.map((r) => [r.recordId, r.anonymousId, r.userId, r.verified])).toEqual([
      ['k', 'd1', null, true],
      ['c2', null, null, true],
      ['c', null, null, true],
    ]);
    expect(first.requestId).toMatch(/^era_/);
    const again = await store.erasePerson(projectId, { userId: 'u0' }, { requestId: 'req_42' });
    expect(again.requestId).toBe('req_42');
    expect(again.tables).toEqual(Object.fromEntries(PERSON_TABLES.map((t) => [t.table, 0])));
    expect(await store.countEvents(projectId)).toBe(1);
    await store.close();
  });
});
