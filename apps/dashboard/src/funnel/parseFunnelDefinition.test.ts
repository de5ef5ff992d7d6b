import { describe, expect, it } from 'vitest';
import { createHash, parseHash } from '../routing/parseHash.js';
import {
  createFunnelParams,
  createDefaultFunnel,
  DEFAULT_FUNNEL,
  parseDropoffStep,
  parseFunnelDefinition,
  toFunnelInput,
  toPreviousFunnel,
  type FunnelDefinition,
} from './parseFunnelDefinition.js';

describe('parseFunnelDefinition', () => {
  it('reads numbered steps, their channels and the options', () => {
    const funnel = parseFunnelDefinition({
      step1: 'Ad clicked',
      channel1: 'ads',
      step2: ' Signed up ',
      window: '7d',
      days: '90',
      breakdown: 'channel',
    });
    expect(funnel).toEqual({
      steps: [{ name: 'Ad clicked', channel: 'ads' }, { name: 'Signed up' }],
      window: '7d',
      days: 90,
      breakdown: 'channel',
    });
  });

  it('skips blank steps and closes the gaps they leave', () => {
    expect(parseFunnelDefinition({ step1: 'a', step2: '  ', step3: 'c', channel3: 'web' }).steps).toEqual([
      { name: 'a' },
      { name: 'c', channel: 'web' },
    ]);
  });

  it('opens the default funnel when the URL names no step', () => {
    expect(parseFunnelDefinition({})).toBe(DEFAULT_FUNNEL);
    expect(parseFunnelDefinition({ window: '1h' })).toBe(DEFAULT_FUNNEL);
  });

  it("opens with no step, then the project's own five most travelled touchpoints, never a fixed list", () => {
    expect(DEFAULT_FUNNEL.steps).toEqual([]);
    expect(createDefaultFunnel([])).toEqual({ steps: [], window: '30d' });
    expect(createDefaultFunnel(['Home', 'Menu', 'Order', 'Paid', 'Review', 'Refund']).steps).toEqual(
      ['Home', 'Menu', 'Order', 'Paid', 'Review'].map((name) => ({ name })),
    );
  });

  it('falls back on the default for unknown windows and ranges', () => {
    const funnel = parseFunnelDefinition({ step1: 'a', window: '2y', days: '12', breakdown: ' ' });
    expect(funnel).toEqual({ steps: [{ name: 'a' }], window: '30d' });
  });

  it('round-trips through the URL, reserved characters included', () => {
    const funnel: FunnelDefinition = {
      steps: [{ name: '/' }, { name: 'a&b=c?#', channel: 'call_centre' }, { name: 'Achat réussi' }],
      window: '1h',
      days: 7,
      breakdown: 'utm source',
    };
    const { path, params } = parseHash(createHash('funnel', createFunnelParams(funnel)));
    expect(path).toBe('funnel');
    expect(parseFunnelDefinition(params)).toEqual(funnel);
  });
});

describe('toFunnelInput', () => {
  const now = Date.UTC(2025, 10, 3, 12);
  const utc = { now, timeZone: 'UTC' };

  it('gives the API its window in milliseconds and no range for all time', () => {
    expect(toFunnelInput('prj_1', DEFAULT_FUNNEL, utc)).toEqual({
      projectId: 'prj_1',
      steps: DEFAULT_FUNNEL.steps,
      windowMs: 30 * 86_400_000,
    });
  });

  it('bounds step 1 to whole UTC days and passes the breakdown', () => {
    const input = toFunnelInput(
      'prj_1',
      { steps: [{ name: 'a', channel: 'web' }], window: '1d', days: 7, breakdown: 'channel' },
      utc,
    );
    expect(input).toMatchObject({
      steps: [{ name: 'a', channel: 'web' }],
      windowMs: 86_400_000,
      from: Date.UTC(2025, 9, 28),
      to: Date.UTC(2025, 10, 4) - 1,
      breakdown: 'channel',
    });
  });
});

