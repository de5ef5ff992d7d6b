import { z } from 'zod';
import { INPUT_MESSAGES, isReservedPropertyName, isWellFormed } from './inputRules.js';
import { LIMITS } from './limits.js';
import {
  CONSENT_ACTIONS,
  CONSENT_CATEGORIES,
  EVENT_TYPES,
  type CollectInput,
  type ConsentInput,
  type ConsentRecord,
  type Event,
} from './types.js';

/** A string of `min` to `max` UTF-16 units that is well-formed Unicode (no lone surrogate). */
export function textSchema(min: number, max: number) {
  return z.string().min(min).max(max).refine(isWellFormed, INPUT_MESSAGES.wellFormed);
}

/**
 * Wraps an object schema so that a reserved name (`__proto__`, `constructor`,
 * `prototype`) among the input's own keys is a validation error at that key. It must
 * look at the raw input: zod's record skips an own `__proto__` key without a word.
 */
export function refuseReservedNames<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>, z.input<T>> {
  // Typed as `schema` itself, so callers (the dashboard's tRPC client) keep its input type.
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (typeof value !== 'object' || value === null) return;
      for (const key of Object.keys(value)) {
        if (isReservedPropertyName(key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: INPUT_MESSAGES.reservedName, input: value });
        }
      }
    })
    .pipe(schema) as unknown as z.ZodType<z.output<T>, z.input<T>>;
}

/** A property name: 1 to 128 units, well-formed; reserved names are refused by the record. */
export const propertyNameSchema = textSchema(1, LIMITS.maxPropertyKeyLength).refine(
  (name) => !isReservedPropertyName(name),
  INPUT_MESSAGES.reservedName,
);

/** A flat JSON scalar. Anything else (an object, an array) says what values may be. */
export const propertyValueSchema = z.union(
  [textSchema(0, LIMITS.maxPropertyStringLength), z.number().finite(), z.boolean(), z.null()],
  { error: INPUT_MESSAGES.propertyValue },
);

/** Flat JSON: string keys to scalar values, bounded in count and length. */
export const propertiesSchema = refuseReservedNames(
  z
    .record(propertyNameSchema, propertyValueSchema)
    .refine((value) => Object.keys(value).length <= LIMITS.maxPropertyKeys, {
      message: `at most ${LIMITS.maxPropertyKeys} keys`,
    }),
);

/** One touchpoint. Unknown keys are stripped, so newer SDKs stay compatible. */
export const eventSchema = z.object({
  id: textSchema(1, LIMITS.maxIdLength),
  type: z.enum(EVENT_TYPES),
  name: textSchema(1, LIMITS.maxNameLength),
  anonymousId: textSchema(1, LIMITS.maxAnonymousIdLength),
  userId: textSchema(1, LIMITS.maxUserIdLength).optional(),
  userHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'HMAC-SHA256(identitySecret, userId) as 64 lower-case hex characters')
    .optional(),
  timestamp: z.number().int().min(LIMITS.minTimestamp).max(LIMITS.maxTimestamp),
  channel: z
    .string()
    .max(LIMITS.maxChannelLength)
    .regex(/^[a-z][a-z0-9_-]*$/, 'a lower-case token such as "email" or "call_centre"')
    .optional(),
  category: z.enum(CONSENT_CATEGORIES).optional(),
  properties: propertiesSchema.optional(),
  context: propertiesSchema.optional(),
}) satisfies z.ZodType<Event>;

/**
 * The body of `POST /trpc/collect`. The event count is checked separately by
 * {@link isOversizedBatch} because an oversized batch is a 413, not a 400.
 */
export const collectInputSchema = z.object({
  writeKey: textSchema(1, LIMITS.maxWriteKeyLength),
  batch: z.array(eventSchema).min(1),
  dropped: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  consent: z.array(z.enum(CONSENT_CATEGORIES)).max(CONSENT_CATEGORIES.length).optional(),
  policyVersion: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
}) satisfies z.ZodType<CollectInput>;

/** True when a raw body carries more events than one batch may. */
export function isOversizedBatch(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || !('batch' in raw)) return false;
  const { batch } = raw;
  return Array.isArray(batch) && batch.length > LIMITS.maxBatchEvents;
}

const categories = z.array(z.enum(CONSENT_CATEGORIES)).max(CONSENT_CATEGORIES.length);

/**
 * Proof of one consent decision. A refusal (nothing granted, not a withdrawal) must
 * not identify the person, and no category may be both granted and denied: such a
 * record proves nothing.
 */
export const consentRecordSchema = z
  .object({
    id: textSchema(1, LIMITS.maxIdLength),
    timestamp: z.number().int().min(LIMITS.minTimestamp).max(LIMITS.maxTimestamp),
    granted: categories,
    denied: categories,
    policyVersion: textSchema(1, 64),
    source: textSchema(1, 32),
    anonymousId: textSchema(1, LIMITS.maxAnonymousIdLength).optional(),
    userId: textSchema(1, LIMITS.maxUserIdLength).optional(),
    action: z.enum(CONSENT_ACTIONS).optional(),
    locale: z
      .string()
      .max(35)
      .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 language tag such as "fr-FR"')
      .optional(),
    path: textSchema(0, 2048).optional(),
    gpc: z.boolean().optional(),
    configHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex (64 characters)')
      .optional(),
  })
  .refine(
    (r) =>
      r.granted.length > 0 ||
      r.action === 'withdraw' ||
      (r.anonymousId === undefined && r.userId === undefined),
    {
      message: 'a refusal carries no identifier of the person',
      path: ['anonymousId'],
    },
  )
  .superRefine((r, ctx) => {
    const both = r.granted.filter((category) => r.denied.includes(category));
    if (both.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['denied'],
        message: `${both.join(', ')} cannot be both granted and denied in one decision`,
        input: r.denied,
      });
    }
  }) satisfies z.ZodType<ConsentRecord>;

/** The body of `POST /trpc/consent`. */
export const consentInputSchema = z.object({
  writeKey: textSchema(1, LIMITS.maxWriteKeyLength),
  records: z.array(consentRecordSchema).min(1).max(100),
}) satisfies z.ZodType<ConsentInput>;
