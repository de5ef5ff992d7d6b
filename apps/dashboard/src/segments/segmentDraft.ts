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

/** A group of conditions inside the segment's: all or any of its own rows. */
export interface GroupDraft {
  kind: 'group';
  combinator: 'and' | 'or';
  conditions: ConditionDraft[];
}

/** A segment as the builder edits it: its conditions and groups, all or any of them. */
export interface SegmentDraft {
  name: string;
  description: string;
  combinator: 'and' | 'or';
  conditions: Array<ConditionDraft | GroupDraft>;
  persona: boolean;
}

/** Conditions a segment takes at most, groups' rows included (the API's limit). */
export const MAX_CONDITIONS = 20;

export const createConditionDraft = (kind: ConditionDraft['kind'] = 'did'): ConditionDraft => ({
  kind,
  name: '',
  minCount: '1',
  property: '',
  value: '',
  fromDay: '',
  toDay: '',
});

/** A new group: any of its rows (a segment's own rows are usually all of them). */
export const createGroupDraft = (): GroupDraft => ({
  kind: 'group',
  combinator: 'or',
  conditions: [createConditionDraft(), createConditionDraft()],
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

/** Named rows, all (`and`) or any (`or`) of them; one alone is itself; none, undefined. */
function combine(
  combinator: 'and' | 'or',
  items: ReadonlyArray<SegmentDefinition | undefined>,
): SegmentDefinition | undefined {
  const conditions = items.filter((c): c is SegmentDefinition => c !== undefined);
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { kind: combinator, conditions };
}

/**
 * The definition a draft stands for: its named rows and groups, all (`and`) or any
 * (`or`) of them; one row alone is that condition, a group of one row that row.
 * Undefined when no row is named yet. The API validates the rest (its errors name
 * the field).
 */
export function toSegmentDefinition(draft: SegmentDraft): SegmentDefinition | undefined {
  return combine(
    draft.combinator,
    draft.conditions.map((item) =>
      item.kind === 'group' ? combine(item.combinator, item.conditions.map(toCondition)) : toCondition(item),
    ),
  );
}

/** The rows of a draft, groups' included: what counts against `MAX_CONDITIONS`. */
export function countConditions(draft: SegmentDraft): number {
  return draft.conditions.reduce((n, item) => n + (item.kind === 'group' ? item.conditions.length : 1), 0);
}

/** A row of the draft: `[i]` a row of the segment's own, `[i, j]` row j of the group at i. */
export type RowPath = [number] | [number, number];

/** A change the builder makes to a draft (applied to the latest draft, never a stale copy). */
export type SegmentDraftEdit =
  | { type: 'set'; patch: Partial<Omit<SegmentDraft, 'conditions'>> }
  | { type: 'setRow'; path: RowPath; patch: Partial<ConditionDraft> }
  | { type: 'setGroup'; index: number; combinator: 'and' | 'or' }
  | { type: 'addRow'; group?: number }
  | { type: 'addGroup' }
  | { type: 'remove'; path: RowPath };

/** The draft after an edit; an addition past `MAX_CONDITIONS` changes nothing. */
export function editSegmentDraft(draft: SegmentDraft, edit: SegmentDraftEdit): SegmentDraft {
  const withItems = (conditions: SegmentDraft['conditions']) => ({ ...draft, conditions });
  const mapGroup = (index: number, change: (group: GroupDraft) => GroupDraft) =>
    withItems(
      draft.conditions.map((item, at) => (at === index && item.kind === 'group' ? change(item) : item)),
    );
  const room = MAX_CONDITIONS - countConditions(draft);
  switch (edit.type) {
    case 'set':
      return { ...draft, ...edit.patch };
    case 'setGroup':
      return mapGroup(edit.index, (group) => ({ ...group, combinator: edit.combinator }));
    case 'setRow': {
      const [i, j] = edit.path;
      if (j === undefined)
        return withItems(
          draft.conditions.map((item, at) =>
            at === i && item.kind !== 'group' ? { ...item, ...edit.patch } : item,
          ),
        );
      return mapGroup(i, (group) => ({
        ...group,
        conditions: group.conditions.map((row, at) => (at === j ? { ...row, ...edit.patch } : row)),
      }));
    }
    case 'addRow':
      if (room < 1) return draft;
      if (edit.group === undefined) return withItems([...draft.conditions, createConditionDraft()]);
      return mapGroup(edit.group, (group) => ({
        ...group,
        conditions: [...group.conditions, createConditionDraft()],
      }));
    case 'addGroup':
      return room < 2 ? draft : withItems([...draft.conditions, createGroupDraft()]);
    case 'remove': {
      const [i, j] = edit.path;
      const group = draft.conditions[i];
      // A group's last row takes the group with it; the segment keeps one item.
      if (j === undefined || (group?.kind === 'group' && group.conditions.length === 1)) {
        return draft.conditions.length > 1 ? withItems(draft.conditions.filter((_, at) => at !== i)) : draft;
      }
      return mapGroup(i, (g) => ({ ...g, conditions: g.conditions.filter((_, at) => at !== j) }));
    }
  }
}
