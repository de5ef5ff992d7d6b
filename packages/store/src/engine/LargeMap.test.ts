import { describe, expect, it } from 'vitest';
import { getFunnel } from './getFunnel.js';
import { JourneyIndex } from './JourneyIndex.js';
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
