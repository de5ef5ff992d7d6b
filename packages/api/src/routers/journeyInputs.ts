import { LIMITS, propertyNameSchema, propertyValueSchema, refuseReservedNames } from '@parcours/schema';
import {
  ATTRIBUTION_MODELS,
  decodeDropoffCursor,
  FUNNEL_ORDERS,
  decodePersonsCursor,
  PERSON_SORTS,
  getQueryProperties,
  MAX_FUNNEL_STEPS,
  MAX_OVERVIEW_DAYS,
  MAX_PATH_DEPTH,
  MAX_QUERY_PROPERTIES,
  MAX_RETENTION_WEEKS,
  getWeekNumber,
} from '@parcours/store';
import { z } from 'zod';
import { segmentInput } from './segmentInput.js';

/** The inputs of the journey queries, shared by `journeys.*` and share links. */
const id = z.string().min(1).max(256);

/** One link of the identity graph: a device and the user it joined. */
export const identityLinkInput = z.object({ anonymousId: id, userId: id });

export const personInput = z
  .object({
    userId: id.optional(),
    anonymousId: id.optional(),
    // `user:<userId>` (see the store's personId.ts) is longer than any user id.
    personId: z
      .string()
      .min(1)
      .max(LIMITS.maxUserIdLength + 'user:'.length)
      .optional(),
    /** Most events returned, earliest first. Default 10,000. */
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((v) => [v.userId, v.anonymousId, v.personId].filter((x) => x !== undefined).length === 1, {
    message: 'Give exactly one of userId, anonymousId or personId',
  });

const touchpointName = z.string().min(1).max(LIMITS.maxNameLength);
const epochMs = z.number().int().min(0).max(LIMITS.maxTimestamp);

/** Exclusions a funnel has at most. */
export const MAX_FUNNEL_EXCLUSIONS = 20;

const channelName = z.string().min(1).max(LIMITS.maxChannelLength);

export const funnelInput = z
  .object({
    steps: z
      .array(
        z.object({
          name: touchpointName,
          channel: z.string().min(1).max(LIMITS.maxChannelLength).optional(),
          // As event properties: `__proto__` would otherwise vanish and the step filter nothing.
          where: refuseReservedNames(z.record(propertyNameSchema, propertyValueSchema)).optional(),
        }),
      )
      .min(1)
      .max(MAX_FUNNEL_STEPS),
    /** Step k counts when at most this long after step 1; up to a year. */
    windowMs: z
      .number()
      .int()
      .min(0)
      .max(366 * 24 * 3_600_000),
    from: epochMs.optional(),
    to: epochMs.optional(),
    breakdown: propertyNameSchema.optional(),
    /** Only the persons of a segment (saved, by id, or inline). */
    segment: segmentInput.optional(),
    /** `sequence` (default): steps in order, strictly later each; `any`: every step in the window, any order. */
    order: z.enum(FUNNEL_ORDERS).optional(),
    /** A chain reaches step afterStep + 1 only if none of these happens between its step afterStep and that step. */
    exclusions: z
      .array(
        z.object({
          name: touchpointName,
          channel: channelName.optional(),
          afterStep: z
            .number()
            .int()
            .min(1)
            .max(MAX_FUNNEL_STEPS - 1),
        }),
      )
      .max(MAX_FUNNEL_EXCLUSIONS)
      .optional(),
  })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'from must not be after to',
    path: ['from'],
  })
  .superRefine((v, ctx) => {
    const exclusions = v.exclusions ?? [];
    if (exclusions.length > 0 && v.order === 'any') {
      ctx.addIssue({
        code: 'custom',
        path: ['exclusions'],
        message: 'exclusions need order "sequence": in any order no step comes between two others',
      });
    }
    exclusions.forEach(({ afterStep }, i) => {
      if (afterStep >= v.steps.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['exclusions', i, 'afterStep'],
          message: `afterStep must be 1 to ${v.steps.length - 1}: the funnel has ${v.steps.length} steps`,
        });
      }
    });
  })
  // Each property is a column over every touchpoint: one query's cost stays bounded.
  .refine((v) => getQueryProperties(v).length <= MAX_QUERY_PROPERTIES, {
    message: `a funnel filters and breaks down on at most ${MAX_QUERY_PROPERTIES} distinct properties`,
    path: ['steps'],
  });

/** The cursor of a list of persons by person id (drop-offs, the persons on a path), optional. */
const personPageCursor = (list: string) =>
  z
    .string()
    .min(1)
    .max(1_024)
    .refine((cursor) => decodeDropoffCursor(cursor) !== undefined, {
      message: `not a ${list} cursor: pass back a nextCursor this API answered, or none`,
    })
    .optional();

export const dropoffInput = z.object({
  step: z.number().int().min(2).max(MAX_FUNNEL_STEPS),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: personPageCursor('drop-off'),
});

/** What `journeys.funnelDrivers` adds to a funnel: the step, candidate properties, a floor. */
export const driversInput = z.object({
  /** What helps persons who reached this step (1-based) reach the next one. */
  step: z
    .number()
    .int()
    .min(1)
    .max(MAX_FUNNEL_STEPS - 1),
  /** Touchpoint properties whose values are candidate drivers, besides names and channels. */
  properties: z.array(propertyNameSchema).max(MAX_QUERY_PROPERTIES).optional(),
  /** Leave out drivers held by fewer persons. Default 1. */
  minPersons: z.number().int().min(1).max(1_000_000).optional(),
});

