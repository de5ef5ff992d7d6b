import { describe, expect, it } from 'vitest';
import { summariseConsentDecisions } from './summariseConsentDecisions.js';

const decision = (iso: string, action: string) => ({
  receivedAt: Date.parse(iso),
  policyVersion: '1',
  locale: 'fr-FR',
  action,
  gpc: false,
});

describe('summariseConsentDecisions', () => {
  // 23:30 UTC on 28 March is 00:30 on the 29th in Paris; 22:30 UTC on the 29th, after the
  // change to +02:00, is 00:30 on the 30th.
  const rows = [
    decision('2026-03-28T22:30:00Z', 'accept_all'),
    decision('2026-03-28T23:30:00Z', 'refuse_all'),
    decision('2026-03-29T22:30:00Z', 'accept_all'),
  ];

  it('counts per day of the zone it is given, across the daylight-saving change', () => {
    const byDay = summariseConsentDecisions(rows, 'Europe/Paris').byDay.map((d) => [d.day, d.decisions]);
    expect(byDay).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 1],
      ['2026-03-30', 1],
    ]);
  });

  it('counts per UTC day by default', () => {
    const byDay = summariseConsentDecisions(rows).byDay.map((d) => [d.day, d.decisions]);
    expect(byDay).toEqual([
      ['2026-03-28', 2],
      ['2026-03-29', 1],
    ]);
  });
});
