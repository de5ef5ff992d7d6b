import { describe, expect, it } from 'vitest';
import { layoutSankey, LEFT_NODE, OTHER_NODE, type PathLink } from './layoutSankey.js';

const box = { width: 300, height: 100, nodeWidth: 10, nodeGap: 10 };

function node(layout: ReturnType<typeof layoutSankey>, depth: number, name: string) {
  const found = layout.nodes.find((n) => n.depth === depth && n.name === name);
  if (!found)
    throw new Error(
      `no node ${depth}:${name} in ${layout.nodes.map((n) => `${n.depth}:${n.name}`).join(', ')}`,
    );
  return found;
}

describe('layoutSankey', () => {
  const links: PathLink[] = [
    { depth: 0, from: 'Ad', to: '/', count: 60 },
    { depth: 0, from: 'Search', to: '/', count: 30 },
    { depth: 1, from: '/', to: 'Product', count: 50 },
    { depth: 1, from: '/', to: 'Pricing', count: 20 },
  ];

  it('puts one column per position, spread over the width', () => {
    const layout = layoutSankey(links, box);
    expect([0, 1, 2].map((depth) => layout.nodes.filter((n) => n.depth === depth).map((n) => n.x))).toEqual([
      [0, 0],
      [145],
      [290, 290],
    ]);
  });

  it('makes heights proportional to persons on one scale for all columns', () => {
    const layout = layoutSankey(links, box);
    // Column 0 is the fullest: 90 persons and one gap fill the 100 units.
    const scale = (100 - 10) / 90;
    expect(node(layout, 0, 'Ad').height).toBeCloseTo(60 * scale);
    expect(node(layout, 1, '/').height).toBeCloseTo(90 * scale); // more in (90) than out (70)
    expect(node(layout, 2, 'Pricing').height).toBeCloseTo(20 * scale);
    for (const depth of [0, 1, 2]) {
      const column = layout.nodes.filter((n) => n.depth === depth);
      expect(Math.max(...column.map((n) => n.y + n.height))).toBeLessThanOrEqual(100 + 1e-9);
    }
  });

  it('stacks nodes largest first with gaps', () => {
    const layout = layoutSankey(links, box);
    const ad = node(layout, 0, 'Ad');
    const search = node(layout, 0, 'Search');
    expect(ad.y).toBe(0);
    expect(search.y).toBeCloseTo(ad.height + 10);
  });

  it('draws bands as wide as their persons, leaving and entering at the nodes', () => {
    const layout = layoutSankey(links, box);
    const band = layout.links.find((l) => l.count === 30)!;
    expect(band.width).toBeCloseTo(30);
    expect(band.path).toMatch(/^M10,\d+(\.\d)?C/);
    expect(band.path.endsWith(`145,${Math.round((60 + 15) * 10) / 10}`)).toBe(true);
  });

  it('merges the smaller nodes of a busy column into "Other", keeping the totals', () => {
    const busy: PathLink[] = ['a', 'b', 'c', 'd'].map((to, i) => ({
      depth: 0,
      from: 'start',
      to,
      count: 10 - i,
    }));
    const layout = layoutSankey(busy, { ...box, maxNodesPerColumn: 2 });
    const column = layout.nodes.filter((n) => n.depth === 1);
    expect(column.map((n) => [n.name, n.value])).toEqual([
      ['a', 10],
      ['b', 9],
      [OTHER_NODE, 15],
    ]);
    expect(column.at(-1)!.isOther).toBe(true);
  });

  it('does not hide a single node behind "Other"', () => {
    const three: PathLink[] = ['a', 'b', 'c'].map((to) => ({ depth: 0, from: 's', to, count: 1 }));
    expect(layoutSankey(three, { ...box, maxNodesPerColumn: 2 }).nodes.map((n) => n.name)).not.toContain(
      OTHER_NODE,
    );
  });

  it('lays out nothing for no links', () => {
    expect(layoutSankey([], box)).toEqual({ nodes: [], links: [] });
  });

  it('keeps the "Left" node of a column, last, however many touchpoints are merged into "Other"', () => {
    const crowded: PathLink[] = [
      ...['a', 'b', 'c'].map((to, i) => ({ depth: 0, from: 'Home', to, count: 10 - i })),
      { depth: 0, from: 'Home', to: LEFT_NODE, count: 1 },
    ];
    const layout = layoutSankey(crowded, { ...box, maxNodesPerColumn: 1 });
    const column = layout.nodes.filter((n) => n.depth === 1);
    expect(column.map((n) => [n.name, n.isOther, n.isLeft])).toEqual([
      ['a', false, false],
      [OTHER_NODE, true, false],
      [LEFT_NODE, false, true],
    ]);
    expect(column[2]!.value).toBe(1);
  });
});
