import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SegmentDefinition } from '@parcours/schema';
import type { Store, StoredEvent } from '../Store.js';
import { openConformanceStore, type ConformanceTarget } from '../testing/openConformanceStore.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 5, 1);

/** Persons by device, each with their own events (no shared device: a person's events are theirs alone). */
function world(): Record<string, StoredEvent[]> {
  let seq = 0;
  const at = (anonymousId: string, minute: number, patch: Partial<StoredEvent>): StoredEvent => ({
    id: `evt_${anonymousId}_${++seq}`,
    type: 'track',
    name: 'Viewed product',
    anonymousId,
    timestamp: T0 + minute * MINUTE,
    ...patch,
  });
  return {
    // Bought on the web.
    b1: [
      at('b1', 0, { name: 'Ad clicked', channel: 'ads' }),
      at('b1', 10, { name: 'Signed up', channel: 'web', properties: { plan: 'pro' } }),
      at('b1', 20, { name: 'Purchased', channel: 'web' }),
    ],
    // Bought in store; a pro user by their traits.
    b2: [
      at('b2', 1, { type: 'identify', name: 'identify', userId: 'u2', properties: { plan: 'pro' } }),
      at('b2', 2, { name: 'Ad clicked', channel: 'email', userId: 'u2' }),
      at('b2', 30, { name: 'Purchased', channel: 'store', userId: 'u2' }),
      at('b2', 8 * 1_440, { name: 'Viewed product', channel: 'web', userId: 'u2' }),
    ],
    // A pro user by their traits who never bought; a later identify makes them free.
    t1: [
      at('t1', 3, { type: 'identify', name: 'identify', userId: 'u3', properties: { plan: 'pro' } }),
      at('t1', 4, { name: 'Ad clicked', channel: 'ads', userId: 'u3' }),
      at('t1', 5, { name: 'Signed up', channel: 'web', userId: 'u3', properties: { plan: 'free' } }),
      at('t1', 6, { type: 'identify', name: 'identify', userId: 'u3', properties: { plan: 'free' } }),
    ],
    // Browsed twice, never bought.
    v1: [
      at('v1', 5, { name: 'Ad clicked', channel: 'ads' }),
      at('v1', 15, { name: 'Viewed product', channel: 'web' }),
      at('v1', 7 * 1_440, { name: 'Viewed product', channel: 'web' }),
    ],
    v2: [
      at('v2', 7, { name: 'Signed up', channel: 'web', properties: { plan: 'free' } }),
      at('v2', 9, { name: 'Viewed product', channel: 'email' }),
    ],
  };
}

/** Segments and the devices whose persons they hold in `world()`. */
const SEGMENTS: Array<{ definition: SegmentDefinition; devices: string[] }> = [
  {
    definition: {
      kind: 'or',
      conditions: [
        { kind: 'did', name: 'Purchased', channel: 'web' },
        { kind: 'trait', name: 'plan', value: 'pro' },
      ],
    },
    devices: ['b1', 'b2'],
  },
  {
    definition: {
      kind: 'and',
      conditions: [
        { kind: 'didNot', name: 'Purchased' },
        { kind: 'did', name: 'Viewed product', minCount: 2, from: T0, to: T0 + 8 * 1_440 * MINUTE },
      ],
    },
    devices: ['v1'],
  },
  {
    definition: { kind: 'did', name: 'Signed up', where: { name: 'plan', value: 'free' } },
    devices: ['t1', 'v2'],
  },
];

/** Channel lists in a fixed order: equal volumes are ordered by each project's own first arrivals. */
function sortChannels<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, inner: unknown) =>
    (key === 'channels' || key === 'byChannel') && Array.isArray(inner)
      ? [...(inner as Array<{ channel: string | null }>)].sort((a, b) =>
          String(a.channel).localeCompare(String(b.channel)),
        )
      : inner,
  ) as T;
}

/**
 * Saved segments and segmented journey questions as every engine must answer them
 * (`describeStoreConformance` runs this). A segmented answer must equal the plain
 * answer over a project holding only the segment's persons' events.
 */
