import { describe, expect, it } from 'vitest';
import { can } from './can.js';

describe('can', () => {
  it('lets owners do everything', () => {
    for (const permission of [
      'readJourneys',
      'readPersons',
      'listDropoffs',
      'editJourneyMap',
      'share',
      'readConsent',
      'readAudit',
      'manageProject',
    ] as const)
      expect(can('owner', permission), permission).toBe(true);
  });

  it('gives analysts the journeys, the map editor and sharing, not the settings or the audit log', () => {
    expect(can('analyst', 'readJourneys')).toBe(true);
    expect(can('analyst', 'editJourneyMap')).toBe(true);
    expect(can('analyst', 'share')).toBe(true);
    expect(can('analyst', 'manageProject')).toBe(false);
    expect(can('analyst', 'readAudit')).toBe(false);
    expect(can('analyst', 'readConsent')).toBe(false);
  });

  it('keeps viewers read-only', () => {
    expect(can('viewer', 'readJourneys')).toBe(true);
    expect(can('viewer', 'editJourneyMap')).toBe(false);
    expect(can('viewer', 'share')).toBe(false);
  });

  it('gives privacy officers persons, consent proof and the audit log, not the journeys', () => {
    expect(can('privacy', 'readPersons')).toBe(true);
    expect(can('privacy', 'readConsent')).toBe(true);
    expect(can('privacy', 'readAudit')).toBe(true);
    expect(can('privacy', 'readJourneys')).toBe(false);
    expect(can('privacy', 'listDropoffs')).toBe(false);
  });
});
