import { describe, expect, it } from 'vitest';
import { isLiveQuery } from './isLiveQuery.js';

const key = (path: string[], input?: object) => [path, { input, type: 'query' }];

describe('isLiveQuery', () => {
  it("takes the project's journey queries, infinite ones included", () => {
    expect(
      isLiveQuery({ queryKey: key(['journeys', 'overview'], { projectId: 'prj_1', from: 0 }) }, 'prj_1'),
    ).toBe(true);
    expect(
      isLiveQuery(
        { queryKey: [['journeys', 'funnelDropoffs'], { input: { projectId: 'prj_1' }, type: 'infinite' }] },
        'prj_1',
      ),
    ).toBe(true);
  });

  it('leaves other projects, other routers, opted-out queries and keys it does not know', () => {
    expect(isLiveQuery({ queryKey: key(['journeys', 'overview'], { projectId: 'prj_2' }) }, 'prj_1')).toBe(
      false,
    );
    expect(isLiveQuery({ queryKey: key(['admin', 'project'], { projectId: 'prj_1' }) }, 'prj_1')).toBe(false);
    expect(isLiveQuery({ queryKey: key(['auth', 'me']) }, 'prj_1')).toBe(false);
    expect(
      isLiveQuery(
        { queryKey: key(['journeys', 'paths'], { projectId: 'prj_1' }), meta: { live: false } },
        'prj_1',
      ),
    ).toBe(false);
    expect(isLiveQuery({ queryKey: ['journeys'] }, 'prj_1')).toBe(false);
  });
});
