import { describe, expect, it } from 'vitest';
import { collectTouchpointNames } from './collectTouchpointNames.js';

describe('collectTouchpointNames', () => {
  it('lists each name once, the most travelled first', () => {
    const names = collectTouchpointNames({
      paths: [
        { steps: ['Ad clicked', '/', 'Signed up'], count: 3 },
        { steps: ['/', 'Product viewed'], count: 5 },
        { steps: ['Support call'], count: 1 },
      ],
      links: [
        { depth: 0, from: 'Ad clicked', to: '/', count: 3 },
        { depth: 1, from: '/', to: 'Signed up', count: 3 },
        { depth: 0, from: '/', to: 'Product viewed', count: 5 },
      ],
    });
    expect(names).toEqual(['/', 'Product viewed', 'Ad clicked', 'Signed up', 'Support call']);
  });

  it('lists nothing for no paths', () => {
    expect(collectTouchpointNames({ paths: [], links: [] })).toEqual([]);
  });
});
