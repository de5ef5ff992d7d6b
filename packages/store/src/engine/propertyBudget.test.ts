import { describe, expect, it } from 'vitest';
import type { Event } from '@parcours/schema';
import { JourneyIndex } from './JourneyIndex.js';
import { QueryBudgetError } from './journeyErrors.js';

/** 2,000 touchpoints, each with properties a…e of 50 distinct values. */
const events: Event[] = Array.from({ length: 2_000 }, (_, i) => ({
  id: `e${i}`,
  type: 'track',
  name: 'Viewed product',
  anonymousId: `d${i % 100}`,
  timestamp: 1_780_000_000_000 + i,
  properties: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((p) => [p, `${p}-${i % 50}`])),
}));

function createIndex(budgetBytes: number, loads: string[]): JourneyIndex {
  const index = new JourneyIndex(
    (property) => {
      loads.push(property);
      return events.map((e) => JSON.stringify(e.properties![property]));
    },
    { propertyBudgetBytes: budgetBytes },
  );
  for (const event of events) index.append(event);
  return index;
}

// A column of 2,000 touchpoints is 8 KiB of cells plus its 50 distinct values (~4.6 KiB).
const COLUMN = 8_192 + 50 * (2 * 5 + 64) + 1;

describe('property columns in a memory budget', () => {
  it("evicts the least recently used columns of earlier queries, never the running query's", () => {
    const loads: string[] = [];
    const index = createIndex(3 * COLUMN, loads);
    index.beginQuery();
    index.property('a');
    index.property('b');
    index.beginQuery();
    index.property('a'); // used again: now b is the least recent
    index.property('c');
    expect(index.propertyNames).toEqual(['b', 'a', 'c']);
    index.beginQuery();
    index.property('d');
    expect(index.propertyNames).toEqual(['a', 'c', 'd']);
    expect(index.propertyBytes).toBeLessThanOrEqual(3 * COLUMN);
    // An evicted column is rebuilt from the store when asked again, with the same cells.
    const before = Array.from(
      createIndex(3 * COLUMN, [])
        .property('b')
        .column.data.slice(0, 2_000),
    );
    index.beginQuery();
    expect(Array.from(index.property('b').column.data.slice(0, 2_000))).toEqual(before);
    expect(loads).toEqual(['a', 'b', 'c', 'd', 'b']);
  });

  it('refuses a query whose own columns exceed the budget, and keeps nothing of it', () => {
    const index = createIndex(2 * COLUMN, []);
    index.beginQuery();
    index.property('a');
    index.beginQuery();
    index.property('b');
    index.property('c');
    let refused: unknown;
    try {
      index.property('d');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(QueryBudgetError);
    expect((refused as Error).message).toMatch(/b, c, d.*property budget of 1 MiB.*fewer where keys/);
    expect(index.propertyNames).toEqual([]);
    expect(index.propertyBytes).toBe(0);
    // The next query starts afresh within the budget.
    index.beginQuery();
    index.property('d');
    expect(index.propertyNames).toEqual(['d']);
  });

  it('counts the distinct values a column holds, and the values that arrive later', () => {
    const index = createIndex(64 * COLUMN, []);
    index.beginQuery();
    const column = index.property('a');
    const bytes = index.propertyBytes;
    expect(bytes).toBeGreaterThan(8_192 + 50 * 10);
    index.append({ ...events[0]!, properties: { a: 'x'.repeat(1_000) } });
    expect(index.propertyBytes).toBeGreaterThanOrEqual(bytes + 2_000);
    expect(index.decodePropertyValue(column, column.column.data[2_000]!)).toBe('x'.repeat(1_000));
  });
});
