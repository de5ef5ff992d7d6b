import { z } from 'zod';
import { LIMITS } from './limits.js';
import { propertyNameSchema, propertyValueSchema, textSchema } from './validators.js';

/** Bounds of a segment definition: its conditions in all, and how deep and/or groups nest. */
export const SEGMENT_LIMITS = {
  maxConditions: 20,
  maxDepth: 3,
  maxNameLength: 100,
  maxDescriptionLength: 1_000,
  /** `did … at least n times`: n at most. */
  maxCount: 10_000,
} as const;

/** A property a touchpoint must carry, or a person's latest trait: name and JSON scalar. */
export interface SegmentPropertyValue {
  name: string;
  value: string | number | boolean | null;
}

/**
 * "Did a touchpoint": at least `minCount` (default 1) of the person's touchpoints named
 * `name`, in `channel` when given, within `from`–`to` (epoch ms, inclusive) when given,
 * carrying `where` when given.
 */
export interface DidCondition {
  kind: 'did';
  name: string;
  channel?: string | undefined;
  minCount?: number | undefined;
  from?: number | undefined;
  to?: number | undefined;
  where?: SegmentPropertyValue | undefined;
}

/** "Did not do a touchpoint": none of the person's touchpoints matches (same filters as `did`). */
export interface DidNotCondition extends Omit<DidCondition, 'kind' | 'minCount'> {
  kind: 'didNot';
}

/** A person property: the person's latest identify trait `name` equals `value`. */
export interface TraitCondition extends SegmentPropertyValue {
  kind: 'trait';
}

/** All (`and`) or any (`or`) of its conditions hold. */
export interface SegmentGroup {
  kind: 'and' | 'or';
  conditions: SegmentDefinition[];
}

/** Who a segment holds: a condition, or an and/or tree of them. */
export type SegmentDefinition = DidCondition | DidNotCondition | TraitCondition | SegmentGroup;

const epochMs = z.number().int().min(0).max(LIMITS.maxTimestamp);
const touchpointFields = {
  name: textSchema(1, LIMITS.maxNameLength),
  channel: textSchema(1, LIMITS.maxChannelLength).optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  where: z.object({ name: propertyNameSchema, value: propertyValueSchema }).optional(),
};
const rangeInOrder = (v: { from?: number | undefined; to?: number | undefined }) =>
  v.from === undefined || v.to === undefined || v.from <= v.to;
const rangeMessage = { message: 'from must not be after to', path: ['from'] };

const didSchema = z
  .object({
    kind: z.literal('did'),
    ...touchpointFields,
    minCount: z.number().int().min(1).max(SEGMENT_LIMITS.maxCount).optional(),
  })
  .refine(rangeInOrder, rangeMessage);
const didNotSchema = z
  .object({ kind: z.literal('didNot'), ...touchpointFields })
  .refine(rangeInOrder, rangeMessage);
const traitSchema = z.object({
  kind: z.literal('trait'),
  name: propertyNameSchema,
  value: propertyValueSchema,
});

const nodeSchema: z.ZodType<SegmentDefinition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    didSchema,
    didNotSchema,
    traitSchema,
    z.object({
      kind: z.enum(['and', 'or']),
      conditions: z.array(nodeSchema).min(1).max(SEGMENT_LIMITS.maxConditions),
    }),
  ]),
);

/** Conditions (leaves) in a definition, and the depth of its deepest and/or group. */
export function measureSegment(definition: SegmentDefinition): { conditions: number; depth: number } {
  if (definition.kind !== 'and' && definition.kind !== 'or') return { conditions: 1, depth: 0 };
  let conditions = 0;
  let depth = 0;
  for (const child of definition.conditions) {
    const measured = measureSegment(child);
    conditions += measured.conditions;
    depth = Math.max(depth, measured.depth);
  }
  return { conditions, depth: depth + 1 };
}

/**
 * A segment definition as the API takes it: conditions on what persons did and on
 * their properties, in and/or groups at most `SEGMENT_LIMITS.maxDepth` deep, with at
 * most `SEGMENT_LIMITS.maxConditions` conditions in all. Errors name the field.
 */
export const segmentDefinitionSchema: z.ZodType<SegmentDefinition> = nodeSchema.superRefine(
  (definition, ctx) => {
    const { conditions, depth } = measureSegment(definition);
    if (conditions > SEGMENT_LIMITS.maxConditions) {
      ctx.addIssue({
        code: 'custom',
        message: `a segment has at most ${SEGMENT_LIMITS.maxConditions} conditions (this one has ${conditions})`,
      });
    }
    if (depth > SEGMENT_LIMITS.maxDepth) {
      ctx.addIssue({
        code: 'custom',
        message: `and/or groups nest at most ${SEGMENT_LIMITS.maxDepth} deep (this one is ${depth})`,
      });
    }
  },
);

/** A saved segment's editable fields. */
export const segmentFieldsSchema = z.object({
  name: textSchema(1, SEGMENT_LIMITS.maxNameLength).refine((name) => name.trim().length > 0, 'name is blank'),
  description: textSchema(0, SEGMENT_LIMITS.maxDescriptionLength).default(''),
  definition: segmentDefinitionSchema,
  /** A persona (issue 11, item 6): a named segment with a description, shown as a persona. Default false. */
  persona: z.boolean().default(false),
});
