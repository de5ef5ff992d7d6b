import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { findPainPoints, getStages } from './getStages.js';
import type { JourneyStage } from './types.js';
import { indexEvents, type IndexLayout } from '../testing/indexEvents.js';

const t0 = Date.UTC(2026, 5, 1);
const m = 60_000;

/**
 * a: a CSAT before anything, ad, two views with CSAT 4 then 2 after; b: a view without a
 * channel, an out-of-scale CSAT 0, NPS 9, CSAT 5, then an ad; c: an ad, NPS 4, CSAT 3.5.
 */
function world(): Event[] {
  let id = 0;
  const add = (
    anonymousId: string,
    name: string,
    at: number,
    channel?: string,
    properties?: Event['properties'],
  ) => ({
    id: `c${id++}`,
    type: 'track' as const,
    name,
    anonymousId,
    timestamp: t0 + at * m,
    ...(channel && { channel }),
    ...(properties && { properties }),
  });
  const csat = (score: number) => ({ kind: 'csat', score });
  return [
    add('a', 'feedback', 0, 'email', csat(1)),
    add('a', 'Ad clicked', 1, 'ads'),
    add('a', 'Product viewed', 2, 'web'),
    add('a', 'feedback', 3, 'email', csat(4)),
    add('a', 'Product viewed', 4, 'web'),
    add('a', 'feedback', 5, 'email', csat(2)),
    add('b', 'Product viewed', 0),
    add('b', 'feedback', 1, 'email', csat(0)),
    add('b', 'feedback', 2, 'email', { kind: 'nps', score: 9 }),
    add('b', 'feedback', 3, 'email', csat(5)),
    add('b', 'Ad clicked', 4, 'ads'),
    add('c', 'Ad clicked', 0, 'ads'),
    add('c', 'feedback', 1, 'email', { kind: 'nps', score: 4 }),
    add('c', 'feedback', 2, 'email', csat(3.5)),
  ];
}

const map: JourneyStage[] = [
  { name: 'awareness', touchpoints: [{ name: 'Ad clicked' }] },
  { name: 'consideration', touchpoints: [{ name: 'Product viewed' }] },
];

describe.each<IndexLayout>(['appended', 'compacted'])('getStages CSAT and channels (%s)', (layout) => {
  const result = getStages(indexEvents(world(), layout), map);

  it('scores CSAT by the first answer on the 1–5 scale after the touchpoint, satisfied meaning 4 or 5', () => {
    // After the ad: a 4, c 3.5 (not its NPS 4), b none. After the first view: a 4, b 5 (not 0).
    expect(result.stages.map((s) => s.touchpoints[0]!.csat)).toEqual([
      { responses: 2, averageScore: 3.75, satisfied: 50 },
      { responses: 2, averageScore: 4.5, satisfied: 100 },
    ]);
    expect(result.stages.map((s) => s.csat)).toEqual([
      { responses: 2, averageScore: 3.75, satisfied: 50 },
      { responses: 2, averageScore: 4.5, satisfied: 100 },
    ]);
    // CSAT answers are not NPS answers: after the ad, only c's 4.
    expect(result.stages[0]!.touchpoints[0]!.averageScore).toBe(4);
  });

  it('scores each channel after the person first had a map touchpoint on it, most persons first', () => {
    expect(result.channels).toEqual([
      {
        channel: 'ads',
        persons: 3,
        nps: { responses: 1, averageScore: 4, nps: -100 },
        csat: { responses: 2, averageScore: 3.75, satisfied: 50 },
      },
      {
        channel: null,
        persons: 1,
        nps: { responses: 1, averageScore: 9, nps: 100 },
        csat: { responses: 1, averageScore: 5, satisfied: 100 },
      },
      {
        channel: 'web',
        persons: 1,
        nps: { responses: 0, averageScore: null, nps: null },
        csat: { responses: 1, averageScore: 4, satisfied: 100 },
      },
    ]);
  });

  it('limits the answers to the range', () => {
    const late = getStages(indexEvents(world(), layout), map, { from: t0 + 2 * m, to: t0 + 4 * m });
    // a's first view is at 2, its CSAT 4 at 3; b's CSAT 5 at 3 follows nothing of b in range.
    expect(late.stages[1]!.csat).toEqual({ responses: 1, averageScore: 4, satisfied: 100 });
    expect(late.channels.map((c) => [c.channel, c.persons, c.csat.responses])).toEqual([
      ['ads', 1, 0],
      ['web', 1, 1],
    ]);
  });
});

describe('low satisfaction as a pain point', () => {
  const touchpoint = (name: string, satisfied: number | null, persons = 10) => ({
    name,
    channel: null,
    events: persons,
    persons,
    exitRate: 0,
    byChannel: [],
    responses: 0,
    averageScore: null,
    nps: null,
    csat: { responses: satisfied === null ? 0 : 4, averageScore: null, satisfied },
    goal: false,
    momentOfTruth: false,
  });

  it('names the lowest CSAT under 80% satisfied, three at most, with enough persons', () => {
    const stages = [
      {
        name: 'support',
        persons: 10,
        conversionFromPrevious: null,
        withoutPrevious: null,
        feedback: { responses: 0, averageScore: null, nps: null },
        csat: { responses: 0, averageScore: null, satisfied: null },
        touchpoints: [
          touchpoint('Chat', 50),
          touchpoint('Call', 25),
          touchpoint('Email', 79.9),
          touchpoint('Shop', 80),
          touchpoint('Branch', 10, 2),
          touchpoint('Letter', null),
          touchpoint('Forum', 60),
        ],
      },
    ];
    expect(findPainPoints(stages).map((p) => [p.reason, p.touchpoint, p.csat])).toEqual([
      ['low satisfaction', 'Call', 25],
      ['low satisfaction', 'Chat', 50],
      ['low satisfaction', 'Forum', 60],
    ]);
  });
});
