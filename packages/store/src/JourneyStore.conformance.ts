import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '@parcours/schema';
import { DEFAULT_STAGE_NAMES, type JourneyStage } from './engine/types.js';
import type { Store, StoredEvent } from './Store.js';
import {
  INVALID_CURSOR,
  openConformanceStore,
  type ConformanceTarget,
} from './testing/openConformanceStore.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Journey questions as every engine must answer them (`describeStoreConformance`
 * runs this): funnels, drop-offs, paths, the journey map (its default included), stages
 * and the overview (its default conversion included), on small worlds whose figures
 * are worked out by hand in the comments. The fast-check property tests go further.
 */
export function describeJourneyStoreConformance(target: ConformanceTarget): void {
  describe(`JourneyStore conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;
    let seq = 0;
    const at = (minute: number) => Date.UTC(2026, 5, 1) + minute * MINUTE;
    const event = (patch: Partial<StoredEvent> & Pick<Event, 'anonymousId'>): StoredEvent => ({
      id: `evt_${++seq}`,
      type: 'track',
      name: 'Viewed product',
      timestamp: at(seq),
      ...patch,
    });

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Journeys' }));
    });
    afterEach(() => store.close());

    const funnel = {
      steps: [{ name: 'Ad clicked' }, { name: 'Signed up', where: { plan: 'pro' } }, { name: 'Purchased' }],
      windowMs: 60 * 60_000,
      breakdown: 'channel',
    };
    const journey = (anonymousId: string, names: string[], extra: Partial<Event> = {}) =>
      names.map((name, i) =>
        event({
          anonymousId,
          name,
          timestamp: at(i * 10),
          ...(name === 'Signed up' && { properties: { plan: 'pro', trial: true } }),
          ...extra,
        }),
      );

    it('answers funnels and paths, and reflects events committed after the index was built', async () => {
      await store.insertEvents(projectId, [
        ...journey('p1', ['Ad clicked', 'Signed up', 'Purchased'], { channel: 'ads' }),
        ...journey('p2', ['Ad clicked', 'Signed up'], { channel: 'ads' }),
        ...journey('p3', ['Ad clicked'], { channel: 'email' }),
      ]);
      const before = await store.getFunnel(projectId, funnel);
      expect(before.steps.map((s) => s.count)).toEqual([3, 2, 1]);
      expect(before.breakdown?.map((b) => [b.value, b.steps.map((s) => s.count)])).toEqual([
        ['ads', [2, 2, 1]],
        ['email', [1, 0, 0]],
      ]);

      // Live ingest: p3 signs up (a property filter on a column already built) and
      // buys on a second device, linked afterwards.
      await store.insertEvents(projectId, [
        event({ anonymousId: 'p3', name: 'Signed up', timestamp: at(5), properties: { plan: 'pro' } }),
        event({ anonymousId: 'p3-phone', name: 'Purchased', timestamp: at(6) }),
      ]);
      await store.insertEvents(projectId, [
        event({ type: 'identify', name: 'identify', anonymousId: 'p3', userId: 'u3', timestamp: at(7) }),
        event({
          type: 'identify',
          name: 'identify',
          anonymousId: 'p3-phone',
          userId: 'u3',
          timestamp: at(8),
        }),
      ]);
      const after = await store.getFunnel(projectId, funnel);
      expect(after.steps.map((s) => s.count)).toEqual([3, 3, 2]);

      const paths = await store.getPaths(projectId, { depth: 3, limit: 10 });
      expect(paths.paths).toEqual([
        { steps: ['Ad clicked', 'Signed up', 'Purchased'], count: 2, left: 2 },
        { steps: ['Ad clicked', 'Signed up'], count: 1, left: 1 },
      ]);

      const dropoffs = await store.getFunnelDropoffs(projectId, { ...funnel, step: 3, limit: 10 });
      expect(dropoffs.persons.map((p) => [p.personId, p.lastTouchpoint.name])).toEqual([['p2', 'Signed up']]);
    });

    it('paths over a range, with exits to "left", and the persons on a node, a link or an exit', async () => {
      await store.insertEvents(projectId, [
        ...journey('p1', ['Ad clicked', 'Signed up', 'Purchased']),
        ...journey('p2', ['Ad clicked', 'Signed up']),
        ...journey('p3', ['Ad clicked'], { channel: 'email' }),
      ]);
      // Minutes 5 to 15 hold only the sign-ups (at minute 10): p1 and p2 did nothing else in it.
      const ranged = await store.getPaths(projectId, { depth: 3, limit: 10, from: at(5), to: at(15) });
      expect(ranged).toEqual({
        paths: [{ steps: ['Signed up'], count: 2, left: 2 }],
        links: [],
        exits: [{ depth: 0, from: 'Signed up', count: 2 }],
        channels: [{ depth: 0, name: 'Signed up', channel: null, persons: 2 }],
      });
      // At depth 2 p1's path is cut while they go on (no exit); p2 and p3 leave.
      const cut = await store.getPaths(projectId, { depth: 2, limit: 10 });
      expect(cut).toEqual({
        paths: [
          { steps: ['Ad clicked', 'Signed up'], count: 2, left: 1 },
          { steps: ['Ad clicked'], count: 1, left: 1 },
        ],
        links: [{ depth: 0, from: 'Ad clicked', to: 'Signed up', count: 2 }],
        exits: [
          { depth: 0, from: 'Ad clicked', count: 1 },
          { depth: 1, from: 'Signed up', count: 1 },
        ],
        // No channel first, then by name.
        channels: [
          { depth: 0, name: 'Ad clicked', channel: null, persons: 2 },
          { depth: 0, name: 'Ad clicked', channel: 'email', persons: 1 },
          { depth: 1, name: 'Signed up', channel: null, persons: 2 },
        ],
      });
      const link = { depth: 2, at: 0, name: 'Ad clicked', next: 'Signed up', limit: 1 };
      const first = await store.getPathPersons(projectId, link);
      expect(first.persons).toEqual([
        {
          personId: 'p1',
          anonymousIds: ['p1'],
          userIds: [],
          steps: ['Ad clicked', 'Signed up'],
          left: false,
        },
      ]);
      expect(first.total).toBe(2);
      const second = await store.getPathPersons(projectId, { ...link, cursor: first.nextCursor! });
      expect(second.persons.map((p) => [p.personId, p.left])).toEqual([['p2', true]]);
      expect(second.nextCursor).toBeNull();
      const exit = await store.getPathPersons(projectId, {
        depth: 2,
        at: 0,
        name: 'Ad clicked',
        next: null,
        limit: 5,
      });
      expect(exit.persons.map((p) => p.personId)).toEqual(['p3']);
      const node = await store.getPathPersons(projectId, { depth: 2, at: 1, name: 'Signed up', limit: 5 });
      expect(node.persons.map((p) => p.personId)).toEqual(['p1', 'p2']);
      await expect(store.getPathPersons(projectId, { ...link, cursor: 'nope' })).rejects.toMatchObject(
        INVALID_CURSOR,
      );
    });

    it('tells JSON true from 1 and "1" in property filters', async () => {
      await store.insertEvents(projectId, [
        event({ anonymousId: 'x', name: 'Tapped', properties: { flag: true } }),
        event({ anonymousId: 'y', name: 'Tapped', properties: { flag: 1 } }),
        event({ anonymousId: 'z', name: 'Tapped', properties: { flag: '1' } }),
      ]);
      for (const value of [true, 1, '1']) {
        const result = await store.getFunnel(projectId, {
          steps: [{ name: 'Tapped', where: { flag: value } }],
          windowMs: 1,
        });
        expect(result.steps[0]!.count).toBe(1);
      }
    });

    it('pages drop-offs with an opaque cursor, each person once, and refuses garbage', async () => {
      await store.insertEvents(projectId, [
        ...['d1', 'd2', 'd3'].map((anonymousId) => event({ anonymousId, name: 'Ad clicked' })),
        event({ anonymousId: 'd4', name: 'Ad clicked', timestamp: at(0) }),
        event({ anonymousId: 'd4', name: 'Purchased', timestamp: at(1) }),
      ]);
      const query = { steps: [{ name: 'Ad clicked' }, { name: 'Purchased' }], windowMs: DAY, step: 2 };
      const first = await store.getFunnelDropoffs(projectId, { ...query, limit: 2 });
      expect(first.persons).toHaveLength(2);
      expect(first.total).toBe(3);
      expect(typeof first.nextCursor).toBe('string');
      const second = await store.getFunnelDropoffs(projectId, {
        ...query,
        limit: 2,
        cursor: first.nextCursor!,
      });
      expect(second.nextCursor).toBeNull();
      expect(second.total).toBe(3);
      const ids = [...first.persons, ...second.persons].map((p) => p.personId).sort();
      expect(ids).toEqual(['d1', 'd2', 'd3']);
      await expect(
        store.getFunnelDropoffs(projectId, { ...query, limit: 2, cursor: 'nope' }),
      ).rejects.toMatchObject(INVALID_CURSOR);
    });

    describe('funnel modes, figures and drivers', () => {
      const steps = [{ name: 'Viewed' }, { name: 'Carted' }, { name: 'Paid' }];
      const week2 = at(7 * 24 * 60);
      /**
       * Week of 2026-06-01 (a Monday): p1 views (ads), carts (plan pro), pays after 20
       * min; p2 views (ads), carts, empties the cart, pays; p4 pays, then views and carts.
       * Week of 06-08: p3 views (email) and carts.
       */
      const world = (): StoredEvent[] => [
        event({ anonymousId: 'p1', name: 'Viewed', channel: 'ads', timestamp: at(0) }),
        event({ anonymousId: 'p1', name: 'Carted', timestamp: at(10), properties: { plan: 'pro' } }),
        event({ anonymousId: 'p1', name: 'Paid', timestamp: at(20) }),
        event({ anonymousId: 'p2', name: 'Viewed', channel: 'ads', timestamp: at(0) }),
        event({ anonymousId: 'p2', name: 'Carted', timestamp: at(10) }),
        event({ anonymousId: 'p2', name: 'Cart emptied', timestamp: at(15) }),
        event({ anonymousId: 'p2', name: 'Paid', timestamp: at(20) }),
        event({ anonymousId: 'p3', name: 'Viewed', channel: 'email', timestamp: week2 }),
        event({ anonymousId: 'p3', name: 'Carted', timestamp: week2 + 5 * MINUTE }),
        event({ anonymousId: 'p4', name: 'Paid', timestamp: at(0) }),
        event({ anonymousId: 'p4', name: 'Viewed', timestamp: at(5) }),
        event({ anonymousId: 'p4', name: 'Carted', timestamp: at(6) }),
      ];
      const funnel = { steps, windowMs: 60 * MINUTE, now: at(30 * 24 * 60) };
      const exclusions = [{ name: 'Cart emptied', afterStep: 2 }];

      it('ends chains at an exclusion, counts steps in any order, and says which rules it used', async () => {
        await store.insertEvents(projectId, world());
        const counts = async (query: object) =>
          (await store.getFunnel(projectId, { ...funnel, ...query })).steps.map((s) => s.count);
        // p4 viewed and carted after paying: two steps in sequence.
        expect(await counts({})).toEqual([4, 4, 2]);
        // p2 emptied the cart between carting and paying.
        expect(await counts({ exclusions })).toEqual([4, 4, 1]);
        // In any order p4 did all three.
        expect(await counts({ order: 'any' })).toEqual([4, 4, 3]);
        const result = await store.getFunnel(projectId, { ...funnel, exclusions });
        expect(result.settings).toEqual({
          order: 'sequence',
          windowMs: 60 * MINUTE,
          windowAnchor: 'step1',
          equalTimestamps: 'strictlyLater',
          countingUnit: 'person',
          openUntil: funnel.now,
          exclusions,
        });
        expect(result.overTime).toEqual([
          { week: '2026-06-01', counts: [3, 3, 1], conversionRate: 1 / 3 },
          { week: '2026-06-08', counts: [1, 1, 0], conversionRate: 0 },
        ]);
        // p1 paid 20 minutes after viewing.
        const buckets = result.timeToConvert.filter((b) => b.persons > 0);
        expect(buckets).toEqual([{ fromMs: 10 * MINUTE, toMs: 60 * MINUTE, persons: 1 }]);
        expect(result.timeToConvert).toHaveLength(9);
      });

      it('ranks what went with carting and then paying, by lift', async () => {
        await store.insertEvents(projectId, world());
        const drivers = await store.getFunnelDrivers(projectId, {
          ...funnel,
          exclusions,
          step: 2,
          properties: ['plan'],
        });
        // Everyone carted; only p1 paid. Viewed and Carted are everyone's: no contrast.
        // Without ads (p3, p4) nobody paid; without the cart emptied, 1 of 3 did.
        expect(drivers).toMatchObject({ step: 2, persons: 4, converted: 1 });
        expect(drivers.drivers.map((d) => [d.kind, d.name, d.value ?? null, d.persons, d.lift])).toEqual([
          ['property', 'plan', 'pro', 1, 1],
          ['channel', 'ads', null, 2, 0.5],
          ['touchpoint', 'Cart emptied', null, 1, -1 / 3],
          ['touchpoint', 'Paid', null, 1, -1 / 3],
          ['channel', 'email', null, 1, -1 / 3],
        ]);
        expect(drivers.drivers[1]).toMatchObject({
          converted: 1,
          conversionRate: 0.5,
          conversionRateWithout: 0,
        });
      });
    });

    describe('journey map, stages and overview', () => {
      const map: JourneyStage[] = [
        { name: 'awareness', touchpoints: [{ name: 'Ad clicked' }] },
        { name: 'consideration', touchpoints: [{ name: 'Product viewed' }] },
        // A goal and a moment of truth: kept with the map, given back with the figures.
        { name: 'decision', touchpoints: [{ name: 'Purchased', goal: true, momentOfTruth: true }] },
        { name: 'retention', touchpoints: [] },
      ];
      const day = (n: number) => at(0) + n * DAY;
      const nps = (score: number) => ({ kind: 'nps', score });
      /**
       * Day 0: p1 ad → view → buy → NPS 10; p2 ad → view → NPS 2. Day 1: p3 view → ad;
       * p4 views on a laptop and buys on a phone, both signed in as u4 (one person).
       */
      const world = (): StoredEvent[] => [
        event({ anonymousId: 'p1', name: 'Ad clicked', channel: 'ads', timestamp: day(0) }),
        event({ anonymousId: 'p1', name: 'Product viewed', channel: 'web', timestamp: day(0) + 10 * MINUTE }),
        event({ anonymousId: 'p1', name: 'Purchased', channel: 'web', timestamp: day(0) + 20 * MINUTE }),
        event({
          anonymousId: 'p1',
          name: 'feedback',
          channel: 'email',
          timestamp: day(0) + 30 * MINUTE,
          properties: nps(10),
        }),
        event({ anonymousId: 'p2', name: 'Ad clicked', channel: 'ads', timestamp: day(0) }),
        event({ anonymousId: 'p2', name: 'Product viewed', channel: 'web', timestamp: day(0) + 10 * MINUTE }),
        event({
          anonymousId: 'p2',
          name: 'feedback',
          channel: 'email',
          timestamp: day(0) + 15 * MINUTE,
          properties: nps(2),
        }),
        event({ anonymousId: 'p3', name: 'Product viewed', channel: 'web', timestamp: day(1) }),
        event({ anonymousId: 'p3', name: 'Ad clicked', channel: 'ads', timestamp: day(1) + 5 * MINUTE }),
        event({
          anonymousId: 'p4-laptop',
          userId: 'u4',
          name: 'Product viewed',
          channel: 'web',
          timestamp: day(1),
        }),
        event({
          anonymousId: 'p4-phone',
          userId: 'u4',
          name: 'Purchased',
          channel: 'mobile',
          timestamp: day(1) + 10 * MINUTE,
        }),
      ];

      it('answers the five default stages, empty, until a map is saved, and the saved map after', async () => {
        const defaults = DEFAULT_STAGE_NAMES.map((name) => ({ name, touchpoints: [] }));
        expect(await store.getJourneyMap(projectId)).toEqual(defaults);
        await store.insertEvents(projectId, world());
        const empty = await store.getStages(projectId, {});
        expect(empty.stages.map((s) => [s.name, s.persons, s.conversionFromPrevious, s.touchpoints])).toEqual(
          defaults.map(({ name }, i) => [name, 0, i === 0 ? null : 0, []]),
        );
        await store.setJourneyMap(projectId, map);
        expect(await store.getJourneyMap(projectId)).toEqual(map);
        const other = await store.createProject({ name: 'Other' });
        expect(await store.getJourneyMap(other.projectId)).toEqual(defaults);
      });

      it('counts persons per stage, the conversion from the stage before, and each touchpoint', async () => {
        await store.insertEvents(projectId, world());
        await store.setJourneyMap(projectId, map);
        const { stages, painPoints } = await store.getStages(projectId, {});
        // awareness: p1 p2 p3; consideration: all four; decision: p1 and u4 (two devices).
        // Afterwards: p1 and p2 viewed after the ad (p3 before it): 2 of 3; p1 and u4
        // bought after viewing: 2 of 4; nobody reached retention: 0 of 2.
        expect(stages.map((s) => [s.name, s.persons, s.conversionFromPrevious])).toEqual([
          ['awareness', 3, null],
          ['consideration', 4, 2 / 3],
          ['decision', 2, 2 / 4],
          ['retention', 0, 0],
        ]);
        // u4 viewed a product with no ad before: consideration without awareness.
        expect(stages.map((s) => s.withoutPrevious)).toEqual([null, 1, 0, 0]);
        const [ad, viewed, bought] = stages.slice(0, 3).map((s) => s.touchpoints[0]!);
        // The ad was p3's last touchpoint (1 of 3); p1 and p2 scored after it: 10 and 2.
        expect(ad).toEqual({
          name: 'Ad clicked',
          channel: null,
          events: 3,
          persons: 3,
          exitRate: 1 / 3,
          byChannel: [{ channel: 'ads', events: 3 }],
          responses: 2,
          averageScore: 6,
          nps: 0,
          csat: { responses: 0, averageScore: null, satisfied: null },
          goal: false,
          momentOfTruth: false,
        });
        expect(viewed).toMatchObject({ events: 4, persons: 4, exitRate: 0, responses: 2, nps: 0 });
        // u4's last touchpoint is the purchase on the phone; p1 scored 10 after buying.
        expect(bought).toMatchObject({
          events: 2,
          persons: 2,
          exitRate: 1 / 2,
          responses: 1,
          averageScore: 10,
          nps: 100,
          goal: true,
          momentOfTruth: true,
        });
        // Ties between channels are in no set order.
        expect([...bought!.byChannel].sort((a, b) => a.channel!.localeCompare(b.channel!))).toEqual([
          { channel: 'mobile', events: 1 },
          { channel: 'web', events: 1 },
        ]);
        // No touchpoint has the five persons a pain point needs.
        expect(painPoints).toEqual([]);
        const dayTwo = await store.getStages(projectId, { from: day(1) });
        expect(dayTwo.stages.map((s) => s.persons)).toEqual([1, 2, 1, 0]);
      });

      it('scores CSAT after each touchpoint and stage, and NPS and CSAT per channel', async () => {
        const csat = (anonymousId: string, timestamp: number, score: number, userId?: string) =>
          event({
            anonymousId,
            ...(userId === undefined ? {} : { userId }),
            name: 'feedback',
            channel: 'email',
            timestamp,
            properties: { kind: 'csat', score },
          });
        await store.insertEvents(projectId, [
          ...world(),
          csat('p1', day(0) + 40 * MINUTE, 5),
          csat('p2', day(0) + 5 * MINUTE, 2),
          csat('p2', day(0) + 20 * MINUTE, 4),
          // Out of the 1–5 scale: not an answer, so u4's first answer is the 3 after it.
          csat('p4-phone', day(1) + 15 * MINUTE, 6, 'u4'),
          csat('p4-phone', day(1) + 20 * MINUTE, 3, 'u4'),
        ]);
        await store.setJourneyMap(projectId, map);
        const { stages, channels } = await store.getStages(projectId, {});
        // After the ad: p1 5, p2 2 (before viewing), p3 none. After the view: p1 5, p2 4, u4 3.
        // After the purchase: p1 5, u4 3.
        expect(stages.map((s) => s.touchpoints.map((t) => t.csat))).toEqual([
          [{ responses: 2, averageScore: 3.5, satisfied: 50 }],
          [{ responses: 3, averageScore: 4, satisfied: 200 / 3 }],
          [{ responses: 2, averageScore: 4, satisfied: 50 }],
          [],
        ]);
        expect(stages.map((s) => s.csat)).toEqual([
          { responses: 2, averageScore: 3.5, satisfied: 50 },
          { responses: 3, averageScore: 4, satisfied: 200 / 3 },
          { responses: 2, averageScore: 4, satisfied: 50 },
          { responses: 0, averageScore: null, satisfied: null },
        ]);
        // Per channel, the first answers after each person's first map touchpoint on it; the
        // answers' own channel (email) holds no map touchpoint.
        expect(channels).toEqual([
          {
            channel: 'web',
            persons: 4,
            nps: { responses: 2, averageScore: 6, nps: 0 },
            csat: { responses: 3, averageScore: 4, satisfied: 200 / 3 },
          },
          {
            channel: 'ads',
            persons: 3,
            nps: { responses: 2, averageScore: 6, nps: 0 },
            csat: { responses: 2, averageScore: 3.5, satisfied: 50 },
          },
          {
            channel: 'mobile',
            persons: 1,
            nps: { responses: 0, averageScore: null, nps: null },
            csat: { responses: 1, averageScore: 3, satisfied: 0 },
          },
        ]);
        const dayTwo = await store.getStages(projectId, { from: day(1) });
        expect(dayTwo.channels.map((c) => [c.channel, c.persons, c.csat.responses])).toEqual([
          ['web', 2, 1],
          ['ads', 1, 0],
          ['mobile', 1, 1],
        ]);
      });

      it('lists persons with their ids, times, channels and stages, a page at a time, and gives a profile', async () => {
        await store.insertEvents(projectId, [
          ...world(),
          event({
            anonymousId: 'p4-phone',
            userId: 'u4',
            type: 'identify',
            name: 'identify',
            timestamp: day(1) + 20 * MINUTE,
            properties: { plan: 'gold' },
          }),
        ]);
        await store.setJourneyMap(projectId, map);
        // Most recent first: u4 (last seen at the identify), p3, then p1 (day 0, 30 min) and p2 (15 min).
        const first = await store.getPersons(projectId, { limit: 2 });
        expect(first.total).toBe(4);
        expect(first.persons.map((p) => p.personId)).toEqual(['user:u4', 'p3']);
        expect(first.persons[0]).toMatchObject({
          userIds: ['u4'],
          firstSeen: day(1),
          channels: ['web', 'mobile'],
          stages: ['consideration', 'decision'],
        });
        expect(first.nextCursor).not.toBeNull();
        const second = await store.getPersons(projectId, { limit: 2, cursor: first.nextCursor! });
        expect(second.persons.map((p) => p.personId)).toEqual(['p1', 'p2']);
        expect(second.nextCursor).toBeNull();
        const bought = await store.getPersons(projectId, {
          limit: 10,
          stage: 'decision',
          sort: 'personId',
          order: 'asc',
        });
        expect(bought.persons.map((p) => p.personId)).toEqual(['p1', 'user:u4']);
        expect(
          (await store.getPersons(projectId, { limit: 10, search: 'p4-' })).persons.map((p) => p.personId),
        ).toEqual(['user:u4']);
        await expect(store.getPersons(projectId, { limit: 2, cursor: 'garbage' })).rejects.toMatchObject({
          name: 'InvalidCursorError',
        });
        const profile = await store.getPersonProfile(projectId, { anonymousId: 'p4-laptop' });
        expect(profile).toMatchObject({ personId: 'user:u4', traits: { plan: 'gold' } });
        expect(await store.getPersonProfile(projectId, { anonymousId: 'nobody' })).toBeUndefined();
      });

      it('gives the overview per day and channel, a conversion being the decision stage unless named', async () => {
        await store.insertEvents(projectId, world());
        const range = { from: day(0), to: day(2) - 1 };
        // Before a map is saved the decision stage has no touchpoint: nobody converts.
        expect((await store.getOverview(projectId, range)).totals.conversions).toBe(0);
        await store.setJourneyMap(projectId, map);
        const overview = await store.getOverview(projectId, range);
        expect(overview.days).toEqual([
          { day: '2026-06-01', persons: 2, events: 7, conversions: 1, npsResponses: 2, nps: 0 },
          { day: '2026-06-02', persons: 2, events: 4, conversions: 1, npsResponses: 0, nps: null },
        ]);
        expect(overview.channels).toEqual([
          { channel: 'web', persons: 4, events: 5, conversions: 1 },
          { channel: 'ads', persons: 3, events: 3, conversions: 0 },
          { channel: 'email', persons: 2, events: 2, conversions: 0 },
          { channel: 'mobile', persons: 1, events: 1, conversions: 1 },
        ]);
        expect(overview.totals).toEqual({ persons: 4, events: 11, conversions: 2, npsResponses: 2, nps: 0 });
        const byAd = await store.getOverview(projectId, { ...range, conversion: { name: 'Ad clicked' } });
        expect(byAd.totals.conversions).toBe(3);
        const onPhone = { name: 'Purchased', channel: 'mobile' };
        expect(
          (await store.getOverview(projectId, { ...range, conversion: onPhone })).totals.conversions,
        ).toBe(1);
      });
    });

    describe('cohort retention', () => {
      // 1 June 2026 is a Monday: weeks start on days 0, 7, 14.
      const day = (n: number) => at(0) + n * DAY;
      const visit = (anonymousId: string, n: number, extra: Partial<StoredEvent> = {}) =>
        event({ anonymousId, name: 'Visit', timestamp: day(n), channel: 'web', ...extra });
      const link = (anonymousId: string, userId: string, n: number) =>
        event({ type: 'identify', name: 'identify', anonymousId, userId, timestamp: day(n) });
      /**
       * Week of 1 June: r1 (back days 8 and 16, a store purchase), u2 (a laptop on day 2,
       * a phone on day 9, both linked). Week of 8 June: r3 (a store purchase on day 15,
       * a visit on day 30, after the range). r4 first came before the range: no cohort.
       */
      const world = () => [
        visit('r1', 0),
        visit('r1', 8),
        visit('r1', 16, { name: 'Purchased', channel: 'store' }),
        visit('r2-laptop', 2),
        visit('r2-phone', 9, { channel: 'mobile' }),
        link('r2-phone', 'u2', 9),
        link('r2-laptop', 'u2', 10),
        visit('r3', 7),
        visit('r3', 15, { name: 'Purchased', channel: 'store' }),
        visit('r3', 30),
        visit('r4', -3),
        visit('r4', 8),
      ];
      const range = { from: day(0), to: day(21) - 1 };

      it('counts cohorts by first week and those back each week after, identities merged', async () => {
        await store.insertEvents(projectId, world());
        const retention = await store.getCohortRetention(projectId, range);
        expect(retention.cohorts).toEqual([
          { week: '2026-06-01', persons: 2, returned: [2, 2, 1] },
          { week: '2026-06-08', persons: 1, returned: [1, 1] },
          { week: '2026-06-15', persons: 0, returned: [0] },
        ]);
        expect(retention.curve).toEqual([
          { week: 0, persons: 3, returned: 3, share: 1 },
          { week: 1, persons: 3, returned: 3, share: 1 },
          { week: 2, persons: 2, returned: 1, share: 0.5 },
        ]);
      });

      it('counts only the chosen touchpoint as a return, on its channel when named', async () => {
        await store.insertEvents(projectId, world());
        const purchases = await store.getCohortRetention(projectId, {
          ...range,
          returning: { name: 'Purchased', channel: 'store' },
        });
        expect(purchases.cohorts.map((c) => c.returned)).toEqual([[2, 0, 1], [1, 1], [0]]);
        const onPhone = await store.getCohortRetention(projectId, {
          ...range,
          returning: { name: 'Visit', channel: 'mobile' },
        });
        expect(onPhone.cohorts.map((c) => c.returned)).toEqual([[2, 1, 0], [1, 0], [0]]);
        const unknown = await store.getCohortRetention(projectId, { ...range, returning: { name: 'Nope' } });
        expect(unknown.curve.map((p) => p.returned)).toEqual([3, 0, 0]);
      });

      it('refuses a range past 53 weeks', async () => {
        await expect(store.getCohortRetention(projectId, { from: day(0), to: day(53 * 7) })).rejects.toThrow(
          /53 weeks/,
        );
      });
    });

    describe('friction', () => {
      const HOUR = 3_600_000;
      const tp = (anonymousId: string, name: string, hours: number) =>
        event({ anonymousId, name, timestamp: at(0) + hours * HOUR, channel: 'web' });

      it('finds loops, repeated support contacts and long waits, identities merged', async () => {
        await store.insertEvents(projectId, [
          // f1 on a laptop then a phone, one person once linked: Cart → Help → Cart.
          tp('f1-laptop', 'Cart', 0),
          tp('f1-laptop', 'Help', 1),
          tp('f1-phone', 'Cart', 2),
          event({
            type: 'identify',
            name: 'identify',
            anonymousId: 'f1-laptop',
            userId: 'u1',
            timestamp: at(0),
          }),
          event({
            type: 'identify',
            name: 'identify',
            anonymousId: 'f1-phone',
            userId: 'u1',
            timestamp: at(0),
          }),
          // f2 calls support twice in 3 days, then again 9 days later (not a repeat).
          tp('f2', 'Help', 0),
          tp('f2', 'Help', 72),
          tp('f2', 'Help', 72 + 9 * 24),
          // Ten Cart → Pay: nine an hour apart, one after 50 hours (above the 90th percentile).
          ...Array.from({ length: 10 }, (_, p) => [
            tp(`w${p}`, 'Cart', 0),
            tp(`w${p}`, 'Pay', p === 9 ? 50 : 1),
          ]).flat(),
        ]);
        const friction = await store.getFriction(projectId, { support: [{ name: 'Help' }] });
        expect(friction.loops).toEqual([
          { from: 'Cart', via: 'Help', persons: 1, occurrences: 1, examples: ['user:u1'] },
        ]);
        expect(friction.repeatedContacts).toEqual([
          { name: 'Help', channel: null, persons: 1, occurrences: 1, examples: ['f2'] },
        ]);
        expect(friction.longWaits).toEqual([
          {
            from: 'Cart',
            to: 'Pay',
            transitions: 10,
            p90Ms: HOUR,
            persons: 1,
            occurrences: 1,
            examples: ['w9'],
          },
        ]);
      });
    });
  });
}
