import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { getOverview } from './getOverview.js';
import { JourneyIndex } from './JourneyIndex.js';
import { referencePersons } from './journeyReference.js';
import { ATTRIBUTION_MODELS, type AttributionModel, type TouchpointRef } from './types.js';

const HOUR = 3_600_000;
const maybe = <T>(arbitrary: fc.Arbitrary<T>, percent: number) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

/** Persons over three days on several channels, some devices linked to users. */
const eventsArbitrary = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: 6 }),
      user: maybe(fc.integer({ min: 0, max: 2 }), 25),
      name: fc.constantFrom('Ad clicked', 'Visit', 'Purchased'),
      hour: fc.integer({ min: 0, max: 71 }),
      channel: maybe(fc.constantFrom('ads', 'search', 'web', 'store'), 80),
    }),
    { minLength: 5, maxLength: 60 },
  )
  .map((raw) =>
    raw.map((r, i): Event => ({
      id: `e${i}`,
      type: 'track',
      name: r.name,
      anonymousId: `d${r.device}`,
      timestamp: Date.UTC(2026, 0, 1) + r.hour * HOUR,
      ...(r.user !== null && { userId: `u${r.user}` }),
      ...(r.channel !== null && { channel: r.channel }),
    })),
  );

/** Written from the definition: the first conversion in range, and the touchpoints up to it. */
function referenceAttribution(
  events: Event[],
  range: { from: number; to: number },
  conversion: TouchpointRef,
  model: AttributionModel,
) {
  const credits = new Map<string | null, number>();
  const credit = (channel: string | null) => credits.set(channel, (credits.get(channel) ?? 0) + 1);
  for (const { touchpoints } of referencePersons(events)) {
    const at = touchpoints.findIndex(
      (e) =>
        e.timestamp >= range.from &&
        e.timestamp <= range.to &&
        e.name === conversion.name &&
        (conversion.channel === undefined || e.channel === conversion.channel),
    );
    if (at === -1) continue;
    const upTo = touchpoints.slice(0, at + 1).map((e) => e.channel ?? null);
    if (model === 'first') credit(upTo[0]!);
    else if (model === 'last') credit(upTo.length > 1 ? upTo[upTo.length - 2]! : upTo[0]!);
    else new Set(upTo).forEach(credit);
  }
  return credits;
}

function indexOf(events: Event[]): JourneyIndex {
  const index = new JourneyIndex(() => events.map(() => undefined));
  for (const e of events) index.append(e);
  return index;
}

describe('attribution on the overview against a brute-force reference', () => {
  it('credits conversions to channels under first, last and any touch', () => {
    fc.assert(
      fc.property(
        eventsArbitrary,
        fc.constantFrom(...ATTRIBUTION_MODELS),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom<TouchpointRef>({ name: 'Purchased' }, { name: 'Purchased', channel: 'store' }),
        (events, model, firstDay, conversion) => {
          const from = Date.UTC(2026, 0, 1 + firstDay);
          const range = { from, to: from + 2 * 24 * HOUR - 1 };
          const result = getOverview(indexOf(events), { ...range, attribution: model }, [conversion]);
          const expected = referenceAttribution(events, range, conversion, model);
          expect(result.attribution.model).toBe(model);
          expect(new Map(result.attribution.channels.map((row) => [row.channel, row.conversions]))).toEqual(
            expected,
          );
          const credited = result.attribution.channels.reduce((sum, row) => sum + row.conversions, 0);
          if (model === 'any') expect(credited).toBeGreaterThanOrEqual(result.totals.conversions);
          else expect(credited).toBe(result.totals.conversions);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('draws worlds where the models disagree (or the test above would prove little)', () => {
    const samples = fc.sample(eventsArbitrary, { numRuns: 200, seed: 4 });
    const range = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 4) };
    const differ = samples.filter((events) => {
      const [first, last] = (['first', 'last'] as const).map((model) =>
        JSON.stringify([...referenceAttribution(events, range, { name: 'Purchased' }, model)].sort()),
      );
      return first !== last;
    });
    expect(differ.length).toBeGreaterThan(50);
  });

  it('defaults to last touch: an ad click then a purchase on the web credits ads', () => {
    const t = Date.UTC(2026, 0, 1);
    const events: Event[] = [
      { id: '1', type: 'track', name: 'Ad clicked', anonymousId: 'a', timestamp: t, channel: 'ads' },
      { id: '2', type: 'track', name: 'Purchased', anonymousId: 'a', timestamp: t + 1, channel: 'web' },
    ];
    const result = getOverview(indexOf(events), { from: t, to: t + HOUR }, [{ name: 'Purchased' }]);
    expect(result.attribution).toEqual({ model: 'last', channels: [{ channel: 'ads', conversions: 1 }] });
  });
});
