import { createDefaultConsentConfig, DEFAULT_RETENTION, type StoredDataFacts } from '@parcours/store';
import { describe, expect, it } from 'vitest';
import { buildRegister, type RegisterSources } from './buildRegister.js';
import { renderRegisterHtml } from './renderRegisterHtml.js';

const facts: StoredDataFacts = {
  tables: [
    {
      table: 'events',
      columns: ['seq', 'anonymous_id', 'a_new_column'],
      personIdColumns: ['anonymous_id'],
      rows: 3,
    },
    { table: 'consent_records', columns: ['seq', 'granted'], personIdColumns: ['anonymous_id'], rows: 1 },
    { table: 'some_new_table', columns: ['user_id'], personIdColumns: ['user_id'], rows: 0 },
  ],
  propertyNames: ['<script>alert(1)</script>'],
  contextNames: ['url'],
  namesTruncated: false,
  secureDelete: false,
  journalMode: 'wal',
  appendOnlyTables: ['audit_log'],
};
const empty = { name: '', email: '', phone: '', address: '' };
const sources = (change: Partial<RegisterSources> = {}): RegisterSources => ({
  project: { projectId: 'prj_1', name: 'Shop', writeKey: 'wk', createdAt: 0, timeZone: 'UTC' },
  contacts: { controller: empty, dpo: empty, recipients: [], updatedAt: null },
  consentConfig: {
    ...createDefaultConsentConfig('Shop SAS'),
    policyVersion: 2,
    configHash: 'h',
    publishedAt: 0,
  },
  facts,
  retention: DEFAULT_RETENTION,
  consentLifetimeMonths: 13,
  ledger: { ok: false, records: 4, firstBroken: { seq: 3, recordId: 'r3', reason: 'hash' } },
  runtime: { passwordHashing: 'scrypt' },
  now: Date.UTC(2026, 11, 3),
  ...change,
});

describe('buildRegister', () => {
  it('lists a column or table nobody described yet, so the live schema is never hidden', () => {
    const register = buildRegister(sources());
    const events = register.dataCategories[0]!;
    expect(events.columns).toContainEqual({ column: 'a_new_column', holds: 'other (not yet described)' });
    expect(register.dataCategories[2]).toMatchObject({
      table: 'some_new_table',
      description: 'some_new_table',
    });
    expect(register.dataCategories[2]!.retention).toMatch(/not covered by the retention settings/);
  });

  it('says plainly when a measure is not in force', () => {
    const details = buildRegister(sources()).securityMeasures.map((m) => m.detail);
    expect(details).toContain('SQLite secure_delete is OFF on this connection');
    expect(details).toContain('Hash chain: 4 records, broken at record 3');
    // Not told the CSP or the transport: claims neither.
    const names = buildRegister(sources()).securityMeasures.map((m) => m.measure);
    expect(names).not.toContain('Content-Security-Policy');
    expect(names).not.toContain('Transport encryption');
  });

  it('takes retention per category from the settings it is given', () => {
    const retention = { eventsMonths: 6, ledgerProofYears: 2, withdrawalErases: true };
    const register = buildRegister(sources({ retention }));
    expect(register.dataCategories[0]!.retention).toMatch(/^Deleted 6 calendar months/);
    expect(register.dataCategories[1]!.retention).toMatch(/^Kept 2 years .* lasts 13 months/);
  });

  it('treats recipients outside the EEA (any case, trimmed) as transfers', () => {
    const recipients = [
      { name: 'A', purpose: '', country: ' fr ', safeguard: '' },
      { name: 'B', purpose: '', country: 'US', safeguard: 'SCCs' },
      { name: 'C', purpose: '', country: '', safeguard: '' },
    ];
    const register = buildRegister(
      sources({ contacts: { controller: empty, dpo: empty, recipients, updatedAt: 1 } }),
    );
    expect(register.transfers.map((r) => r.name)).toEqual(['B']);
    expect(register.controller.name).toBe('Shop SAS');
  });
});

describe('renderRegisterHtml', () => {
  it('escapes names that came from collected events and keeps the document script-free', () => {
    const html = renderRegisterHtml(buildRegister(sources()));
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<dt>Events</dt><dd>25 months</dd>');
  });
});
