import { describe, expect, it } from 'vitest';
import { createStore } from './createStore.js';
import { DEFAULT_STAGE_NAMES, type JourneyStage, type TouchpointRef } from './engine/types.js';
import { DEFAULT_TIMELINE_LIMIT } from './journeyDefaults.js';
import { openSqliteStoreEngine } from './sqlite/openSqliteStore.js';
import type { StoredEvent } from './Store.js';
import type { StoreEngine } from './StoreEngine.js';

const person = { id: 'a', anonymousIds: ['a'], userIds: [] };
const events = (count: number): StoredEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    type: 'track',
    name: 'x',
    anonymousId: 'a',
    timestamp: i,
  }));

/**
 * An engine that answers the plain questions and records what `createStore` asked:
 * the rules must be applied above it, whatever the engine.
 */
class RecordingEngine {
  asked: Array<{ method: string; limit?: number; stages?: unknown; conversions?: unknown }> = [];
  constructor(
    private readonly saved: JourneyStage[] | undefined,
    private readonly held: number,
  ) {}
  async getJourneyMapRecord(_p: string, mapId: string) {
    if (this.saved === undefined || mapId !== 'main') return undefined;
    return { mapId, name: 'Main journey', stages: this.saved, version: 1, updatedAt: 1, updatedBy: null };
  }
  async getPersonTimeline(_p: string, _r: unknown, { limit }: { limit: number }) {
    this.asked.push({ method: 'getPersonTimeline', limit });
    return { person, events: events(Math.min(limit, this.held)) };
  }
  async getStages(_p: string, _q: unknown, stages: ReadonlyArray<JourneyStage>) {
    this.asked.push({ method: 'getStages', stages });
    return { stages: [], painPoints: [] };
  }
  async getOverview(_p: string, _q: unknown, conversions: ReadonlyArray<TouchpointRef>) {
    this.asked.push({ method: 'getOverview', conversions });
    return {
      days: [],
      channels: [],
      totals: { persons: 0, events: 0, conversions: 0, npsResponses: 0, nps: null },
    };
  }
}
const storeOver = (engine: RecordingEngine) => createStore(engine as unknown as StoreEngine);

const defaults = DEFAULT_STAGE_NAMES.map((name) => ({ name, touchpoints: [] }));
const saved: JourneyStage[] = [
  { name: 'discovery', touchpoints: [{ name: 'Ad clicked' }] },
  { name: 'decision', touchpoints: [{ name: 'Purchased' }, { name: 'Called', channel: 'phone' }] },
];

describe('createStore (the rules above every engine)', () => {
  it('gives the default map until one is saved, and hands the map it read to the stages', async () => {
    const fresh = new RecordingEngine(undefined, 0);
    expect(await storeOver(fresh).getJourneyMap('p')).toEqual(defaults);
    await storeOver(fresh).getStages('p', {});
    expect(fresh.asked).toEqual([{ method: 'getStages', stages: defaults }]);
    const mapped = new RecordingEngine(saved, 0);
    expect(await storeOver(mapped).getJourneyMap('p')).toEqual(saved);
    await storeOver(mapped).getStages('p', {});
    expect(mapped.asked).toEqual([{ method: 'getStages', stages: saved }]);
  });

  it("counts the decision stage's touchpoints as conversions unless the question names one", async () => {
    const range = { from: 0, to: 1 };
    const mapped = new RecordingEngine(saved, 0);
    await storeOver(mapped).getOverview('p', range);
    await storeOver(mapped).getOverview('p', { ...range, conversion: { name: 'Ad clicked' } });
    const withoutDecision = new RecordingEngine([{ name: 'awareness', touchpoints: [{ name: 'x' }] }], 0);
    await storeOver(withoutDecision).getOverview('p', range);
    expect([...mapped.asked, ...withoutDecision.asked].map((a) => a.conversions)).toEqual([
      saved[1]!.touchpoints,
      [{ name: 'Ad clicked' }],
      [],
    ]);
  });

  it('caps timelines at 10,000 events by default, asking one more to tell a cut one', async () => {
    for (const [held, limit, length, truncated] of [
      [DEFAULT_TIMELINE_LIMIT + 5, undefined, DEFAULT_TIMELINE_LIMIT, true],
      [DEFAULT_TIMELINE_LIMIT, undefined, DEFAULT_TIMELINE_LIMIT, false],
      [4, 3, 3, true],
      [3, 3, 3, false],
    ] as const) {
      const engine = new RecordingEngine(undefined, held);
      const timeline = await storeOver(engine).getPersonTimeline('p', { anonymousId: 'a' }, { limit });
      expect([timeline?.events.length, timeline?.truncated]).toEqual([length, truncated]);
      expect(engine.asked).toEqual([
        { method: 'getPersonTimeline', limit: (limit ?? DEFAULT_TIMELINE_LIMIT) + 1 },
      ]);
    }
  });

  it('leaves the rules out of the SQLite engine itself: no map saved is no map', async () => {
    const engine = openSqliteStoreEngine({ filename: ':memory:' });
    const { projectId } = await engine.createProject({ name: 'Plain' });
    expect(await engine.getJourneyMapRecord(projectId, 'main')).toBeUndefined();
    expect(await engine.listJourneyMaps(projectId)).toEqual([]);
    const map = {
      mapId: 'main',
      name: 'Main journey',
      stages: saved,
      version: 1,
      updatedAt: 5,
      updatedBy: null,
    };
    expect(await engine.writeJourneyMap(projectId, map)).toEqual({ written: true });
    expect(await engine.getJourneyMapRecord(projectId, 'main')).toEqual(map);
    // The engine's write is a compare-and-set: version 1 again is refused, with what is saved.
    expect(await engine.writeJourneyMap(projectId, { ...map, name: 'Again' })).toEqual({
      written: false,
      current: map,
    });
    await engine.close();
  });
});