export function describeSegmentStoreConformance(target: ConformanceTarget): void {
  describe(`SegmentStore conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Segments' }));
    });
    afterEach(() => store.close());

    const fields = (name: string, definition: SegmentDefinition) => ({
      name,
      description: `${name}, described`,
      definition,
      persona: name.startsWith('Persona'),
    });

    it('creates, lists, gets, updates and deletes segments, each project its own', async () => {
      const buyers = await store.createSegment(projectId, fields('Buyers', SEGMENTS[0]!.definition));
      const persona = await store.createSegment(
        projectId,
        fields('Persona: browser', SEGMENTS[1]!.definition),
      );
      expect(buyers).toEqual({
        segmentId: expect.stringMatching(/^seg_/),
        ...fields('Buyers', SEGMENTS[0]!.definition),
        createdAt: expect.any(Number),
        updatedAt: buyers.createdAt,
      });
      expect(persona.persona).toBe(true);
      expect(await store.listSegments(projectId)).toEqual([buyers, persona]);
      expect(await store.getSegment(projectId, persona.segmentId)).toEqual(persona);

      const renamed = await store.updateSegment(
        projectId,
        buyers.segmentId,
        fields('Web buyers', SEGMENTS[2]!.definition),
      );
      expect(renamed).toMatchObject({
        segmentId: buyers.segmentId,
        name: 'Web buyers',
        createdAt: buyers.createdAt,
      });
      expect(renamed!.definition).toEqual(SEGMENTS[2]!.definition);
      expect(await store.getSegment(projectId, buyers.segmentId)).toEqual(renamed);

      const other = (await store.createProject({ name: 'Other' })).projectId;
      expect(await store.listSegments(other)).toEqual([]);
      expect(await store.getSegment(other, buyers.segmentId)).toBeUndefined();
      expect(
        await store.updateSegment(other, buyers.segmentId, fields('X', SEGMENTS[0]!.definition)),
      ).toBeUndefined();
      expect(await store.deleteSegment(other, buyers.segmentId)).toBe(false);

      expect(await store.deleteSegment(projectId, buyers.segmentId)).toBe(true);
      expect(await store.deleteSegment(projectId, buyers.segmentId)).toBe(false);
      expect(await store.listSegments(projectId)).toEqual([persona]);
      await expect(store.listSegments('prj_missing')).rejects.toThrow();
    });

    it('answers every journey question for a segment as for a project of its persons alone', async () => {
      const persons = world();
      await store.insertEvents(projectId, Object.values(persons).flat());
      await store.setJourneyMap(projectId, [
        { name: 'awareness', touchpoints: [{ name: 'Ad clicked' }] },
        { name: 'consideration', touchpoints: [{ name: 'Signed up' }, { name: 'Viewed product' }] },
        { name: 'decision', touchpoints: [{ name: 'Purchased' }] },
      ]);
      const funnel = {
        steps: [{ name: 'Ad clicked' }, { name: 'Signed up' }, { name: 'Purchased' }],
        windowMs: 60 * MINUTE,
        now: T0,
      };
      const range = { from: T0, to: T0 + 14 * 1_440 * MINUTE };
      // One at a time: an engine answers a few questions at once, not ten.
      const questions = async (s: Store, project: string, segment?: SegmentDefinition) => {
        const only = segment === undefined ? {} : { segment };
        const asked: Array<() => Promise<unknown>> = [
          () => s.getFunnel(project, { ...funnel, ...only }),
          () => s.getFunnel(project, { ...funnel, breakdown: 'channel', ...only }),
          () => s.getFunnelDropoffs(project, { ...funnel, step: 2, limit: 10, ...only }),
          () => s.getFunnelDrivers(project, { ...funnel, step: 1, ...only }),
          () => s.getPaths(project, { depth: 4, limit: 10, ...only }),
          () => s.getStages(project, { ...range, ...only }),
          () => s.getOverview(project, { ...range, ...only }),
          () => s.getPersons(project, { limit: 10, ...only }),
          () => s.getCohortRetention(project, { ...range, ...only }),
        ];
        asked.push(() => s.getFriction(project, { ...range, ...only }));
        const answers: unknown[] = [];
        for (const ask of asked) answers.push(await ask());
        return answers;
      };
      for (const { definition, devices } of SEGMENTS) {
        const alone = (await store.createProject({ name: devices.join(' ') })).projectId;
        await store.insertEvents(
          alone,
          devices.flatMap((device) => persons[device]!),
        );
        await store.setJourneyMap(alone, await store.getJourneyMap(projectId));
        const segmented = await questions(store, projectId, definition);
        expect(sortChannels(segmented), JSON.stringify(definition)).toEqual(
          sortChannels(await questions(store, alone)),
        );
        const listed = segmented[7] as Awaited<ReturnType<Store['getPersons']>>;
        expect(listed.persons.flatMap((person) => person.anonymousIds).sort()).toEqual(devices);
      }
    });
  });
}
