import { describe, expect, it } from 'vitest';
import type { Touchpoint } from '../api/types.js';
import { groupTouchpointsByDay } from './groupTouchpointsByDay.js';
import { summariseJourney } from './summariseJourney.js';

const hour = 3_600_000;
const start = Date.UTC(2025, 10, 3, 20, 0, 0); // Monday 20:00 UTC

function touchpoint(id: string, timestamp: number, channel?: string): Touchpoint {
  return { id, type: 'track', name: id, anonymousId: 'a_1', timestamp, ...(channel ? { channel } : {}) };
}

const journey = [
  touchpoint('ad', start, 'ads'),
  touchpoint('visit', start + 1 * hour, 'web'),
  touchpoint('app', start + 3 * hour, 'mobile'), // Monday 23:00 UTC, Tuesday in Paris
  touchpoint('mail', start + 24 * hour, 'email'),
  touchpoint('back', start + 25 * hour, 'web'),
  touchpoint('call', start + 25.5 * hour),
];

describe('groupTouchpointsByDay', () => {
  it('cuts a journey into the days of the viewer’s calendar', () => {
    const ids = (timeZone: string) =>
      groupTouchpointsByDay(journey, { timeZone }).map((day) => [
        day.dayKey,
        day.touchpoints.map((t) => t.id),
      ]);
    expect(ids('UTC')).toEqual([
      ['2025-11-03', ['ad', 'visit', 'app']],
      ['2025-11-04', ['mail', 'back', 'call']],
    ]);
    expect(ids('Europe/Paris')).toEqual([
      ['2025-11-03', ['ad', 'visit']],
      ['2025-11-04', ['app', 'mail', 'back', 'call']],
    ]);
  });

  it('has no days for an empty journey', () => {
    expect(groupTouchpointsByDay([])).toEqual([]);
  });
});

describe('summariseJourney', () => {
  it('gives the span and the channels in order of first appearance', () => {
    expect(summariseJourney(journey)).toEqual({
      count: 6,
      firstAt: start,
      lastAt: start + 25.5 * hour,
      channels: ['ads', 'web', 'mobile', 'email', 'unknown'],
    });
  });

  it('leaves logins without a channel out of the channels', () => {
    const login = { ...touchpoint('login', start + 2 * hour), type: 'identify' as const };
    expect(summariseJourney([journey[0]!, login]).channels).toEqual(['ads']);
    expect(summariseJourney([journey[0]!, { ...login, channel: 'web' }]).channels).toEqual(['ads', 'web']);
  });

  it('summarises an empty journey', () => {
    expect(summariseJourney([])).toEqual({ count: 0, channels: [] });
  });
});
