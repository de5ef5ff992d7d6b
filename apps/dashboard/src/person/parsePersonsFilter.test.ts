import { describe, expect, it } from 'vitest';
import {
  parsePersonsFilter,
  parsePropertyValue,
  toPersonsInput,
  toPersonsParams,
} from './parsePersonsFilter.js';

describe('persons list filters in the URL', () => {
  it('reads the filters, drops malformed ones, and writes them back without defaults', () => {
    const filter = parsePersonsFilter({
      q: ' u_4 ',
      channel: 'web',
      firstFrom: '2026-06-01',
      lastTo: 'yesterday',
      sort: 'nonsense',
      order: 'asc',
    });
    expect(filter).toEqual({
      q: 'u_4',
      channel: 'web',
      firstFrom: '2026-06-01',
      sort: 'lastSeen',
      order: 'asc',
    });
    expect(toPersonsParams(filter)).toEqual({
      q: 'u_4',
      channel: 'web',
      firstFrom: '2026-06-01',
      order: 'asc',
    });
  });

  it('turns days into whole UTC days and a property value into its JSON type', () => {
    const input = toPersonsInput('prj_1', {
      ...parsePersonsFilter({
        property: 'plan',
        value: 'pro',
        firstFrom: '2026-06-01',
        firstTo: '2026-06-02',
      }),
    });
    expect(input).toEqual({
      projectId: 'prj_1',
      sort: 'lastSeen',
      order: 'desc',
      property: { name: 'plan', value: 'pro' },
      firstSeen: { from: Date.UTC(2026, 5, 1), to: Date.UTC(2026, 5, 3) - 1 },
    });
    expect([parsePropertyValue('42'), parsePropertyValue('"42"'), parsePropertyValue('true')]).toEqual([
      42,
      '42',
      true,
    ]);
  });
});
