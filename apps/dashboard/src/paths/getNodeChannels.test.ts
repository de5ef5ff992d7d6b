import { describe, expect, it } from 'vitest';
import { getMainChannels, getNodeChannels } from './getNodeChannels.js';
import { nodeKey } from './layoutSankey.js';

describe('getNodeChannels', () => {
  const nodes = getNodeChannels([
    { depth: 0, name: 'Home', channel: null, persons: 1 },
    { depth: 0, name: 'Home', channel: 'ads', persons: 3 },
    { depth: 0, name: 'Home', channel: 'email', persons: 3 },
    { depth: 1, name: 'Pricing', channel: null, persons: 2 },
    { depth: 1, name: 'Pricing', channel: 'web', persons: 2 },
  ]);

  it('names the channel most persons came through, ties to the one listed first, with the mix', () => {
    expect(nodes.get(nodeKey(0, 'Home'))).toEqual({
      main: 'ads',
      mix: [
        { channel: 'ads', persons: 3 },
        { channel: 'email', persons: 3 },
        { channel: null, persons: 1 },
      ],
    });
    expect(nodes.get(nodeKey(1, 'Pricing'))!.main).toBeNull();
  });

  it('lists each main channel once for the legend', () => {
    expect(getMainChannels(nodes)).toEqual(['ads', null]);
  });
});
