import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { parseCollectInput, parseEvent } from './parseEvent.js';
import { collectInputSchema, eventSchema } from './validators.js';

/** Lone surrogates (refused) next to a well-formed pair and plain text (accepted). */
const unicode = fc.constantFrom('\ud800', 'a\udfff', '\udc00\ud800', '\ud83d\ude00', 'é');
/** Strings around each length limit, lone surrogates, and a few that break the channel pattern. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 0, maxLength: 3 }),
    fc.constantFrom('', 'x'.repeat(max), 'x'.repeat(max + 1)),
    unicode,
  );
const scalar = fc.oneof(
  fc.string({ maxLength: 4 }),
  unicode,
  fc.constant('y'.repeat(LIMITS.maxPropertyStringLength + 1)),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant({ nested: 1 }),
  fc.constant([1]),
);
const validScalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
/** Names zod's record and `out[key] = value` would drop or misuse: refused instead. */
const reservedName = fc.constantFrom('__proto__', 'constructor', 'prototype');
const properties = fc.oneof(
  fc.dictionary(fc.oneof(fc.string({ maxLength: 3 }), fc.constant('k'.repeat(129)), unicode), scalar, {
    maxKeys: 4,
  }),
  // As the collector sees them: JSON.parse makes `__proto__` an own key.
  fc
    .tuple(reservedName, scalar, validScalar)
    .map(
      ([name, value, other]) => JSON.parse(JSON.stringify({ ok: other, [name]: value ?? null })) as unknown,
    ),
  fc.constant(Object.fromEntries(Array.from({ length: LIMITS.maxPropertyKeys + 1 }, (_, i) => [`k${i}`, i]))),
  fc.constantFrom(null, 'flat', [], 42),
);
const validProperties = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), validScalar, { maxKeys: 4 });

/** A valid event: each optional field present or not. */
const validEvent = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: LIMITS.maxIdLength }),
    type: fc.constantFrom('track', 'page', 'identify'),
    name: fc.string({ minLength: 1, maxLength: 20 }),
    anonymousId: fc.string({ minLength: 1, maxLength: 20 }),
    userId: fc.string({ minLength: 1, maxLength: 20 }),
    userHash: fc.stringMatching(/^[0-9a-f]{64}$/),
    timestamp: fc.integer({ min: LIMITS.minTimestamp, max: LIMITS.maxTimestamp }),
    channel: fc.constantFrom('web', 'call_centre', 'a-b', 'x9'),
    category: fc.constantFrom('analytics', 'marketing', 'personalization'),
    properties: validProperties,
    context: validProperties,
  },
  { requiredKeys: ['id', 'type', 'name', 'anonymousId', 'timestamp'] },
);

/** One edit of one field: edge values on both sides of each rule. */
const edit = fc.oneof(
  fc.tuple(
    fc.constantFrom('id', 'name', 'anonymousId', 'userId'),
    fc.oneof(
      text(LIMITS.maxUserIdLength),
      text(LIMITS.maxIdLength),
      text(LIMITS.maxNameLength),
      text(LIMITS.maxAnonymousIdLength),
      fc.integer(),
      fc.constant(null),
    ),
  ),
  fc.tuple(
    fc.constant('userHash'),
    fc.oneof(
      fc.stringMatching(/^[0-9a-f]{63,65}$/),
      fc.stringMatching(/^[0-9a-fA-F]{64}$/),
      fc.constantFrom('', 'g'.repeat(64), ` ${'a'.repeat(63)}`, 42, null),
    ),
  ),
  fc.tuple(fc.constant('type'), fc.constantFrom('alias', 7, 'Track')),
  fc.tuple(
    fc.constant('timestamp'),
    fc.oneof(
      fc.integer({ min: LIMITS.minTimestamp - 5, max: LIMITS.minTimestamp + 5 }),
      fc.integer({ min: LIMITS.maxTimestamp - 5, max: LIMITS.maxTimestamp + 5 }),
      fc.double({ min: LIMITS.minTimestamp, max: LIMITS.maxTimestamp }),
      fc.constantFrom('2026-01-01', Number.NaN, null),
    ),
  ),
  fc.tuple(
    fc.constant('channel'),
    fc.oneof(
      fc.constantFrom('Email', '1st', '', 'x'.repeat(32), 'x'.repeat(33), null),
      fc.string({ maxLength: 3 }),
    ),
  ),
  fc.tuple(fc.constant('category'), fc.constantFrom('necessary', '', null)),
  fc.tuple(fc.constantFrom('properties', 'context'), properties),
  fc.tuple(
    fc.constantFrom('properties', 'context'),
    fc.dictionary(fc.constantFrom('', 'ok', 'k'.repeat(128), 'k'.repeat(129)), scalar, { maxKeys: 2 }),
  ),
  fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor'), fc.anything()),
  fc.tuple(fc.constantFrom('id', 'type', 'name', 'anonymousId', 'timestamp'), fc.constant(undefined)),
);

