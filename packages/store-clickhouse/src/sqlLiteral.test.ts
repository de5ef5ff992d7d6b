import { createClient } from '@clickhouse/client';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteDatabaseName, quoteInteger, quoteString } from './sqlLiteral.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';

describe('sqlLiteral', () => {
  it('refuses database names and numbers it cannot write safely', () => {
    expect(quoteDatabaseName('parcours_2')).toBe('parcours_2');
    for (const bad of ['', 'a-b', 'a;DROP', '1a', 'a b', 'x'.repeat(65)]) {
      expect(() => quoteDatabaseName(bad)).toThrow(/database name/);
    }
    expect(quoteInteger(-3)).toBe('-3');
    for (const bad of [1.5, Number.NaN, Infinity, 2 ** 60])
      expect(() => quoteInteger(bad)).toThrow(RangeError);
  });
});

describeWithClickHouse('quoteString on a real ClickHouse', (server) => {
  it('reads back every string exactly, hostile ones included', async () => {
    const client = createClient({ url: server().url });
    try {
      const hostile = ["'", "\\'", '\\', "'; DROP TABLE x; --", '\0', '\n\t\r', 'é€😀', "\\\\'\\"];
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 10 }),
          async (strings) => {
            const values = [...hostile, ...strings];
            const result = await client.query({
              query: `SELECT [${values.map(quoteString).join(', ')}] AS v`,
              format: 'JSONEachRow',
            });
            const [row] = await result.json<{ v: string[] }>();
            expect(row!.v).toEqual(values);
          },
        ),
        { numRuns: 30 },
      );
    } finally {
      await client.close();
    }
  });
});
