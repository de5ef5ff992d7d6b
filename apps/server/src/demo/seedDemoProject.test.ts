import { openSqliteStore } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProject } from './seedDemoProject.js';

// Issue 11, item 6: the demo's journey map marks where its journeys are meant to end,
// so that the purchase and the last survey are never shown as drop-off pain points.
describe('the demo project', () => {
  const store = openSqliteStore({ filename: ':memory:' });
  let projectId: string;
  beforeAll(async () => {
    const demo = await seedDemoProject(store, { passwordFile: undefined });
    projectId = demo!.projectId;
  }, 120_000);
  afterAll(() => store.close());

  it('has goals on its map, and none of them is a drop-off pain point', async () => {
    const { stages, painPoints } = await store.getStages(projectId, {});
    const goals = stages.flatMap((stage) => stage.touchpoints.filter((t) => t.goal).map((t) => t.name));
    expect(goals.sort()).toEqual(['Purchase completed', 'feedback']);
    // Buyers do leave after buying: without the mark, a drop-off candidate.
    const purchase = stages.find((s) => s.name === 'decision')!.touchpoints.find((t) => t.goal)!;
    expect(purchase.exitRate).toBeGreaterThan(0);
    expect(purchase.momentOfTruth).toBe(true);
    const dropOffs = painPoints.filter((p) => p.reason === 'drop-off').map((p) => p.touchpoint);
    expect(dropOffs.length).toBeGreaterThan(0);
    for (const goal of goals) expect(dropOffs).not.toContain(goal);
  });

  it('has several named maps, and people in every stage of each', async () => {
    const maps = await store.listJourneyMaps(projectId);
    expect(maps.map((m) => m.name)).toEqual(['Main journey', 'App onboarding', 'After-sales support']);
    for (const map of maps.slice(1)) {
      const { stages } = await store.getStages(projectId, { mapId: map.mapId });
      for (const stage of stages) expect(stage.persons, `${map.name}: ${stage.name}`).toBeGreaterThan(0);
      expect(stages.some((stage) => stage.touchpoints.some((t) => t.momentOfTruth))).toBe(true);
    }
  });

  it('shows CSAT after its purchase and support calls, and NPS and CSAT per channel', async () => {
    const { stages, channels } = await store.getStages(projectId, {});
    const touchpoint = (name: string) => stages.flatMap((s) => s.touchpoints).find((t) => t.name === name)!;
    expect(touchpoint('Purchase completed').csat.responses).toBeGreaterThan(50);
    const call = touchpoint('Support call').csat;
    expect(call.responses).toBeGreaterThan(10);
    expect(call.satisfied).toBeGreaterThan(0);
    expect(call.satisfied).toBeLessThan(100);
    expect(stages.find((s) => s.name === 'decision')!.csat.responses).toBeGreaterThan(50);
    const callCentre = channels.find((c) => c.channel === 'call_centre')!;
    expect(callCentre.csat.responses).toBeGreaterThan(10);
    expect(channels.find((c) => c.channel === 'web')!.nps.responses).toBeGreaterThan(50);
  });
});
