import { describe, expect, it } from 'vitest';
import type { Funnel } from '../api/types.js';
import { describeFunnelSettings } from './describeFunnelSettings.js';
import { describeTimeBucket } from './describeTimeBucket.js';
import { formatLift } from './formatLift.js';
import { parseDriversChoice } from './parseFunnelDefinition.js';

describe('the funnel figures in words', () => {
  it('names time-to-convert buckets by their bounds', () => {
    expect(describeTimeBucket({ fromMs: 0, toMs: 60_000 })).toBe('under 1 min');
    expect(describeTimeBucket({ fromMs: 3_600_000, toMs: 6 * 3_600_000 })).toBe('1 h – 6 h');
    expect(describeTimeBucket({ fromMs: 30 * 86_400_000, toMs: null })).toBe('30 d or more');
  });

  it('signs a lift in percentage points', () => {
    expect(formatLift(0.25, 'en')).toBe('+25 pts');
    expect(formatLift(-0.0449, 'en')).toBe('−4.5 pts');
    expect(formatLift(0, 'en')).toBe('0 pts');
  });

  it('says which rules a funnel was counted under', () => {
    const settings: Funnel['settings'] = {
      order: 'sequence',
      windowMs: 86_400_000,
      windowAnchor: 'step1',
      equalTimestamps: 'strictlyLater',
      countingUnit: 'person',
      openUntil: Date.UTC(2026, 5, 1, 12),
      exclusions: [{ name: 'Cart emptied', channel: 'web', afterStep: 2 }],
    };
    const words = Object.fromEntries(describeFunnelSettings(settings, { timeZone: 'UTC' }));
    expect(words['Order']).toBe('Steps in the order given');
    expect(words['Window']).toBe('1 d from each person’s step-1 touchpoint');
    expect(words['Same millisecond']).toMatch(/never follow each other/);
    expect(words['Exclusions']).toBe('“Cart emptied” on web between step 2 and 3');
    expect(words['Still in their window']).toMatch(/^Those whose window is open at .*2026/);
    const any = Object.fromEntries(
      describeFunnelSettings({
        ...settings,
        order: 'any',
        windowAnchor: 'firstTouchpoint',
        equalTimestamps: 'together',
        openUntil: null,
        exclusions: [],
      }),
    );
    expect(any['Still in their window']).toMatch(/when these figures were counted/);
    expect(any['Window']).toMatch(/first touchpoint of the chain/);
    expect(any['Exclusions']).toBe('None');
  });

  it('reads the drivers asked for, step 1 unless another step with a next one is named', () => {
    expect(parseDriversChoice({}, 3)).toEqual({ step: 1 });
    expect(parseDriversChoice({ drivers: '2', driversProperty: ' plan ' }, 3)).toEqual({
      step: 2,
      property: 'plan',
    });
    expect(parseDriversChoice({ drivers: '3' }, 3)).toEqual({ step: 1 });
    expect(parseDriversChoice({}, 1)).toBeUndefined();
  });
});
