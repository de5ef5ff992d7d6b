import { describe, expect, it } from 'vitest';
import {
  collectInputSchema,
  consentInputSchema,
  consentRecordSchema,
  eventSchema,
  isOversizedBatch,
} from './validators.js';
import { describeValidationIssues, getValidationIssues } from './issues.js';
import { LIMITS } from './limits.js';

const valid = {
  id: 'evt_1',
  type: 'track',
  name: 'Signed up',
  anonymousId: 'anon-1',
  timestamp: Date.UTC(2026, 0, 1),
  properties: { plan: 'pro', seats: 3, trial: true, coupon: null },
};

function issuesOf(input: unknown) {
  const result = collectInputSchema.safeParse(input);
  if (result.success) throw new Error('expected a validation error');
  return getValidationIssues(result.error);
}

describe('eventSchema', () => {
  it('accepts a well-formed event and strips unknown keys', () => {
    const parsed = eventSchema.parse({ ...valid, extra: 'x' });
    expect(parsed).toEqual(valid);
  });

  it.each([
    ['id', { id: 'x'.repeat(LIMITS.maxIdLength + 1) }],
    ['name', { name: 'x'.repeat(LIMITS.maxNameLength + 1) }],
    ['type', { type: 'alias' }],
    ['timestamp', { timestamp: '2026-01-01' }],
    ['timestamp', { timestamp: 1_700_000_000 }],
    ['properties.nested', { properties: { nested: { a: 1 } } }],
    ['channel', { channel: 'Email' }],
    ['userHash', { userId: 'bob', userHash: 'A'.repeat(64) }],
    ['userHash', { userId: 'bob', userHash: 'a'.repeat(63) }],
  ])('names the bad field %s', (path, patch) => {
    const issues = issuesOf({ writeKey: 'wk', batch: [valid, { ...valid, ...patch }] });
    expect(issues.map((i) => i.path)).toContain(`batch[1].${path}`);
  });

  it('refuses reserved property names, lone surrogates and nested values, naming the field and the rule', () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [JSON.parse('{"__proto__":{"admin":true}}'), 'batch[0].properties.__proto__', /reserved name/],
      [{ constructor: 'x' }, 'batch[0].properties.constructor', /reserved name/],
      [{ prototype: 1 }, 'batch[0].properties.prototype', /reserved name/],
      [
        { nested: { a: 1 } },
        'batch[0].properties.nested',
        /values must be a string, number, boolean or null/,
      ],
      [{ list: [1, 2] }, 'batch[0].properties.list', /values must be a string, number, boolean or null/],
      [{ plan: 'pro\ud800' }, 'batch[0].properties.plan', /well-formed Unicode/],
      [{ ['pl\udc00an']: 'pro' }, 'batch[0].properties["pl\\udc00an"]', /property name: must be well-formed/],
    ];
    for (const [properties, path, message] of cases) {
      const issues = issuesOf({ writeKey: 'wk', batch: [{ ...valid, properties }] });
      expect(issues, path).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    const context = JSON.parse('{"__proto__":1}') as unknown;
    expect(issuesOf({ writeKey: 'wk', batch: [{ ...valid, context }] })[0]?.path).toBe(
      'batch[0].context.__proto__',
    );
    for (const field of ['id', 'name', 'anonymousId', 'userId'] as const) {
      const issues = issuesOf({ writeKey: 'wk', batch: [{ ...valid, [field]: 'x\udbff' }] });
      expect(issues, field).toEqual([
        { path: `batch[0].${field}`, message: expect.stringMatching(/lone surrogate/) },
      ]);
    }
    expect(issuesOf({ writeKey: 'wk_\ud800', batch: [valid] })[0]?.path).toBe('writeKey');
  });

  it('keeps a well-formed userHash: 64 lower-case hex characters', () => {
    const signed = { ...valid, userId: 'bob', userHash: '0123456789abcdef'.repeat(4) };
    expect(eventSchema.parse(signed)).toEqual(signed);
  });

  it('bounds the number of property keys', () => {
    const properties = Object.fromEntries(
      Array.from({ length: LIMITS.maxPropertyKeys + 1 }, (_, i) => [`k${i}`, i]),
    );
    expect(eventSchema.safeParse({ ...valid, properties }).success).toBe(false);
  });
});

describe('collectInputSchema', () => {
  it('requires a write key and a non-empty batch', () => {
    const issues = issuesOf({ batch: [] });
    expect(issues.map((i) => i.path).sort()).toEqual(['batch', 'writeKey']);
    expect(describeValidationIssues(issues)).toMatch(/writeKey: /);
  });

  it('detects a batch over the event limit', () => {
    const batch = Array.from({ length: LIMITS.maxBatchEvents + 1 }, () => valid);
    expect(isOversizedBatch({ writeKey: 'wk', batch })).toBe(true);
    expect(isOversizedBatch({ writeKey: 'wk', batch: batch.slice(1) })).toBe(false);
    expect(isOversizedBatch('nonsense')).toBe(false);
  });
});

describe('consentRecordSchema', () => {
  const grant = {
    id: 'c1',
    timestamp: Date.UTC(2026, 0, 1),
    granted: ['analytics'],
    denied: ['marketing', 'personalization'],
    policyVersion: '2026-01',
    source: 'banner',
    anonymousId: 'anon-1',
  };

  it('accepts a grant that names the device', () => {
    expect(consentRecordSchema.safeParse(grant).success).toBe(true);
  });

  it('refuses a refusal that identifies the person', () => {
    const refusal = { ...grant, granted: [], denied: ['analytics', 'marketing', 'personalization'] };
    const result = consentRecordSchema.safeParse(refusal);
    expect(result.success).toBe(false);
    expect(getValidationIssues(result.error!)[0]).toEqual({
      path: 'anonymousId',
      message: 'a refusal carries no identifier of the person',
    });
    const { anonymousId: _, ...anonymous } = refusal;
    expect(consentRecordSchema.safeParse(anonymous).success).toBe(true);
  });

  it('refuses a category both granted and denied, naming records[i].denied', () => {
    const contradictory = { ...grant, granted: ['analytics', 'marketing'], denied: ['marketing'] };
    expect(getValidationIssues(consentRecordSchema.safeParse(contradictory).error!)).toEqual([
      { path: 'denied', message: 'marketing cannot be both granted and denied in one decision' },
    ]);
    const body = consentInputSchema.safeParse({ writeKey: 'wk', records: [grant, contradictory] });
    expect(getValidationIssues(body.error!).map((issue) => issue.path)).toEqual(['records[1].denied']);
  });

  it('knows only the three categories', () => {
    expect(consentRecordSchema.safeParse({ ...grant, granted: ['necessary'] }).success).toBe(false);
  });
});
