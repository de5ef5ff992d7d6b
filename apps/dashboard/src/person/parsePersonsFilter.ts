import { addDays, getZoneDayStart } from '../time/zoneDays.js';
import type { PersonsInput, PropertyValue } from '../api/types.js';

/** The orders a persons list offers, with the words the form uses. */
export const PERSON_SORT_LABELS = {
  lastSeen: 'Last seen',
  firstSeen: 'First seen',
  touchpoints: 'Touchpoints',
  personId: 'Person id',
} as const;
export type PersonSort = keyof typeof PERSON_SORT_LABELS;

/** A persons list as its URL says it (`?q=…&channel=…`): text fields, dates as `YYYY-MM-DD`. */
export interface PersonsFilter {
  q?: string;
  property?: string;
  value?: string;
  channel?: string;
  stage?: string;
  firstFrom?: string;
  firstTo?: string;
  lastFrom?: string;
  lastTo?: string;
  sort: PersonSort;
  order: 'asc' | 'desc';
}

const TEXT_KEYS = ['q', 'property', 'value', 'channel', 'stage'] as const;
const DAY_KEYS = ['firstFrom', 'firstTo', 'lastFrom', 'lastTo'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter a page's parameters hold; unknown or malformed values are dropped. */
export function parsePersonsFilter(params: Record<string, string>): PersonsFilter {
  const filter: PersonsFilter = {
    sort:
      params['sort'] !== undefined && params['sort'] in PERSON_SORT_LABELS
        ? (params['sort'] as PersonSort)
        : 'lastSeen',
    order: params['order'] === 'asc' ? 'asc' : 'desc',
  };
  for (const key of TEXT_KEYS) {
    const value = params[key]?.trim();
    if (value) filter[key] = value;
  }
  for (const key of DAY_KEYS) {
    const value = params[key];
    if (value !== undefined && DAY.test(value) && !Number.isNaN(Date.parse(value))) filter[key] = value;
  }
  return filter;
}

/** The URL parameters of a filter (defaults left out), for `createProjectHash`. */
export function toPersonsParams(filter: PersonsFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) if (value) params[key] = value as string;
  if (filter.sort === 'lastSeen') delete params['sort'];
  if (filter.order === 'desc') delete params['order'];
  return params;
}

/**
 * A typed property value: `true`/`false` and numbers as such (properties keep their
 * JSON type, and `1` is not `"1"`), text in double quotes as text, anything else as text.
 */
export function parsePropertyValue(text: string): PropertyValue {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  return text;
}

/** Whole days `from` to `to` (either may be open) of `timeZone` as inclusive bounds. */
function bounds(days: { from: string | undefined; to: string | undefined }, timeZone: string) {
  const { from, to } = days;
  if (from === undefined && to === undefined) return undefined;
  return {
    ...(from && { from: getZoneDayStart(from, timeZone) }),
    ...(to && { to: getZoneDayStart(addDays(to, 1), timeZone) - 1 }),
  };
}

/** What `journeys.persons` takes for a filter: whole days of `timeZone` (the project's; default UTC). */
export function toPersonsInput(projectId: string, filter: PersonsFilter, timeZone = 'UTC'): PersonsInput {
  const firstSeen = bounds({ from: filter.firstFrom, to: filter.firstTo }, timeZone);
  const lastSeen = bounds({ from: filter.lastFrom, to: filter.lastTo }, timeZone);
  return {
    projectId,
    sort: filter.sort,
    order: filter.order,
    ...(filter.q && { search: filter.q }),
    ...(filter.property &&
      filter.value !== undefined && {
        property: { name: filter.property, value: parsePropertyValue(filter.value) },
      }),
    ...(filter.channel && { channel: filter.channel }),
    ...(filter.stage && { stage: filter.stage }),
    ...(firstSeen && { firstSeen }),
    ...(lastSeen && { lastSeen }),
  };
}
