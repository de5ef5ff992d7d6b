import {
  createDayParams,
  createPathsParams,
  parseDayRange,
  parsePathsQuery,
  type PathsQuery,
} from './parsePathsQuery.js';

/** The URL names of the compared range. */
const COMPARED = { from: 'vsFrom', to: 'vsTo' } as const;

/**
 * One flow the page draws: a label and the question it answers. The page shows one, or
 * two side by side. Today the second one is the same question over another date range;
 * a segment (issue 11, item 2, branch h/segments) is one more field of `query` and one
 * more way to fill `getPathsSides`, nothing else on the page changes.
 */
export interface PathsSide {
  label: string;
  query: PathsQuery;
}

/** The flows of the page's URL: the main question, and the compared range when `vsFrom` or `vsTo` is set. */
export function getPathsSides(params: Record<string, string>): PathsSide[] {
  const main = parsePathsQuery(params);
  const compared = parseDayRange(params, COMPARED);
  if (compared.from === undefined && compared.to === undefined)
    return [{ label: describeRange(main), query: main }];
  const { from: _from, to: _to, ...rest } = main;
  const other = { ...rest, ...compared };
  return [
    { label: describeRange(main), query: main },
    { label: describeRange(other), query: other },
  ];
}

/** "2026-06-01 to 2026-06-30", "from 2026-06-01", "All time". */
export function describeRange({ from, to }: { from?: number | undefined; to?: number | undefined }): string {
  const days = createDayParams({ from, to });
  if (days['from'] && days['to']) return `${days['from']} to ${days['to']}`;
  if (days['from']) return `From ${days['from']}`;
  if (days['to']) return `Up to ${days['to']}`;
  return 'All time';
}

/** The URL parameters of the page: main question and compared range (`compared` undefined: none). */
export function createPathsViewParams(
  query: PathsQuery,
  compared?: { from?: number | undefined; to?: number | undefined },
): Record<string, string> {
  return { ...createPathsParams(query), ...(compared && createDayParams(compared, COMPARED)) };
}

/**
 * A node (`name` at position `at`), a band (`next` after it) or an exit (`next: null`,
 * into "Left") picked on flow `side`: the page lists its persons.
 */
export interface PathSelection {
  side: number;
  at: number;
  name: string;
  next?: string | null;
}

/** `?side=&at=&node=&next=` (or `&left=1`) as a selection; undefined when absent or malformed. */
export function parsePathSelection(params: Record<string, string>, sides: number): PathSelection | undefined {
  const side = Number(params['side'] ?? '0');
  const at = Number(params['at']);
  const name = params['node'];
  if (!Number.isInteger(side) || side < 0 || side >= sides) return undefined;
  if (!Number.isInteger(at) || at < 0 || !name) return undefined;
  const next = params['left'] === '1' ? null : params['next'] || undefined;
  return { side, at, name, ...(next !== undefined && { next }) };
}

/** The URL parameters of a selection: the inverse of {@link parsePathSelection}. */
export function createSelectionParams(selection: PathSelection): Record<string, string> {
  const { side, at, name, next } = selection;
  return {
    side: String(side),
    at: String(at),
    node: name,
    ...(next === null ? { left: '1' } : next !== undefined ? { next } : {}),
  };
}