const pathsFields = {
  start: touchpointName.optional(),
  end: touchpointName.optional(),
  depth: z.number().int().min(1).max(MAX_PATH_DEPTH).default(5),
  /** Only touchpoints at these times (inclusive, epoch ms) make paths. */
  from: epochMs.optional(),
  to: epochMs.optional(),
  segment: segmentInput.optional(),
};
const isRangeInOrder = (v: { from?: number | undefined; to?: number | undefined }) =>
  v.from === undefined || v.to === undefined || v.from <= v.to;
const rangeOrderIssue = { message: 'from must not be after to', path: ['from'] };

export const pathsInput = z
  .object({ ...pathsFields, limit: z.number().int().min(1).max(1_000).default(20) })
  .refine(isRangeInOrder, rangeOrderIssue);

/** The persons on a node (`name` at position `at`), a link (`next` after it) or an exit (`next: null`). */
export const pathPersonsInput = z
  .object({
    ...pathsFields,
    at: z
      .number()
      .int()
      .min(0)
      .max(MAX_PATH_DEPTH - 1),
    name: touchpointName,
    next: touchpointName.nullable().optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: personPageCursor('path persons'),
  })
  .refine(isRangeInOrder, rangeOrderIssue)
  .refine((v) => v.at < (typeof v.next === 'string' ? v.depth - 1 : v.depth), {
    message: 'at must be a position of the path: below depth, and below depth − 1 for a link',
    path: ['at'],
  });

const touchpointRef = z.object({
  name: touchpointName,
  channel: z.string().min(1).max(LIMITS.maxChannelLength).optional(),
});

export const journeyMapInput = z.object({
  stages: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        touchpoints: z
          .array(
            touchpointRef.extend({ goal: z.boolean().optional(), momentOfTruth: z.boolean().optional() }),
          )
          .max(50),
      }),
    )
    .min(1)
    .max(20)
    .refine((stages) => new Set(stages.map((s) => s.name)).size === stages.length, {
      message: 'stage names must be unique',
    }),
});

/** The journey map's figures: a range, a segment and the map (`mapId`, default the main map). */
export const stagesInput = z
  .object({
    from: epochMs.optional(),
    to: epochMs.optional(),
    segment: segmentInput.optional(),
    mapId: z.string().min(1).max(64).optional(),
  })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

const DAY = 86_400_000;
export const overviewInput = z
  .object({
    from: epochMs,
    to: epochMs,
    conversion: touchpointRef.optional(),
    /** How conversions are credited to channels; default `last` (last touch). */
    attribution: z.enum(ATTRIBUTION_MODELS).optional(),
    segment: segmentInput.optional(),
  })
  .refine((v) => v.from <= v.to && Math.floor(v.to / DAY) - Math.floor(v.from / DAY) < MAX_OVERVIEW_DAYS, {
    message: `from must not be after to, and the range at most ${MAX_OVERVIEW_DAYS} days`,
    path: ['to'],
  });

/** Weekly retention: cohorts by first touchpoint in the range, returns up to its end. */
export const cohortRetentionInput = z
  .object({
    from: epochMs,
    to: epochMs,
    /** What counts as coming back; default any touchpoint. */
    returning: touchpointRef.optional(),
    segment: segmentInput.optional(),
  })
  .refine((v) => v.from <= v.to && getWeekNumber(v.to) - getWeekNumber(v.from) < MAX_RETENTION_WEEKS, {
    message: `from must not be after to, and the range at most ${MAX_RETENTION_WEEKS} weeks`,
    path: ['to'],
  });

/** Friction over a range: the support touchpoints whose repetition counts, items per list. */
export const frictionInput = z
  .object({
    from: epochMs.optional(),
    to: epochMs.optional(),
    support: z.array(touchpointRef).max(20).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    segment: segmentInput.optional(),
  })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

const timeBounds = z
  .object({ from: epochMs.optional(), to: epochMs.optional() })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

/** The persons list: search, filters (all must hold), order and page. */
export const personsInput = z.object({
  /** A prefix of the person id or of one of their anonymous or user ids. */
  search: z.string().min(1).max(256).optional(),
  /** A property value on one of their touchpoints, or in their latest traits. */
  property: z.object({ name: propertyNameSchema, value: propertyValueSchema }).optional(),
  channel: z.string().min(1).max(LIMITS.maxChannelLength).optional(),
  /** A stage of the project's journey map that they reached. */
  stage: z.string().min(1).max(100).optional(),
  firstSeen: timeBounds.optional(),
  lastSeen: timeBounds.optional(),
  sort: z.enum(PERSON_SORTS).default('lastSeen'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(200).default(50),
  segment: segmentInput.optional(),
  cursor: z
    .string()
    .min(1)
    .max(2_048)
    .refine((cursor) => decodePersonsCursor(cursor) !== undefined, {
      message: 'not a persons cursor: pass back a nextCursor this API answered, or none',
    })
    .optional(),
});