describe('custom dates and the previous period', () => {
  const clock = { now: Date.UTC(2026, 9, 30, 12), timeZone: 'Europe/Paris' };

  it('reads custom dates over a preset, and writes them back', () => {
    const params = {
      step1: 'a',
      window: '1d',
      days: '7',
      from: '2026-10-19',
      to: '2026-10-25',
      period: 'previous',
    };
    const funnel = parseFunnelDefinition(params);
    expect(funnel).toEqual({
      steps: [{ name: 'a' }],
      window: '1d',
      range: { from: '2026-10-19', to: '2026-10-25' },
      compare: true,
    });
    expect(createFunnelParams(funnel)).toEqual({
      step1: 'a',
      window: '1d',
      from: '2026-10-19',
      to: '2026-10-25',
      period: 'previous',
    });
  });

  it('bounds step 1 to Paris days, the week of the October change lasting 7 days and an hour', () => {
    const funnel = parseFunnelDefinition({
      step1: 'a',
      from: '2026-10-19',
      to: '2026-10-25',
      period: 'previous',
    });
    const input = toFunnelInput('prj_1', funnel, clock);
    expect(new Date(input.from!).toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(new Date(input.to!).toISOString()).toBe('2026-10-25T22:59:59.999Z');
    const previous = toPreviousFunnel(funnel, clock)!;
    expect(previous.range).toEqual({ from: '2026-10-12', to: '2026-10-18' });
    expect(toFunnelInput('prj_1', previous, clock).to).toBe(input.from! - 1);
  });

  it('has no previous period for all time, nor without the comparison', () => {
    expect(
      toPreviousFunnel(parseFunnelDefinition({ step1: 'a', period: 'previous' }), clock),
    ).toBeUndefined();
    expect(toPreviousFunnel(parseFunnelDefinition({ step1: 'a', days: '7' }), clock)).toBeUndefined();
    expect(
      toPreviousFunnel(parseFunnelDefinition({ step1: 'a', days: '7', period: 'previous' }), clock)?.range,
    ).toEqual({
      from: '2026-10-17',
      to: '2026-10-23',
    });
  });
});

describe('parseDropoffStep', () => {
  it('accepts the steps a person can miss: 2 to the last', () => {
    expect(parseDropoffStep({ dropoff: '2' }, 3)).toBe(2);
    expect(parseDropoffStep({ dropoff: '3' }, 3)).toBe(3);
    for (const dropoff of ['1', '4', '2.5', 'x', ''])
      expect(parseDropoffStep({ dropoff }, 3)).toBeUndefined();
    expect(parseDropoffStep({}, 3)).toBeUndefined();
  });
});

describe('the order and exclusions of a funnel in the URL', () => {
  const steps = { step1: 'Viewed', step2: 'Carted', step3: 'Paid' };

  it('reads the any order, and exclusions after a step that has a next one', () => {
    expect(parseFunnelDefinition({ ...steps, order: 'any' }).order).toBe('any');
    expect(parseFunnelDefinition({ ...steps, order: 'shuffled' }).order).toBeUndefined();
    const funnel = parseFunnelDefinition({
      ...steps,
      exclude1: 'Cart emptied',
      excludeChannel1: 'web',
      excludeAfter1: '2',
      exclude2: 'Left',
      excludeAfter2: '3',
      exclude3: ' ',
      excludeAfter3: '1',
    });
    expect(funnel.exclusions).toEqual([{ name: 'Cart emptied', channel: 'web', afterStep: 2 }]);
    // Exclusions mean nothing in any order: they are dropped.
    expect(
      parseFunnelDefinition({ ...steps, order: 'any', exclude1: 'X', excludeAfter1: '1' }).exclusions,
    ).toBeUndefined();
  });

  it('round-trips through the URL and reaches the API input', () => {
    const funnel: FunnelDefinition = {
      steps: [{ name: 'Viewed' }, { name: 'Carted' }, { name: 'Paid' }],
      window: '1d',
      exclusions: [
        { name: 'Cart emptied', afterStep: 2 },
        { name: 'Called support', channel: 'phone', afterStep: 1 },
      ],
    };
    const { params } = parseHash(createHash('funnel', createFunnelParams(funnel)));
    expect(parseFunnelDefinition(params)).toEqual(funnel);
    expect(toFunnelInput('p', funnel, { now: Date.UTC(2026, 5, 1), timeZone: 'UTC' }).exclusions).toEqual(
      funnel.exclusions,
    );
    const any: FunnelDefinition = { ...funnel, order: 'any', exclusions: undefined };
    expect(toFunnelInput('p', any, { now: 0, timeZone: 'UTC' })).toMatchObject({ order: 'any' });
    expect(toFunnelInput('p', any, { now: 0, timeZone: 'UTC' })).not.toHaveProperty('exclusions');
  });
});
