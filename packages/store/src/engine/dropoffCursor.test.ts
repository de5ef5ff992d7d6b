import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../InvalidCursorError.js';
import { decodeDropoffCursor, encodeDropoffCursor } from './dropoffCursor.js';
import { getFunnelDropoffs } from './getFunnelDropoffs.js';
import { JourneyIndex } from './JourneyIndex.js';

const t0 = Date.UTC(2026, 0, 1);
const ev = (anonymousId: string, name: string, minute: number): Event => ({
  id: `${anonymousId}-${minute}`,
  type: 'track',
  name,
  anonymousId,
  timestamp: t0 + minute * 60_000,
});

describe('drop-off cursors', () => {
  it('decode back to the person id they were made from, whatever the id', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 128, unit: 'grapheme' }), (personId) => {
        expect(decodeDropoffCursor(encodeDropoffCursor(personId))).toBe(personId);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('tell garbage apart: no tag, not canonical base64url, not UTF-8, empty', () => {
    for (const garbage of [
      'anon-1',
      'd1.',
      'd1.***',
      'd1.YQ=',
      'd1.YR',
      'd2.YQ',
      `d1.${'_w'}`,
      'x'.repeat(256),
    ]) {
      expect(decodeDropoffCursor(garbage), garbage).toBeUndefined();
    }
    expect(decodeDropoffCursor('d1.YQ')).toBe('a');
  });

  it('page on from a cursor, and refuse a garbage cursor or one naming no device of the project', () => {
    const index = new JourneyIndex();
    for (const [i, id] of ['a1', 'a2', 'a3'].entries()) index.append(ev(id, 'Visited', i));
    const query = {
      steps: [{ name: 'Visited' }, { name: 'Bought' }],
      windowMs: 3_600_000,
      step: 2,
      limit: 2,
    };
    const first = getFunnelDropoffs(index, query);
    expect(first.persons.map((p) => p.personId)).toEqual(['a1', 'a2']);
    expect(first.nextCursor).not.toContain('a2');
    const second = getFunnelDropoffs(index, { ...query, cursor: first.nextCursor! });
    expect(second.persons.map((p) => p.personId)).toEqual(['a3']);
    expect(second.nextCursor).toBeNull();
    for (const cursor of ['a2', 'garbage', encodeDropoffCursor('nobody')]) {
      expect(() => getFunnelDropoffs(index, { ...query, cursor }), cursor).toThrow(InvalidCursorError);
    }
  });
});
