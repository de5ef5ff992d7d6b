import type { SegmentDefinition } from '../api/types.js';
import { parsePropertyValue } from '../person/parsePersonsFilter.js';

/** What a person did or is, as the builder's row edits it (text as typed). */
export interface ConditionDraft {
  kind: 'did' | 'didNot' | 'trait';
  /** The touchpoint's name, or the trait's. */
  name: string;
  channel?: string | undefined;
  /** "at least n times" (did only), as typed. */
  minCount: string;
  /** A property the touchpoint carries (did, did not): its name and value as typed. */
  property: string;
  /** The property's or the trait's value, as typed (`true`, `42`, `"42"`, text). */
  value: string;
  /** First and last day of the touchpoints counted (`YYYY-MM-DD`, UTC), or empty. */
  fromDay: string;
  toDay: string;
}

/** A segment as the builder edits it: its conditions, all or any of them. */
export interface SegmentDraft {
  name: string;
  description: string;
  combinator: 'and' | 'or';
  conditions: ConditionDraft[];
  persona: boolean;
}

export const createConditionDraft = (kind: ConditionDraft['kind'] = 'did'): ConditionDraft => ({
  kind,
  name: '',
  minCount: '1',
  property: '',
  value: '',
  fromDay: '',
  toDay: '',
});

export const createSegmentDraft = (): SegmentDraft => ({
  name: '',
  description: '',
  combinator: 'and',
  conditions: [createConditionDraft()],
  persona: false,
});

const startOfDay = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const endOfDay = (day: string) => Date.parse(`${day}T23:59:59.999Z`);

/** One row as the API's definition; undefined while its name is empty. */
function toCondition(draft: ConditionDraft): SegmentDefinition | undefined {
  const name = draft.name.trim();
  if (name === '') return undefined;
  if (draft.kind === 'trait') return { kind: 'trait', name, value: parsePropertyValue(draft.value.trim()) };
  const property = draft.property.trim();
  const minCount = Number(draft.minCount);
  return {
    kind: draft.kind,
    name,
    ...(draft.channel && { channel: draft.channel }),
    ...(draft.kind === 'did' && Number.isInteger(minCount) && minCount > 1 && { minCount }),
    ...(draft.fromDay && { from: startOfDay(draft.fromDay) }),
    ...(draft.toDay && { to: endOfDay(draft.toDay) }),
    ...(property !== '' && { where: { name: property, value: parsePropertyValue(draft.value.trim()) } }),
  };
}

/**
 * The definition a draft stands for: its named rows, all (`and`) or any (`or`) of
 * them; one row alone is that condition. Undefined when no row is named yet. The API
 * validates the rest (its errors name the field).
 */
export function toSegmentDefinition(draft: SegmentDraft): SegmentDefinition | undefined {
  const conditions = draft.conditions.map(toCondition).filter((c): c is SegmentDefinition => c !== undefined);
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { kind: draft.combinator, conditions };
}
