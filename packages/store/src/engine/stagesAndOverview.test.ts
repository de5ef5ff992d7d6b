import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { getOverview } from './getOverview.js';
import { getStages } from './getStages.js';
import type { JourneyStage } from './types.js';
import { indexEvents } from '../testing/indexEvents.js';

const t0 = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

/** Four archetypes, five persons each (so touchpoints pass the pain-point threshold). */
function world(): Event[] {
  const events: Event[] = [];
  let id = 0;
  const add = (
    anonymousId: string,
    name: string,
    at: number,
    channel: string,
    properties?: Event['properties'],
  ) =>
    events.push({
      id: `s${id++}`,
      type: 'track',
      name,
      anonymousId,
      timestamp: t0 + at,
      channel,
      ...(properties && { properties }),
    });
  const m = 60_000;
  for (let copy = 0; copy < 5; copy++) {
    add(`p1-${copy}`, 'Ad clicked', 0, 'ads');
    add(`p1-${copy}`, 'Product viewed', 5 * m, 'web');
    add(`p1-${copy}`, 'Purchased', 10 * m, 'web');
    add(`p1-${copy}`, 'feedback', 20 * m, 'email', { kind: 'nps', score: 10 });
    add(`p2-${copy}`, 'Ad clicked', 0, 'ads');
    add(`p2-${copy}`, 'Product viewed', 5 * m, 'web');
    add(`p3-${copy}`, 'Search', DAY, 'search');
    add(`p3-${copy}`, 'Purchased', DAY + 10 * m, 'store');
    add(`p3-${copy}`, 'feedback', DAY + 20 * m, 'email', { kind: 'nps', score: 3 });
    add(`p3-${copy}`, 'Support call', DAY + 30 * m, 'call_centre');
    add(`p4-${copy}`, 'Product viewed', 0, 'web');
  }
  return events;
}

const map: JourneyStage[] = [
  { name: 'awareness', touchpoints: [{ name: 'Ad clicked' }, { name: 'Search' }] },
  { name: 'consideration', touchpoints: [{ name: 'Product viewed' }] },
  { name: 'decision', touchpoints: [{ name: 'Purchased' }] },
  { name: 'retention', touchpoints: [{ name: 'Support call', channel: 'call_centre' }] },
];

