/** A link of `journeys.paths`: persons going from `from` at position `depth` to `to` at `depth + 1`. */
export interface PathLink {
  depth: number;
  from: string;
  to: string;
  count: number;
}

/** What the diagram draws in, and how busy it may get. */
export interface SankeyOptions {
  width: number;
  height: number;
  /** Width of a node's bar. Default 12. */
  nodeWidth?: number;
  /** Space between two nodes of a column. Default 10. */
  nodeGap?: number;
  /** Nodes a column shows at most; the smaller ones are merged into one "Other" node. Default 6. */
  maxNodesPerColumn?: number;
}

/** A touchpoint at a position: a bar whose height is proportional to its persons. */
export interface SankeyNode {
  key: string;
  name: string;
  /** 0-based position in the path: the column. */
  depth: number;
  /** Persons at this node: the larger of those coming in and those going on. */
  value: number;
  /** True for the node that gathers a column's smaller touchpoints. */
  isOther: boolean;
  /** True for the terminal node of those who left ({@link LEFT_NODE}). */
  isLeft: boolean;
  x: number;
  y: number;
  height: number;
}

/** A band between two nodes, as an SVG path drawn with `stroke-width: width`. */
export interface SankeyLink {
  from: string;
  to: string;
  count: number;
  width: number;
  path: string;
}

/** The name of the node that gathers a column's smaller touchpoints. */
export const OTHER_NODE = 'Other';

/**
 * The name of a column's terminal node: persons who left after a touchpoint of the
 * column before (`journeys.paths` `exits`). NUL-led: no touchpoint name can be it.
 */
export const LEFT_NODE = '\u0000left';

/** The key of a node: its position and name. */
export const nodeKey = (depth: number, name: string) => `${depth}\u0000${name}`;

function sumBy<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Keeps each column's largest nodes and merges the links of the rest into "Other". */
function mergeSmallNodes(links: readonly PathLink[], maxNodes: number): PathLink[] {
  const totals = new Map<string, number>();
  const add = (key: string, count: number) => totals.set(key, (totals.get(key) ?? 0) + count);
  for (const link of links) {
    add(nodeKey(link.depth, link.from), link.count);
    add(nodeKey(link.depth + 1, link.to), link.count);
  }
  const kept = new Set<string>();
  const byColumn = new Map<number, [string, number][]>();
  for (const [key, total] of totals) {
    const depth = Number(key.slice(0, key.indexOf('\u0000')));
    byColumn.set(depth, [...(byColumn.get(depth) ?? []), [key, total]]);
  }
  for (const nodes of byColumn.values()) {
    nodes.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    // Merging one node into "Other" only renames it: keep it instead. "Left" always stays.
    const left = nodes.filter(([key]) => key.endsWith(LEFT_NODE));
    const touchpoints = nodes.filter(([key]) => !key.endsWith(LEFT_NODE));
    const limit = touchpoints.length === maxNodes + 1 ? touchpoints.length : maxNodes;
    for (const [key] of [...touchpoints.slice(0, limit), ...left]) kept.add(key);
  }
  const merged = new Map<string, PathLink>();
  for (const link of links) {
    const from = kept.has(nodeKey(link.depth, link.from)) ? link.from : OTHER_NODE;
    const to = kept.has(nodeKey(link.depth + 1, link.to)) ? link.to : OTHER_NODE;
    const key = `${link.depth}\u0000${from}\u0000${to}`;
    const existing = merged.get(key);
    if (existing) existing.count += link.count;
    else merged.set(key, { depth: link.depth, from, to, count: link.count });
  }
  return [...merged.values()];
}

/**
 * Lays out the links of `journeys.paths` as a Sankey diagram: one column per position,
 * one bar per touchpoint with a height proportional to its persons (one scale for all
 * columns, so heights compare across them), and bands between bars as wide as the
 * persons they carry. Nodes stack largest first; "Other", then "Left", go last in their column.
 */
