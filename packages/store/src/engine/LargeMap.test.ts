import { describe, expect, it } from 'vitest';
import { getFunnel } from './getFunnel.js';
import { JourneyIndex } from './JourneyIndex.js';
import { IndexSnapshot } from './IndexSnapshot.js';
import { LargeMap } from './LargeMap.js';

describe('LargeMap', () => {
  it('spills into further Maps past its entries per Map and still finds, replaces and deletes every key', () => {
    const map = new LargeMap<string, number>(3);
    for (let i = 0; i < 10; i++) map.set(`k${i}`, i);
    expect(map.size).toBe(10);
    expect([...map].map(([, v]) => v)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    map.set('k1', 100); // in the first Map: replaced there, not added again
    map.set('k8', 800);
    expect(map.size).toBe(10);
    expect(map.get('k1')).toBe(100);
    expect(map.get('k8')).toBe(800);
    expect(map.has('k10')).toBe(false);
    expect(map.delete('k4')).toBe(true);
    expect(map.delete('k4')).toBe(false);
    expect(map.size).toBe(9);
    expect(map.get('k4')).toBeUndefined();
    expect([...map].length).toBe(9);
  });
});

describe('JourneyIndex channel column', () => {
  it('tells 70,000 channels apart: the 16-bit column widens instead of wrapping', () => {
    const index = new JourneyIndex();
    for (let i = 0; i < 70_000; i++) {
      index.append({ type: 'track', name: 'Visit', anonymousId: `d${i}`, timestamp: i, channel: `c${i}` });
    }
    expect(index.channel.data).toBeInstanceOf(Uint32Array);
    for (const channel of ['c0', 'c4463', 'c65534', 'c65535', 'c69999']) {
      const funnel = getFunnel(index, { steps: [{ name: 'Visit', channel }], windowMs: 1_000 });
      expect(funnel.steps[0]!.count, channel).toBe(1);
    }
  });
});

describe('JourneyIndex name column', () => {
  it('starts at 16 bits and widens at the 65,537th touchpoint name, before and after a snapshot', () => {
    const index = new JourneyIndex();
    index.append({ type: 'track', name: 'n0', anonymousId: 'd0', timestamp: 0 });
    expect(index.name.data).toBeInstanceOf(Uint16Array);
    for (let i = 1; i < 70_000; i++) {
      index.append({ type: 'track', name: `n${i}`, anonymousId: `d${i}`, timestamp: i });
    }
    expect(index.name.data).toBeInstanceOf(Uint32Array);
    const snapshot = new IndexSnapshot();
    index.save(snapshot);
    const restored = new JourneyIndex();
    restored.restore(IndexSnapshot.decode(Buffer.concat(snapshot.encode({}))).snapshot);
    for (const name of ['n0', 'n4464', 'n65535', 'n65536', 'n69999']) {
      for (const searched of [index, restored]) {
        const funnel = getFunnel(searched, { steps: [{ name }], windowMs: 1_000 });
        expect(funnel.steps[0]!.count, name).toBe(1);
      }
    }
  });
});
