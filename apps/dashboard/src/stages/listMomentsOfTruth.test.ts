import { describe, expect, it } from 'vitest';
import type { Stages } from '../api/types.js';
import { listMomentsOfTruth } from './listMomentsOfTruth.js';

const touchpoint = (name: string, momentOfTruth: boolean) => ({
  name,
  channel: null,
  events: 1,
  persons: 1,
  exitRate: 0,
  byChannel: [],
  responses: 0,
  averageScore: null,
  nps: null,
  csat: { responses: 0, averageScore: null, satisfied: null },
  goal: false,
  momentOfTruth,
});

const stage = (name: string, touchpoints: ReturnType<typeof touchpoint>[]) => ({
  name,
  persons: 1,
  conversionFromPrevious: null,
  withoutPrevious: null,
  feedback: { responses: 0, averageScore: null, nps: null },
  csat: { responses: 0, averageScore: null, satisfied: null },
  touchpoints,
});

describe('listMomentsOfTruth', () => {
  it('lists the marked touchpoints in the map order, with their stage', () => {
    const stages: Stages['stages'] = [
      stage('awareness', [touchpoint('Ad', false)]),
      stage('decision', [touchpoint('Trial', true), touchpoint('Quote', false), touchpoint('Order', true)]),
      stage('retention', [touchpoint('Delivery', true)]),
    ];
    expect(listMomentsOfTruth(stages).map((m) => [m.stage, m.touchpoint.name])).toEqual([
      ['decision', 'Trial'],
      ['decision', 'Order'],
      ['retention', 'Delivery'],
    ]);
  });

  it('is empty when nothing is marked', () => {
    expect(listMomentsOfTruth([stage('awareness', [touchpoint('Ad', false)])])).toEqual([]);
  });
});
