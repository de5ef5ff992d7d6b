import { describe, expect, it } from 'vitest';
import { describeSharedView } from './describeSharedView.js';

describe('describeSharedView', () => {
  it('says which days an overview counts, and its conversion', () => {
    expect(describeSharedView('overview', { days: '7', conversion: 'Purchase' })).toBe(
      'The 7 days up to the day it was shared. Conversions: “Purchase”.',
    );
    expect(describeSharedView('overview', {})).toBe('The 30 days up to the day it was shared.');
  });

  it('gives a funnel’s window in words', () => {
    expect(describeSharedView('funnel', { step1: '/', step2: 'Signed up', window: '7d', days: '30' })).toBe(
      'Persons who went through these steps in order within 7 days, who started in the 30 days up to the day it was shared.',
    );
  });

  it('tells a journey map over some days from one over all time', () => {
    expect(describeSharedView('journeyMap', { days: '90' })).toMatch(/90 days/);
    expect(describeSharedView('journeyMap', {})).toBe('The journey map over all time.');
  });

  it('names the custom dates a view was shared with', () => {
    const dates = { from: '2026-03-23', to: '2026-03-29' };
    expect(describeSharedView('overview', dates)).toBe('23 March 2026 – 29 March 2026.');
    expect(describeSharedView('funnel', { step1: '/', window: '1d', ...dates })).toBe(
      'Persons who went through these steps in order within 1 day, who started on 23 March 2026 – 29 March 2026.',
    );
    expect(describeSharedView('journeyMap', dates)).toBe(
      'The journey map over 23 March 2026 – 29 March 2026.',
    );
  });
});