/** Valid events with zero to two edits: most are one rule away from the boundary. */
const candidate = fc.tuple(validEvent, fc.array(edit, { maxLength: 2 })).map(([event, edits]) => {
  const copy: Record<string, unknown> = { ...event };
  for (const [field, value] of edits) {
    if (value === undefined) delete copy[field];
    else Object.defineProperty(copy, field, { value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
});

describe('parseEvent', () => {
  it('agrees with eventSchema on every input: same verdict, same stripped output', () => {
    fc.assert(
      fc.property(fc.oneof(candidate, fc.anything()), (value) => {
        const reference = eventSchema.safeParse(value);
        expect(parseEvent(value)).toEqual(reference.success ? reference.data : undefined);
      }),
      // Bounded, with its own timeout: it once passed 5 s on a loaded machine.
      { numRuns: 3_000 },
    );
  }, 60_000);

  it('draws both valid and invalid events', () => {
    const verdicts = fc
      .sample(candidate, { numRuns: 1_000, seed: 3 })
      .map((v) => eventSchema.safeParse(v).success);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(200);
    expect(verdicts.filter((ok) => !ok).length).toBeGreaterThan(200);
  }, 30_000);

  it('accepts a typical event', () => {
    const event = {
      id: 'e1',
      type: 'track',
      name: 'Signed up',
      anonymousId: 'a',
      timestamp: 1_767_225_600_000,
      channel: 'web',
      properties: { plan: 'pro' },
      junk: 1,
    };
    const { junk: _, ...expected } = event;
    expect(parseEvent(event)).toEqual(expected);
  });

  it('refuses, instead of dropping or rewriting, a reserved property name and a lone surrogate', () => {
    const typical = {
      id: 'e1',
      type: 'track',
      name: 'Signed up',
      anonymousId: 'a',
      timestamp: 1_767_225_600_000,
    };
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const properties = JSON.parse(`{"plan":"pro","${name}":{"admin":true}}`) as unknown;
      expect(parseEvent({ ...typical, properties }), name).toBeUndefined();
      expect(
        parseEvent({ ...typical, context: JSON.parse(`{"${name}":1}`) as unknown }),
        name,
      ).toBeUndefined();
    }
    expect(parseEvent({ ...typical, name: 'Signed up \ud800' })).toBeUndefined();
    expect(parseEvent({ ...typical, properties: { ['plan\udc00']: 'pro' } })).toBeUndefined();
    expect(parseEvent({ ...typical, properties: { plan: '\ud83d' } })).toBeUndefined();
    // A well-formed pair is one code point, stored as is.
    expect(parseEvent({ ...typical, properties: { plan: '\ud83d\ude00' } })?.properties).toEqual({
      plan: '😀',
    });
  });
});

describe('parseCollectInput', () => {
  const body = fc.record(
    {
      writeKey: fc.oneof(fc.constantFrom('wk_1', '', 'k'.repeat(128), 'k'.repeat(129)), fc.integer()),
      batch: fc.oneof(
        fc.array(candidate, { maxLength: 3 }),
        fc.array(validEvent, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('x', null),
      ),
      dropped: fc.constantFrom(0, 3, -1, 1.5, '2'),
      consent: fc.oneof(
        fc.subarray(['analytics', 'marketing', 'personalization']),
        fc.constantFrom(['necessary'], 'analytics', ['analytics', 'analytics', 'analytics', 'analytics']),
      ),
      policyVersion: fc.constantFrom(1, 7, 0, -1, 2.5, '3', null, Number.MAX_SAFE_INTEGER, 2 ** 53),
      extra: fc.anything(),
    },
    { requiredKeys: ['batch'] },
  );

  it('agrees with collectInputSchema on every body', () => {
    fc.assert(
      fc.property(body, (value) => {
        const reference = collectInputSchema.safeParse(value);
        expect(parseCollectInput(value)).toEqual(reference.success ? reference.data : undefined);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);
});
