import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JourneyStage } from '../engine/types.js';
import type { Store } from '../Store.js';
import { openConformanceStore, type ConformanceTarget } from '../testing/openConformanceStore.js';
import { JOURNEY_MAP_TEMPLATE_STAGES } from './templates.js';
import { DEFAULT_STAGE_NAMES } from '../engine/types.js';

/** By name, not `instanceof`: another engine's package throws `@parcours/store`'s built class. */
const CONFLICT = { name: 'JourneyMapConflictError' } as const;

const ONBOARDING: JourneyStage[] = [
  { name: 'sign-up', touchpoints: [{ name: 'Signed up' }] },
  { name: 'activation', touchpoints: [{ name: 'Project created', goal: true, momentOfTruth: true }] },
];

/** Several named maps per project, each save versioned; a stale save is refused with the newer one. */
export function describeJourneyMapStoreConformance(target: ConformanceTarget): void {
  describe(`JourneyMapStore conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;
    const defaults = DEFAULT_STAGE_NAMES.map((name) => ({ name, touchpoints: [] }));

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Maps' }));
    });
    afterEach(() => store.close());

    it('always has the main map, at version 0 until saved, and creates others blank or from a template', async () => {
      expect(await store.listJourneyMaps(projectId)).toEqual([
        { mapId: 'main', name: 'Main journey', stages: defaults, version: 0, updatedAt: 0, updatedBy: null },
      ]);
      const retail = await store.createJourneyMap(projectId, {
        name: 'Purchase',
        template: 'retail',
        updatedBy: 'ana@shop.test',
      });
      expect(retail).toMatchObject({ name: 'Purchase', version: 1, updatedBy: 'ana@shop.test' });
      expect(retail.mapId).toMatch(/^map_/);
      expect(retail.stages).toEqual(JOURNEY_MAP_TEMPLATE_STAGES.retail);
      const blank = await store.createJourneyMap(projectId, { name: 'Cancellation' });
      expect([blank.stages, blank.updatedBy]).toEqual([defaults, null]);
      await store.setJourneyMap(projectId, ONBOARDING);
      // The main map first, then the others in creation order.
      expect((await store.listJourneyMaps(projectId)).map((m) => [m.name, m.version])).toEqual([
        ['Main journey', 1],
        ['Purchase', 1],
        ['Cancellation', 1],
      ]);
      expect(await store.getJourneyMapRecord(projectId, retail.mapId)).toEqual(retail);
      expect(await store.getJourneyMap(projectId, retail.mapId)).toEqual(JOURNEY_MAP_TEMPLATE_STAGES.retail);
      expect(await store.getJourneyMap(projectId)).toEqual(ONBOARDING);
      expect(await store.getJourneyMapRecord(projectId, 'map_unknown')).toBeUndefined();
      await expect(store.getJourneyMap(projectId, 'map_unknown')).rejects.toThrow(
        /no journey map "map_unknown"/,
      );
      const other = await store.createProject({ name: 'Other' });
      expect((await store.listJourneyMaps(other.projectId)).map((m) => m.mapId)).toEqual(['main']);
      expect(await store.getJourneyMapRecord(other.projectId, retail.mapId)).toBeUndefined();
    });

    it('saves over the version an edit started from, and refuses a save over a newer one with that one', async () => {
      const map = await store.createJourneyMap(projectId, {
        name: 'Onboarding',
        template: 'saas-onboarding',
      });
      const saved = await store.saveJourneyMap(projectId, {
        mapId: map.mapId,
        name: 'Onboarding v2',
        stages: ONBOARDING,
        baseVersion: 1,
        updatedBy: 'ana@shop.test',
      });
      expect(saved).toMatchObject({
        name: 'Onboarding v2',
        stages: ONBOARDING,
        version: 2,
        updatedBy: 'ana@shop.test',
      });
      expect(saved.updatedAt).toBeGreaterThanOrEqual(map.updatedAt);
      // Bob opened version 1 and saves after Ana: refused, Ana's save unchanged and handed back.
      const stale = store.saveJourneyMap(projectId, {
        mapId: map.mapId,
        name: 'Bob',
        stages: defaults,
        baseVersion: 1,
        updatedBy: 'bob@shop.test',
      });
      await expect(stale).rejects.toMatchObject({ ...CONFLICT, current: saved });
      await expect(stale).rejects.toThrow(/saved by ana@shop\.test since you opened it \(version 2\)/);
      expect(await store.getJourneyMapRecord(projectId, map.mapId)).toEqual(saved);
      // Having compared, Bob overwrites on purpose: over version 2.
      const overwritten = await store.saveJourneyMap(projectId, {
        mapId: map.mapId,
        name: 'Bob',
        stages: defaults,
        baseVersion: 2,
        updatedBy: 'bob@shop.test',
      });
      expect([overwritten.version, overwritten.name]).toEqual([3, 'Bob']);
      // The main map saves from version 0 the first time.
      const main = await store.saveJourneyMap(projectId, {
        mapId: 'main',
        name: 'Main journey',
        stages: ONBOARDING,
        baseVersion: 0,
      });
      expect(main.version).toBe(1);
      await expect(
        store.saveJourneyMap(projectId, { mapId: 'main', name: 'x', stages: defaults, baseVersion: 0 }),
      ).rejects.toMatchObject({ ...CONFLICT, current: main });
      await expect(
        store.saveJourneyMap(projectId, {
          mapId: 'map_unknown',
          name: 'x',
          stages: defaults,
          baseVersion: 0,
        }),
      ).rejects.toThrow(RangeError);
    });

    it('lets exactly one of two saves over the same version win', async () => {
      const map = await store.createJourneyMap(projectId, { name: 'Race' });
      const save = (name: string) =>
        store.saveJourneyMap(projectId, { mapId: map.mapId, name, stages: ONBOARDING, baseVersion: 1 });
      const results = await Promise.allSettled([save('first'), save('second')]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r) => r.status === 'rejected');
      expect([won.length, refused.length]).toEqual([1, 1]);
      const saved = await store.getJourneyMapRecord(projectId, map.mapId);
      expect(saved).toEqual((won[0] as PromiseFulfilledResult<unknown>).value);
      expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ ...CONFLICT, current: saved });
    });

    it('deletes a map but never the main one, and reads stages through the map asked for', async () => {
      await store.insertEvents(projectId, [
        { id: 'e1', type: 'track', name: 'Signed up', anonymousId: 'a', timestamp: Date.UTC(2026, 5, 1) },
        {
          id: 'e2',
          type: 'track',
          name: 'Project created',
          anonymousId: 'a',
          timestamp: Date.UTC(2026, 5, 2),
        },
        { id: 'e3', type: 'track', name: 'Signed up', anonymousId: 'b', timestamp: Date.UTC(2026, 5, 1) },
      ]);
      const map = await store.createJourneyMap(projectId, { name: 'Onboarding' });
      await store.saveJourneyMap(projectId, {
        mapId: map.mapId,
        name: 'Onboarding',
        stages: ONBOARDING,
        baseVersion: 1,
      });
      const onboarding = await store.getStages(projectId, { mapId: map.mapId });
      expect(onboarding.stages.map((s) => [s.name, s.persons])).toEqual([
        ['sign-up', 2],
        ['activation', 1],
      ]);
      // The main map (the default, empty) counts nobody.
      expect((await store.getStages(projectId, {})).stages.map((s) => s.persons)).toEqual([0, 0, 0, 0, 0]);
      await expect(store.getStages(projectId, { mapId: 'map_unknown' })).rejects.toThrow(RangeError);
      await expect(store.deleteJourneyMap(projectId, 'main')).rejects.toThrow(
        /main journey map cannot be deleted/,
      );
      expect(await store.deleteJourneyMap(projectId, map.mapId)).toBe(true);
      expect(await store.deleteJourneyMap(projectId, map.mapId)).toBe(false);
      expect((await store.listJourneyMaps(projectId)).map((m) => m.mapId)).toEqual(['main']);
      await expect(store.getStages(projectId, { mapId: map.mapId })).rejects.toThrow(RangeError);
    });
  });
}
