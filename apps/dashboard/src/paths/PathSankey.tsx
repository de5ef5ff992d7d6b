import { useRef } from 'preact/hooks';
import type { Paths } from '../api/types.js';
import { ChartDownloads } from '../charts/ChartDownloads.js';
import { formatCount } from '../format/formatPercent.js';
import { layoutSankey } from './layoutSankey.js';

const WIDTH = 1000;
const HEIGHT = 420;
/** Room above the columns for their step numbers. */
const HEAD = 24;
const NODE_WIDTH = 12;
/** Room to the right of the last column for its labels. */
const LABEL_ROOM = 180;
/** Nodes thinner than this get no label, only a tooltip: labels would overlap. */
const MIN_LABELLED_HEIGHT = 14;

/**
 * Where persons go from each position: one column per step, touchpoints as bars sized
 * by persons, bands between them as wide as the persons who went that way. Hover a
 * band or a bar for its numbers.
 */
export function PathSankey({ links }: { links: Paths['links'] }) {
  const figure = useRef<HTMLElement>(null);
  const layout = layoutSankey(links, {
    width: WIDTH - LABEL_ROOM,
    height: HEIGHT - HEAD,
    nodeWidth: NODE_WIDTH,
  });
  if (layout.nodes.length === 0)
    return <p class="notice">These paths are one touchpoint long: nothing flows between steps.</p>;
  const names = new Map(layout.nodes.map((node) => [node.key, node.name]));
  return (
    <figure class="card chart sankey" ref={figure}>
      <figcaption>
        <h2>Flow between steps</h2>
        <ChartDownloads chart={figure} name="paths-flow" what="flow between steps" />
        <p class="help">Each column is a position in the path; bars and bands are sized by persons.</p>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="Persons flowing between touchpoints, step by step"
      >
        {[...new Set(layout.nodes.map((node) => node.depth))].map((depth) => {
          const x = layout.nodes.find((node) => node.depth === depth)!.x;
          return (
            <text key={depth} class="sankey-step" x={x} y={14}>
              Step {depth + 1}
            </text>
          );
        })}
        <g transform={`translate(0 ${HEAD})`}>
          <g class="sankey-links">
            {layout.links.map((link) => (
              <path key={`${link.from}>${link.to}`} d={link.path} stroke-width={Math.max(link.width, 1)}>
                <title>
                  {names.get(link.from)} → {names.get(link.to)}: {formatCount(link.count)} persons
                </title>
              </path>
            ))}
          </g>
          {layout.nodes.map((node) => (
            <g key={node.key} class={node.isOther ? 'sankey-node sankey-other' : 'sankey-node'}>
              <title>
                Step {node.depth + 1}: {node.name}, {formatCount(node.value)} persons
              </title>
              <rect x={node.x} y={node.y} width={NODE_WIDTH} height={Math.max(node.height, 1)} />
              {node.height >= MIN_LABELLED_HEIGHT && (
                <text x={node.x + NODE_WIDTH + 5} y={node.y + node.height / 2} dy="0.32em">
                  {node.name} <tspan class="sankey-count">{formatCount(node.value)}</tspan>
                </text>
              )}
            </g>
          ))}
        </g>
      </svg>
    </figure>
  );
}