export function layoutSankey(
  links: readonly PathLink[],
  options: SankeyOptions,
): { nodes: SankeyNode[]; links: SankeyLink[] } {
  const { width, height, nodeWidth = 12, nodeGap = 10, maxNodesPerColumn = 6 } = options;
  const merged = mergeSmallNodes(
    links.filter((link) => link.count > 0),
    maxNodesPerColumn,
  );
  if (merged.length === 0) return { nodes: [], links: [] };

  const incoming = new Map<string, PathLink[]>();
  const outgoing = new Map<string, PathLink[]>();
  const names = new Map<string, { depth: number; name: string }>();
  for (const link of merged) {
    const from = nodeKey(link.depth, link.from);
    const to = nodeKey(link.depth + 1, link.to);
    outgoing.set(from, [...(outgoing.get(from) ?? []), link]);
    incoming.set(to, [...(incoming.get(to) ?? []), link]);
    names.set(from, { depth: link.depth, name: link.from });
    names.set(to, { depth: link.depth + 1, name: link.to });
  }

  const columnCount = Math.max(...merged.map((link) => link.depth)) + 2;
  const columns: SankeyNode[][] = Array.from({ length: columnCount }, () => []);
  for (const [key, { depth, name }] of names) {
    const value = Math.max(
      sumBy(incoming.get(key) ?? [], (l) => l.count),
      sumBy(outgoing.get(key) ?? [], (l) => l.count),
    );
    const isOther = name === OTHER_NODE;
    const isLeft = name === LEFT_NODE;
    columns[depth]!.push({ key, name, depth, value, isOther, isLeft, x: 0, y: 0, height: 0 });
  }

  // One scale for every column: the fullest column fills the height.
  const scale = Math.min(
    ...columns.map(
      (nodes) =>
        (height - nodeGap * (nodes.length - 1)) /
        Math.max(
          sumBy(nodes, (n) => n.value),
          1,
        ),
    ),
  );
  const step = columnCount > 1 ? (width - nodeWidth) / (columnCount - 1) : 0;
  for (const nodes of columns) {
    nodes.sort(
      (a, b) =>
        Number(a.isLeft) - Number(b.isLeft) ||
        Number(a.isOther) - Number(b.isOther) ||
        b.value - a.value ||
        a.name.localeCompare(b.name),
    );
    let y = 0;
    for (const node of nodes) {
      node.x = node.depth * step;
      node.y = y;
      node.height = node.value * scale;
      y += node.height + nodeGap;
    }
  }

  const nodes = columns.flat();
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const bands = merged.map((link) => ({
    count: link.count,
    source: byKey.get(nodeKey(link.depth, link.from))!,
    target: byKey.get(nodeKey(link.depth + 1, link.to))!,
    width: link.count * scale,
    sy: 0,
    ty: 0,
  }));
  // Bands leave a node in the order of their targets and enter in the order of their
  // sources, so they do not cross at the nodes.
  const used = new Map<string, number>();
  const stack = (node: SankeyNode, band: (typeof bands)[number]) => {
    const offset = used.get(node.key) ?? 0;
    used.set(node.key, offset + band.width);
    return node.y + offset + band.width / 2;
  };
  bands.sort((a, b) => a.target.y - b.target.y || a.source.y - b.source.y);
  for (const band of bands) band.sy = stack(band.source, band);
  used.clear();
  bands.sort((a, b) => a.source.y - b.source.y || a.target.y - b.target.y);
  for (const band of bands) band.ty = stack(band.target, band);

  return {
    nodes,
    links: bands.map(({ count, source, target, width: bandWidth, sy, ty }) => {
      const x0 = source.x + nodeWidth;
      const x1 = target.x;
      const xm = (x0 + x1) / 2;
      const path = `M${round(x0)},${round(sy)}C${round(xm)},${round(sy)} ${round(xm)},${round(ty)} ${round(x1)},${round(ty)}`;
      return { from: source.key, to: target.key, count, width: bandWidth, path };
    }),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
