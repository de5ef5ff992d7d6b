import { openSqliteStore } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_SEGMENTS } from './demoSegments.js';
import { generateDemoJourneys } from './generateDemoJourneys.js';

const store = openSqliteStore({ filename: ':memory:' });
let projectId: string;

beforeAll(async () => {
  ({ projectId } = await store.createProject({ name: 'Demo' }));
  await store.insertEvents(projectId, generateDemoJourneys({ now: Date.UTC(2026, 10, 1), persons: 400 }));
});
afterAll(() => store.close());

it('holds some of the demo persons in every demo segment, never all of them', async () => {
  const everyone = (await store.getPersons(projectId, { limit: 1 })).total;
  for (const { name, definition } of DEMO_SEGMENTS) {
    const { total } = await store.getPersons(projectId, { limit: 1, segment: definition });
    expect(total, name).toBeGreaterThan(0);
    expect(total, name).toBeLessThan(everyone);
  }
  expect(DEMO_SEGMENTS.filter((segment) => segment.persona).length).toBe(2);
});
