import { describe, expect, it } from 'vitest';
import { findInsightView, INSIGHT_VIEWS } from './insightViews.js';

describe('findInsightView', () => {
  it('finds the view of each page an insight can be saved from, by its path', () => {
    expect(findInsightView('journey-map', { days: '7' })).toBe('journeyMap');
    for (const [view, { path }] of Object.entries(INSIGHT_VIEWS))
      expect(findInsightView(path, {})).toBe(view);
  });

  it('saves the persons list but not one person’s page, and no other page', () => {
    expect(findInsightView('person', { channel: 'web' })).toBe('persons');
    expect(findInsightView('person', { personId: 'user:ada' })).toBeUndefined();
    expect(findInsightView('audit', {})).toBeUndefined();
    expect(findInsightView('', {})).toBeUndefined();
  });
});
