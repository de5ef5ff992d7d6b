import { describe, expect, it } from 'vitest';
import { createAuditParams, parseAuditFilter, toAuditQuery } from './parseAuditFilter.js';

describe('parseAuditFilter', () => {
  it('reads the filters, and round-trips through createAuditParams', () => {
    const params = { action: 'member.', actor: 'ann@example.com', from: '2025-03-01', to: '2025-03-31' };
    expect(parseAuditFilter(params)).toEqual(params);
    expect(createAuditParams(parseAuditFilter(params))).toEqual(params);
  });

  it('drops blank and malformed values', () => {
    expect(parseAuditFilter({ action: ' ', actor: '', from: 'yesterday', to: '2025-02-30' })).toEqual({});
    expect(createAuditParams({})).toEqual({});
  });
});

describe('toAuditQuery', () => {
  it('turns days into epoch bounds in the viewer’s time zone, the last day included', () => {
    const query = toAuditQuery({ from: '2025-03-01', to: '2025-03-02' });
    expect(query.from).toBe(new Date(2025, 2, 1).getTime());
    expect(query.to).toBe(new Date(2025, 2, 3).getTime() - 1);
  });

  it('sends only the filters that are set', () => {
    expect(toAuditQuery({})).toEqual({});
    expect(toAuditQuery({ action: 'key.' })).toEqual({ action: 'key.' });
  });

  it('ends a month’s last day at midnight of the next month', () => {
    expect(toAuditQuery({ to: '2024-12-31' }).to).toBe(new Date(2025, 0, 1).getTime() - 1);
  });
});
