/** Path lengths the API accepts. */
export const MAX_PATH_DEPTH = 20;
/** How many top paths the page can list. */
export const PATH_LIMITS = [10, 20, 50, 100] as const;

/** What the paths page shows, as its URL carries it. */
export interface PathsQuery {
  /** Paths begin at each person's first touchpoint of this name; at their first touchpoint when absent. */
  start?: string;
  /** Only paths reaching this name, ending at it. */
  end?: string;
  /** Touchpoints per path at most, 1 to {@link MAX_PATH_DEPTH}. Default 5. */
  depth: number;
  /** Top paths listed, one of {@link PATH_LIMITS}. Default 20. */
  limit: number;
  /** Only touchpoints from the start of this UTC day (epoch ms)… */
  from?: number;
  /** …to the end of this one (epoch ms, inclusive). */
  to?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` as the epoch ms of its first (or last) millisecond, UTC; undefined for anything else. */
export function parseDayBound(day: string | undefined, bound: 'start' | 'end'): number | undefined {
  if (day === undefined || !DAY.test(day)) return undefined;
  const time = Date.parse(`${day}T${bound === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`);
  return Number.isNaN(time) ? undefined : time;
}

/** The UTC day (`YYYY-MM-DD`) of an epoch ms time. */
export function toDayString(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** `from`/`to` URL days (under `names`) as an inclusive range; a reversed range is dropped whole. */
export function parseDayRange(
  params: Record<string, string>,
  names: { from: string; to: string } = { from: 'from', to: 'to' },
): { from?: number; to?: number } {
  const from = parseDayBound(params[names.from], 'start');
  const to = parseDayBound(params[names.to], 'end');
  if (from !== undefined && to !== undefined && from > to) return {};
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

/** The URL days of a range: the inverse of {@link parseDayRange}. */
export function createDayParams(
  range: { from?: number | undefined; to?: number | undefined },
  names: { from: string; to: string } = { from: 'from', to: 'to' },
): Record<string, string> {
  return {
    ...(range.from !== undefined && { [names.from]: toDayString(range.from) }),
    ...(range.to !== undefined && { [names.to]: toDayString(range.to) }),
  };
}

/** `?start=&end=&depth=&limit=` as a paths query; out-of-range numbers give their default. */
export function parsePathsQuery(params: Record<string, string>): PathsQuery {
  const depth = Number(params['depth']);
  const limit = Number(params['limit']);
  const start = params['start']?.trim();
  const end = params['end']?.trim();
  return {
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    depth: Number.isInteger(depth) && depth >= 1 && depth <= MAX_PATH_DEPTH ? depth : 5,
    limit: (PATH_LIMITS as readonly number[]).includes(limit) ? limit : 20,
    ...parseDayRange(params),
  };
}

/** The URL parameters of a paths query: the inverse of {@link parsePathsQuery}. */
export function createPathsParams(query: PathsQuery): Record<string, string> {
  return {
    ...(query.start ? { start: query.start } : {}),
    ...(query.end ? { end: query.end } : {}),
    depth: String(query.depth),
    limit: String(query.limit),
    ...createDayParams(query),
  };
}

/**
 * Persons who have a path: those who went on from the first position (the links at
 * depth 0) plus those whose path is one touchpoint long. The base of each path's share.
 */
export function countPersonsOnPaths(result: {
  paths: readonly { steps: readonly string[]; count: number }[];
  links: readonly { depth: number; count: number }[];
}): number {
  const goingOn = result.links
    .filter((link) => link.depth === 0)
    .reduce((total, link) => total + link.count, 0);
  const stopping = result.paths
    .filter((path) => path.steps.length === 1)
    .reduce((total, path) => total + path.count, 0);
  return goingOn + stopping;
}
