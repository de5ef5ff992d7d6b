import { describe, expect, it } from 'vitest';
import {
  createConsentLogParams,
  describeConsentAction,
  parseConsentLogFilter,
  toConsentLogQuery,
} from './parseConsentLogFilter.js';

describe('parseConsentLogFilter', () => {
  it('reads every filter, and round-trips through createConsentLogParams', () => {
    const params = {
      search: 'anon-42',
      from: '2026-01-01',
      to: '2026-01-31',
      action: 'withdraw',
      version: '3',
    };
    expect(parseConsentLogFilter(params)).toEqual(params);
    expect(createConsentLogParams(parseConsentLogFilter(params))).toEqual(params);
  });

  it('drops blank, unknown and malformed values', () => {
    expect(
      parseConsentLogFilter({
        search: '  ',
        from: 'today',
        to: '2026-02-30',
        action: 'delete',
        version: 'a b',
      }),
    ).toEqual({});
    expect(parseConsentLogFilter({ version: 'x'.repeat(65) })).toEqual({});
    expect(createConsentLogParams({ search: ' ' })).toEqual({});
  });

  it('trims the search', () => {
    expect(parseConsentLogFilter({ search: ' user-7 ' })).toEqual({ search: 'user-7' });
  });
});

describe('toConsentLogQuery', () => {
  it('turns days into epoch bounds in the viewer’s time zone, the last day included', () => {
    const query = toConsentLogQuery({ from: '2026-03-01', to: '2026-03-02' });
    expect(query).toEqual({ from: new Date(2026, 2, 1).getTime(), to: new Date(2026, 2, 3).getTime() - 1 });
  });

  it('sends only the filters that are set, the version as policyVersion', () => {
    expect(toConsentLogQuery({})).toEqual({});
    expect(toConsentLogQuery({ search: 'anon-1', action: 'custom', version: '2' })).toEqual({
      search: 'anon-1',
      action: 'custom',
      policyVersion: 2,
    });
  });
});

describe('describeConsentAction', () => {
  it('names known actions and shows unknown ones as they are', () => {
    expect(describeConsentAction('refuse_all')).toBe('Refuse all');
    expect(describeConsentAction('gpc_default')).toBe('GPC default');
    expect(describeConsentAction('expiry')).toBe('expiry');
  });
});
