import { segmentDefinitionSchema, type SegmentDefinition } from '@parcours/schema';
import { z } from 'zod';

/** A saved segment's id, as `segments.create` answers it. */
export const segmentIdSchema = z.string().min(1).max(64);

/** A saved segment by id. */
export const segmentRefSchema = z.object({ id: segmentIdSchema }).strict();

/** What a journey question's `segment` is: a saved segment by id, or a definition inline. */
export type SegmentInput = { id: string } | SegmentDefinition;

/**
 * `segment: { id }` or an inline definition. An object with an `id` is read as a
 * reference, anything else as a definition, so that a bad definition's error names
 * its own field (`segment.conditions[1].minCount`) instead of zod's "no union member matched".
 */
export const segmentInput = z.unknown().transform((value, ctx): SegmentInput => {
  const isReference = typeof value === 'object' && value !== null && 'id' in value;
  const parsed = (isReference ? segmentRefSchema : segmentDefinitionSchema).safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
  return z.NEVER;
}) as unknown as z.ZodType<SegmentInput, SegmentInput>;
