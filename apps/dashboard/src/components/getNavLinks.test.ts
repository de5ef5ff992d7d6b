import { describe, expect, it } from 'vitest';
import { getNavLinks } from './getNavLinks.js';

const overview = { path: 'overview', title: 'Overview' };
const audit = { path: 'audit', title: 'Audit log' };
const members = { path: 'settings/members', title: 'Members', section: 'settings' as const };
const keys = { path: 'settings/keys', title: 'API keys', section: 'settings' as const };

describe('getNavLinks', () => {
  it('links each page within the project, the current one marked', () => {
    expect(getNavLinks('prj_1', [overview, audit], audit)).toEqual([
      { href: '#/p/prj_1/overview', title: 'Overview', isCurrent: false },
      { href: '#/p/prj_1/audit', title: 'Audit log', isCurrent: true },
    ]);
  });

  it('gathers the settings pages under one link to the first, current on any of them', () => {
    expect(getNavLinks('prj_1', [overview, members, keys], keys)).toEqual([
      { href: '#/p/prj_1/overview', title: 'Overview', isCurrent: false },
      { href: '#/p/prj_1/settings/members', title: 'Settings', isCurrent: true },
    ]);
  });

  it('gathers the privacy pages the same way, apart from the settings', () => {
    const consent = { path: 'consent', title: 'Consent settings', section: 'privacy' as const };
    const log = { path: 'consent/log', title: 'Consent log', section: 'privacy' as const };
    expect(getNavLinks('prj_1', [consent, log, audit, members], log)).toEqual([
      { href: '#/p/prj_1/consent', title: 'Privacy', isCurrent: true },
      { href: '#/p/prj_1/audit', title: 'Audit log', isCurrent: false },
      { href: '#/p/prj_1/settings/members', title: 'Settings', isCurrent: false },
    ]);
  });

  it('has no settings link for a role with no settings page', () => {
    expect(getNavLinks('prj_1', [overview], undefined).map((link) => link.title)).toEqual(['Overview']);
  });
});
