import { useRef } from 'preact/hooks';
import type { Paths } from '../api/types.js';
import { ChartDownloads } from '../charts/ChartDownloads.js';
import { ChannelBadge } from '../components/ChannelBadge.js';
import { useElementWidth } from '../components/useElementWidth.js';
import { getChannelBadge } from '../format/getChannelBadge.js';
import { formatCount } from '../format/formatPercent.js';
import { getMainChannels, getNodeChannels, type NodeChannels } from './getNodeChannels.js';
import { LEFT_NODE, layoutSankey, type SankeyNode } from './layoutSankey.js';
import type { PathSelection } from './parsePathsView.js';

const HEIGHT = 420;
/** Room above the columns for their step numbers. */
const HEAD = 24;
const NODE_WIDTH = 12;
/** Room to the right of the last column for its labels. */
const LABEL_ROOM = 130;
/** Columns closer than this would crowd their labels: the chart scrolls sideways instead of shrinking. */
const MIN_COLUMN_GAP = 150;
/** Labels longer than this are cut (the full name is in the tooltip and the link's name). */
const MAX_LABEL_CHARS = 16;
/** Nodes thinner than this get no label, only a tooltip: labels would overlap. */
const MIN_LABELLED_HEIGHT = 14;

/** The page's link for a node, band or exit; absent where nothing opens (a shared view). */
export type SelectionHref = (selection: Omit<PathSelection, 'side'>) => string;

export interface PathSankeyProps {
  paths: Pick<Paths, 'links' | 'exits' | 'channels'>;
  hrefFor?: SelectionHref | undefined;
  /** Names the chart's scroll region; default "Flow between steps". */
  label?: string;
  /** The chart's heading; default "Flow between steps". */
  title?: string;
}

const labelOf = (node: SankeyNode) => (node.isLeft ? 'Left' : node.name);
const cut = (text: string) =>
  text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
/** A node persons can be listed for: a touchpoint, not "Other" nor "Left". */
const isListable = (node: SankeyNode) => !node.isOther && !node.isLeft;

/** " (web 2, email 1)": a node's channel mix, for its tooltip. */
function describeMix(channels: NodeChannels | undefined): string {
  if (channels === undefined) return '';
  const parts = channels.mix.map(
    ({ channel, persons }) => `${getChannelBadge(channel ?? undefined).label} ${formatCount(persons)}`,
  );
  return ` (${parts.join(', ')})`;
}

/** Wraps `children` in a link when there is one to make. */
function MaybeLink({
  href,
  label,
  children,
}: {
  href?: string | undefined;
  label: string;
  children: preact.ComponentChildren;
}) {
  if (href === undefined) return <>{children}</>;
  return (
    <a href={href} aria-label={label}>
      {children}
    </a>
  );
}

/**
 * Where persons go from each position: one column per step, touchpoints as bars sized
 * by persons, bands between them as wide as the persons who went that way, and a
 * "Left" bar per column for those who did nothing else. Bars take the colour of the
 * channel most of their persons came through, bands that of the bar they leave (the
 * legend names the colours, tooltips give each bar's mix). The chart is drawn at its
 * rendered width (text stays at its CSS size) and scrolls sideways in its own
 * focusable region when the columns do not fit. With `hrefFor`, each bar and band
 * links to the list of its persons.
 */
