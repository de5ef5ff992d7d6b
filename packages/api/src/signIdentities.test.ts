import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type Store } from '@parcours/store';
import { afterAll, describe, expect, it } from 'vitest';
import { createCaller } from './appRouter.js';
import type { Context } from './context.js';
import { isSignedUserId, signIdentities, signUserId } from './signIdentities.js';

const SECRET = 'ids_test-secret';
const hashOf = (userId: string, secret = SECRET) => signUserId(secret, userId).toString('hex');
const base: Event = { id: 'e1', type: 'identify', name: 'identify', anonymousId: 'd', timestamp: 1 };

describe('signIdentities', () => {
  it('keeps a correctly signed user id and never stores the hash', () => {
    const signed = { ...base, userId: 'bob', userHash: hashOf('bob') };
    expect(signIdentities([signed], { requireSignedIdentities: true, identitySecret: SECRET })).toEqual([
      { ...base, userId: 'bob' },
    ]);
  });

  it('keeps unsigned and wrongly signed user ids apart when signatures are required', () => {
    const settings = { requireSignedIdentities: true, identitySecret: SECRET };
    for (const userHash of [undefined, hashOf('alice'), hashOf('bob', 'another secret'), '0'.repeat(64)]) {
      const event = { ...base, userId: 'bob', ...(userHash !== undefined && { userHash }) };
      expect(signIdentities([event], settings)).toEqual([{ ...base, claimedUserId: 'bob' }]);
    }
  });

  it('trusts every user id when signatures are not required', () => {
    const event = { ...base, userId: 'bob', userHash: '0'.repeat(64) };
    expect(signIdentities([event], { requireSignedIdentities: false, identitySecret: SECRET })).toEqual([
      { ...base, userId: 'bob' },
    ]);
  });

  it('computes HMAC-SHA256 of the user id as openssl does', () => {
    // printf 'bob' | openssl dgst -sha256 -hmac 'ids_test-secret'
    expect(hashOf('bob')).toBe('32c405c6d30843113e5e5ac93ef25b620d79750297ed3ecddd96682a43d62d3c');
    expect(isSignedUserId(SECRET, 'bob', hashOf('bob'))).toBe(true);
    expect(isSignedUserId(SECRET, 'bob', undefined)).toBe(false);
  });
});

/**
 * Issue 13, property (a): random multi-device, multi-user streams whose user ids are
 * signed, unsigned or wrongly signed, collected through the real `collect` procedure
 * in random batches. When signatures are required, the persons (timelines, funnels,
 * paths) are exactly those of the stream with only its correctly signed user ids: an
 * unsigned or wrong one never changes any person. When not required, every link counts.
 */
describe('collect with signed identities, on random streams', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-signed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let file = 0;
  const DEVICES = ['d0', 'd1', 'd2'];
  const USERS = ['alice', 'bob', 'carol'];
  const streamArbitrary = fc.array(
    fc.record({
      device: fc.integer({ min: 0, max: DEVICES.length - 1 }),
      user: fc.option(fc.integer({ min: 0, max: USERS.length - 1 }), { freq: 2 }),
      signature: fc.constantFrom('signed', 'unsigned', 'wrong'),
      identify: fc.boolean(),
      name: fc.constantFrom('A', 'B', 'C'),
      t: fc.integer({ min: 0, max: 8 }),
    }),
    { minLength: 1, maxLength: 30 },
  );

  const contextOf = (store: Store): Context => ({
    store,
    request: { ip: '127.0.0.1', selfOrigin: 'http://parcours.test', secure: false },
    setCookie: () => {},
    setHeader: () => {},
  });

  /** Every person the refs of a stream name, with their event ids, and two aggregate views. */
  async function personsOf(store: Store, projectId: string, events: Event[]) {
    const refs = [...USERS.map((userId) => ({ userId })), ...DEVICES.map((anonymousId) => ({ anonymousId }))];
    const timelines = [];
    for (const ref of refs) {
      const timeline = await store.getPersonTimeline(projectId, ref);
      timelines.push(timeline && { person: timeline.person, ids: timeline.events.map((e) => e.id) });
    }
    const funnel = await store.getFunnel(projectId, {
      steps: [{ name: 'A' }, { name: 'B' }],
      windowMs: 8_000,
    });
    const paths = await store.getPaths(projectId, { depth: 3, limit: 100 });
    expect(events.length).toBeGreaterThan(0);
    return { timelines, funnel, paths };
  }

  it('only correctly signed links join a device to a user when required; every link when not', async () => {
    await fc.assert(
      fc.asyncProperty(
        streamArbitrary,
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        async (raw, required, batchSize) => {
          // The engine runs inline: a worker thread per store would make each run cost a
          // thread start-up, and this property is about stitching, not about the thread.
          const collected = openSqliteStore({ filename: join(dir, `${++file}.db`), journeyEngine: 'inline' });
          const expected = openSqliteStore({ filename: join(dir, `${++file}.db`), journeyEngine: 'inline' });
          try {
            const project = await collected.createProject({ name: 'Collected' });
            const { identitySecret } = await collected.setIdentitySettings(project.projectId, {
              requireSignedIdentities: required,
            });
            const reference = await expected.createProject({ name: 'Trusted links only' });
            const sent: Event[] = [];
            const trusted: Event[] = [];
            raw.forEach((r, i) => {
              const identify = r.identify && r.user !== null;
              const event: Event = {
                id: `e${i}`,
                type: identify ? 'identify' : 'track',
                name: identify ? 'identify' : r.name,
                anonymousId: DEVICES[r.device]!,
                timestamp: Date.UTC(2026, 0, 1) + 1_000 * r.t,
              };
              sent.push(event);
              trusted.push({ ...event });
              if (r.user === null) return;
              const userId = USERS[r.user]!;
              event.userId = userId;
              if (r.signature === 'signed') event.userHash = hashOf(userId, identitySecret);
              if (r.signature === 'wrong') event.userHash = hashOf(USERS[(r.user + 1) % 3]!, identitySecret);
              if (!required || r.signature === 'signed') trusted[i]!.userId = userId;
            });
            const caller = createCaller(contextOf(collected));
            for (let i = 0; i < sent.length; i += batchSize) {
              await caller.collect({ writeKey: project.writeKey, batch: sent.slice(i, i + batchSize) });
            }
            await expected.insertEvents(reference.projectId, trusted);
            const got = await personsOf(collected, project.projectId, sent);
            expect(got).toEqual(await personsOf(expected, reference.projectId, trusted));
            // And directly: a user's devices are exactly those that sent them a trusted link.
            for (const userId of USERS) {
              const devices = [
                ...new Set(trusted.filter((e) => e.userId === userId).map((e) => e.anonymousId)),
              ];
              const timeline = await collected.getPersonTimeline(project.projectId, { userId });
              expect(timeline?.person.anonymousIds ?? []).toEqual(devices.sort());
            }
          } finally {
            await collected.close();
            await expected.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
