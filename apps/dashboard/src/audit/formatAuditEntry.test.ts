import { describe, expect, it } from 'vitest';
import { formatAuditActor, formatAuditDetail } from './formatAuditEntry.js';

describe('formatAuditActor', () => {
  it('shows a user by their email alone, other actors with their kind', () => {
    expect(formatAuditActor({ kind: 'user', id: 'usr_1', label: 'ann@example.com' })).toBe('ann@example.com');
    expect(formatAuditActor({ kind: 'key', id: 'key_1', label: 'nightly export' })).toBe(
      'nightly export (API key)',
    );
    expect(formatAuditActor({ kind: 'cli', label: 'parcours' })).toBe('parcours (command line)');
  });
});

describe('formatAuditDetail', () => {
  it('lists the facts in order, and nothing for none', () => {
    expect(formatAuditDetail({ from: 'viewer', to: 'analyst', emailed: false, n: null })).toBe(
      'from: viewer, to: analyst, emailed: false, n: —',
    );
    expect(formatAuditDetail({})).toBe('');
  });
});