export function PathSankey({
  paths,
  hrefFor,
  label = 'Flow between steps',
  title = 'Flow between steps',
}: PathSankeyProps) {
  const { ref, width: available } = useElementWidth<HTMLDivElement>(1000);
  const figure = useRef<HTMLElement>(null);
  const exits = paths.exits.map((exit) => ({ ...exit, to: LEFT_NODE }));
  const links = [...paths.links, ...exits];
  const columns = links.length === 0 ? 1 : Math.max(...links.map((link) => link.depth)) + 2;
  const width = Math.max(available, (columns - 1) * MIN_COLUMN_GAP + NODE_WIDTH + LABEL_ROOM);
  const layout = layoutSankey(links, {
    width: width - LABEL_ROOM,
    height: HEIGHT - HEAD,
    nodeWidth: NODE_WIDTH,
  });
  const byKey = new Map(layout.nodes.map((node) => [node.key, node]));
  const channels = getNodeChannels(paths.channels);
  /** The badge colours of a node's main channel; none for "Other" and "Left" (drawn by the CSS). */
  const coloursOf = (node: SankeyNode) => {
    const found = isListable(node) ? channels.get(node.key) : undefined;
    return found && getChannelBadge(found.main ?? undefined);
  };
  const nodeHref = (node: SankeyNode) =>
    hrefFor && isListable(node) ? hrefFor({ at: node.depth, name: node.name }) : undefined;
  const bandHref = (from: SankeyNode, to: SankeyNode) => {
    if (!hrefFor || !isListable(from) || to.isOther) return undefined;
    return hrefFor({ at: from.depth, name: from.name, next: to.isLeft ? null : to.name });
  };

  return (
    <figure class="card chart sankey" ref={figure}>
      <figcaption>
        <h2>{title}</h2>
        <ChartDownloads chart={figure} name="paths-flow" what="flow between steps" />
        <p class="help">
          Each column is a position in the path; bars and bands are sized by persons; “Left” gathers those who
          did nothing else.{hrefFor && ' Open a bar or a band for its persons.'}
        </p>
        <p class="legend sankey-legend">
          Coloured by channel:{' '}
          {getMainChannels(channels).map((channel) => (
            <ChannelBadge key={channel ?? ''} channel={channel ?? undefined} />
          ))}
        </p>
      </figcaption>
      <div class="chart-scroll" ref={ref} role="region" aria-label={label} tabIndex={0}>
        {layout.nodes.length === 0 ? (
          <p class="notice">No person took a path that matches.</p>
        ) : (
          <svg
            width={width}
            height={HEIGHT}
            viewBox={`0 0 ${width} ${HEIGHT}`}
            aria-label={label}
            role="group"
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
                {layout.links.map((link) => {
                  const from = byKey.get(link.from)!;
                  const to = byKey.get(link.to)!;
                  const text = `${labelOf(from)} → ${labelOf(to)}: ${formatCount(link.count)} persons`;
                  return (
                    <MaybeLink
                      key={`${link.from}>${link.to}`}
                      href={bandHref(from, to)}
                      label={`${text}, list them`}
                    >
                      <path
                        class={to.isLeft ? 'sankey-exit' : undefined}
                        d={link.path}
                        stroke-width={Math.max(link.width, 1)}
                        stroke={to.isLeft ? undefined : coloursOf(from)?.background}
                      >
                        <title>{text}</title>
                      </path>
                    </MaybeLink>
                  );
                })}
              </g>
              {layout.nodes.map((node) => {
                const text = `Step ${node.depth + 1}: ${labelOf(node)}, ${formatCount(node.value)} persons`;
                const kind = node.isLeft ? ' sankey-left' : node.isOther ? ' sankey-other' : '';
                const colours = coloursOf(node);
                return (
                  <g key={node.key} class={`sankey-node${kind}`}>
                    <MaybeLink href={nodeHref(node)} label={`${text}, list them`}>
                      <title>
                        {text}
                        {describeMix(channels.get(node.key))}
                      </title>
                      <rect
                        x={node.x}
                        y={node.y}
                        width={NODE_WIDTH}
                        height={Math.max(node.height, 1)}
                        fill={colours?.background}
                        stroke={colours?.foreground}
                      />
                      {node.height >= MIN_LABELLED_HEIGHT && (
                        <text x={node.x + NODE_WIDTH + 5} y={node.y + node.height / 2} dy="0.32em">
                          {cut(labelOf(node))} <tspan class="sankey-count">{formatCount(node.value)}</tspan>
                        </text>
                      )}
                    </MaybeLink>
                  </g>
                );
              })}
            </g>
          </svg>
        )}
      </div>
    </figure>
  );
}
