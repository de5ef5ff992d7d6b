import { z } from 'zod';
import { LIMITS } from './limits.js';
import {
  CONSENT_CATEGORIES,
  EVENT_TYPES,
  type CollectInput,
  type ConsentInput,
  type ConsentRecord,
  type Event,
} from './types.js';

const propertyValue = z.union([
  z.string().max(LIMITS.maxPropertyStringLength),
  z.number().finite(),
  z.boolean(),
  z.null(),
]);

/** Flat JSON: string keys to scalar values, bounded in count and length. */
export const propertiesSchema = z
  .record(z.string().min(1).max(LIMITS.maxPropertyKeyLength), propertyValue)
  .refine((value) => Object.keys(value).length <= LIMITS.maxPropertyKeys, {
    message: `at most ${LIMITS.maxPropertyKeys} keys`,
  });

/** One touchpoint. Unknown keys are stripped, so newer SDKs stay compatible. */
export const eventSchema = z.object({
  id: z.string().min(1).max(LIMITS.maxIdLength),
  type: z.enum(EVENT_TYPES),
  name: z.string().min(1).max(LIMITS.maxNameLength),
  anonymousId: z.string().min(1).max(LIMITS.maxAnonymousIdLength),
  userId: z.string().min(1).max(LIMITS.maxUserIdLength).optional(),
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
  writeKey: z.string().min(1).max(LIMITS.maxWriteKeyLength),
  batch: z.array(eventSchema).min(1),
  dropped: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  consent: z.array(z.enum(CONSENT_CATEGORIES)).max(CONSENT_CATEGORIES.length).optional(),
}) satisfies z.ZodType<CollectInput>;

/** True when a raw body carries more events than one batch may. */
export function isOversizedBatch(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || !('batch' in raw)) return false;
  const { batch } = raw;
  return Array.isArray(batch) && batch.length > LIMITS.maxBatchEvents;
}

const categories = z.array(z.enum(CONSENT_CATEGORIES)).max(CONSENT_CATEGORIES.length);

/** Proof of one consent decision. A refusal (nothing granted) must not identify the person. */
export const consentRecordSchema = z
  .object({
    id: z.string().min(1).max(LIMITS.maxIdLength),
    timestamp: z.number().int().min(LIMITS.minTimestamp).max(LIMITS.maxTimestamp),
    granted: categories,
    denied: categories,
    policyVersion: z.string().min(1).max(64),
    source: z.string().min(1).max(32),
    anonymousId: z.string().min(1).max(LIMITS.maxAnonymousIdLength).optional(),
    userId: z.string().min(1).max(LIMITS.maxUserIdLength).optional(),
  })
  .refine((r) => r.granted.length > 0 || (r.anonymousId === undefined && r.userId === undefined), {
    message: 'a refusal carries no identifier of the person',
    path: ['anonymousId'],
  }) satisfies z.ZodType<ConsentRecord>;

/** The body of `POST /trpc/consent`. */
export const consentInputSchema = z.object({
  writeKey: z.string().min(1).max(LIMITS.maxWriteKeyLength),
  records: z.array(consentRecordSchema).min(1).max(100),
}) satisfies z.ZodType<ConsentInput>;