describe('getStages', () => {
  const result = getStages(indexEvents(world()), map);

  it('counts persons per stage and the conversion from the previous stage', () => {
    expect(result.stages.map((s) => [s.name, s.persons, s.conversionFromPrevious])).toEqual([
      ['awareness', 15, null],
      ['consideration', 15, 10 / 15],
      ['decision', 10, 5 / 15],
      ['retention', 5, 5 / 10],
    ]);
  });

  it('gives each touchpoint its volume by channel, exit rate and the NPS given after it', () => {
    const purchased = result.stages[2]!.touchpoints[0]!;
    expect(purchased).toEqual({
      name: 'Purchased',
      channel: null,
      events: 10,
      persons: 10,
      exitRate: 0,
      byChannel: [
        { channel: 'web', events: 5 },
        { channel: 'store', events: 5 },
      ],
      responses: 10,
      averageScore: 6.5,
      nps: 0,
      csat: { responses: 0, averageScore: null, satisfied: null },
      goal: false,
      momentOfTruth: false,
    });
    const viewed = result.stages[1]!.touchpoints[0]!;
    expect([viewed.persons, viewed.exitRate, viewed.nps]).toEqual([15, 10 / 15, 100]);
    const search = result.stages[0]!.touchpoints[1]!;
    expect([search.persons, search.nps, search.averageScore]).toEqual([5, -100, 3]);
    const call = result.stages[3]!.touchpoints[0]!;
    expect([call.exitRate, call.responses, call.nps]).toEqual([1, 0, null]);
  });

  it('names the pain points: most exits first, then lowest scores', () => {
    expect(result.painPoints.map((p) => [p.reason, p.touchpoint])).toEqual([
      ['drop-off', 'Support call'],
      ['drop-off', 'Product viewed'],
      ['low score', 'Search'],
      ['low score', 'Purchased'],
      ['low score', 'Ad clicked'],
    ]);
  });

  it('does not cap a stage by the one before: who reached it without the previous stage is counted', () => {
    // p4 viewed a product with no ad or search before; p3 bought without viewing one.
    expect(result.stages.map((s) => s.withoutPrevious)).toEqual([null, 5, 5, 0]);
  });

  it('scores each stage by the first answer after the person first reached it: the emotion curve', () => {
    // p1 (×5) answers 10 after the ad, the view and the purchase; p3 (×5) 3 after the search and the purchase.
    expect(result.stages.map((s) => s.feedback)).toEqual([
      { responses: 10, averageScore: 6.5, nps: 0 },
      { responses: 5, averageScore: 10, nps: 100 },
      { responses: 10, averageScore: 6.5, nps: 0 },
      { responses: 0, averageScore: null, nps: null },
    ]);
  });

  it('says how many follow the designed stage order, and the most common other orders', () => {
    // p1 and p2 go awareness → consideration (→ decision); p3 skips consideration; p4 starts at it.
    expect(result.designedOrder).toEqual({
      persons: 20,
      following: 10,
      deviations: [
        { stages: ['awareness', 'decision', 'retention'], persons: 5 },
        { stages: ['consideration'], persons: 5 },
      ],
    });
  });

  it('never calls a goal a drop-off: leaving after it is the journey done', () => {
    const marked: JourneyStage[] = map.map((stage) =>
      stage.name === 'retention'
        ? { ...stage, touchpoints: [{ name: 'Support call', channel: 'call_centre', goal: true }] }
        : stage.name === 'decision'
          ? { ...stage, touchpoints: [{ name: 'Purchased', momentOfTruth: true }] }
          : stage,
    );
    const withGoal = getStages(indexEvents(world()), marked);
    expect(withGoal.painPoints.map((p) => [p.reason, p.touchpoint])).toEqual([
      ['drop-off', 'Product viewed'],
      ['low score', 'Search'],
      ['low score', 'Purchased'],
      ['low score', 'Ad clicked'],
    ]);
    const call = withGoal.stages[3]!.touchpoints[0]!;
    expect([call.goal, call.exitRate]).toEqual([true, 1]);
    expect(withGoal.stages[2]!.touchpoints[0]!.momentOfTruth).toBe(true);
  });

  it('limits everything to the range', () => {
    const dayOne = getStages(indexEvents(world()), map, { from: t0 + DAY, to: t0 + 2 * DAY });
    expect(dayOne.stages.map((s) => s.persons)).toEqual([5, 0, 5, 5]);
  });
});

describe('getOverview', () => {
  const conversions = [{ name: 'Purchased' }];
  const result = getOverview(indexEvents(world()), { from: t0, to: t0 + 2 * DAY - 1 }, conversions);

  it('counts persons, touchpoints, converted persons and NPS per UTC day', () => {
    expect(result.days).toEqual([
      { day: '2026-06-01', persons: 15, events: 35, conversions: 5, npsResponses: 5, nps: 100 },
      { day: '2026-06-02', persons: 5, events: 20, conversions: 5, npsResponses: 5, nps: -100 },
    ]);
    expect(result.totals).toEqual({ persons: 20, events: 55, conversions: 10, npsResponses: 10, nps: 0 });
  });

  it('counts per channel, conversions where the converting touchpoint happened', () => {
    expect(result.channels).toEqual([
      { channel: 'web', persons: 15, events: 20, conversions: 5 },
      { channel: 'ads', persons: 10, events: 10, conversions: 0 },
      { channel: 'email', persons: 10, events: 10, conversions: 0 },
      { channel: 'search', persons: 5, events: 5, conversions: 0 },
      { channel: 'store', persons: 5, events: 5, conversions: 5 },
      { channel: 'call_centre', persons: 5, events: 5, conversions: 0 },
    ]);
  });

  it('refuses a range over a year', () => {
    expect(() => getOverview(indexEvents([]), { from: t0, to: t0 + 400 * DAY }, conversions)).toThrow(
      RangeError,
    );
  });
});

describe('stages and overview, whatever the index layout', () => {
  it('give the same answers from an index as appended, mixed and compacted', () => {
    const answers = (['appended', 'mixed', 'compacted'] as const).map((layout) => {
      const index = indexEvents(world(), layout);
      return {
        stages: getStages(index, map),
        overview: getOverview(index, { from: t0, to: t0 + 2 * DAY - 1 }, [{ name: 'Purchased' }]),
      };
    });
    expect(answers[0]!.stages.stages.length).toBeGreaterThan(0);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});
