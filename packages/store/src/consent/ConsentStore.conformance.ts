import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentConfigInput } from '@parcours/schema';
import type { Store } from '../Store.js';
import {
  INVALID_CURSOR,
  openConformanceStore,
  type ConformanceTarget,
} from '../testing/openConformanceStore.js';
import { createDefaultConsentConfig } from './defaultConsentConfig.js';

/**
 * Consent settings and the consent ledger as every engine must keep them
 * (`describeStoreConformance` runs this): published versions, the policy the collector
 * reads, the hash chain, the log and records a page at a time with opaque cursors.
 */
export function describeConsentStoreConformance(target: ConformanceTarget): void {
  describe(`ConsentStore conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;
    let seq = 0;
    const at = (minute: number) => Date.UTC(2026, 5, 1) + minute * 60_000;

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Consent' }));
    });
    afterEach(() => store.close());

    it('starts each project at version 1, the default, and publishes +1 each time, per project', async () => {
      const first = await store.getConsentConfig(projectId);
      expect(first).toMatchObject({ ...createDefaultConsentConfig('Consent'), policyVersion: 1 });
      expect(first.configHash).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.getConsentPolicy(projectId)).toEqual({
        policyVersion: 1,
        minimumPolicyVersion: null,
      });
      const edited: ConsentConfigInput = {
        ...createDefaultConsentConfig('Consent'),
        minimumPolicyVersion: 2,
      };
      const second = await store.publishConsentConfig(projectId, edited, { userId: 'usr_1', name: 'Dana' });
      expect(second.policyVersion).toBe(2);
      expect(second.configHash).not.toBe(first.configHash);
      const third = await store.publishConsentConfig(projectId, edited, { key: 'ci (sk_abcd)' });
      expect([third.policyVersion, third.configHash]).toEqual([3, second.configHash]);
      expect(await store.getConsentConfig(projectId)).toEqual({ ...edited, ...third });
      expect(await store.getConsentConfigVersion(projectId, 2)).toEqual({ ...edited, ...second });
      expect(await store.getConsentConfigVersion(projectId, 4)).toBeUndefined();
      expect(await store.getConsentPolicy(projectId)).toEqual({ policyVersion: 3, minimumPolicyVersion: 2 });
      const versions = await store.getConsentConfigVersions(projectId);
      expect(versions.map((v) => [v.policyVersion, v.configHash, v.publishedBy])).toEqual([
        [3, third.configHash, { key: 'ci (sk_abcd)' }],
        [2, second.configHash, { userId: 'usr_1', name: 'Dana' }],
        [1, first.configHash, null],
      ]);
      const other = await store.createProject({ name: 'Other' });
      expect((await store.getConsentPolicy(other.projectId)).policyVersion).toBe(1);
    });

    it('appends consent decisions to a ledger that verifies, newest first, with the server facts', async () => {
      const decision = (id: string, granted: ('analytics' | 'marketing')[], anonymousId?: string) => ({
        id,
        timestamp: at(1),
        granted,
        denied: granted.length === 2 ? [] : (['marketing'] as 'marketing'[]),
        policyVersion: '1',
        source: 'banner',
        path: '/p?q=1',
        ...(anonymousId !== undefined && { anonymousId }),
      });
      await store.insertConsentRecords(projectId, [decision('l1', ['analytics', 'marketing'], 'dev')], {
        origin: 'https://a.example',
        gpc: true,
      });
      await store.insertConsentRecords(projectId, [decision('l2', [], 'dev'), decision('l1', ['analytics'])]);
      expect(await store.verifyLedger(projectId)).toEqual({ ok: true, records: 2 });
      const log = await store.getConsentLog(projectId, { limit: 10 });
      expect(
        log.records.map((r) => [r.recordId, r.action, r.anonymousId, r.path, r.origin, r.gpc, r.verified]),
      ).toEqual([
        ['l2', 'refuse_all', null, '/p', null, false, true],
        ['l1', 'accept_all', 'dev', '/p', 'https://a.example', true, true],
      ]);
      expect(log.records[1]!.configHash).toBe((await store.getConsentConfig(projectId)).configHash);
      expect(await store.getLatestConsent(projectId, 'dev')).toEqual({
        action: 'accept_all',
        granted: ['analytics', 'marketing'],
        gpc: true,
      });
      const stats = await store.getConsentStats(projectId, { from: 0, to: Date.now() + 1 });
      expect(stats.totals).toEqual({ decisions: 2, acceptAll: 1, refuseAll: 1, custom: 0, gpcShare: 0.5 });
      await expect(store.getConsentLog(projectId, { limit: 1, cursor: 'nope' })).rejects.toMatchObject(
        INVALID_CURSOR,
      );
    });

    it('keeps consent records once each, newest first, a page at a time', async () => {
      const record = (id: string, granted: ('analytics' | 'marketing')[]) => ({
        id,
        timestamp: at(++seq),
        granted,
        denied: [],
        policyVersion: 'v1',
        source: 'banner',
        ...(granted.length > 0 && { anonymousId: 'device' }),
      });
      expect(
        await store.insertConsentRecords(projectId, [record('c1', ['analytics']), record('c2', [])]),
      ).toEqual({
        accepted: 2,
        duplicates: 0,
      });
      expect(
        await store.insertConsentRecords(projectId, [record('c2', []), record('c3', ['marketing'])]),
      ).toEqual({
        accepted: 1,
        duplicates: 1,
      });
      const first = await store.getConsentRecords(projectId, { limit: 2 });
      expect(first.records.map((r) => r.id)).toEqual(['c3', 'c2']);
      expect(first.records[1]).not.toHaveProperty('anonymousId');
      const second = await store.getConsentRecords(projectId, { limit: 2, cursor: first.nextCursor! });
      expect(second.records.map((r) => [r.id, r.granted, r.anonymousId])).toEqual([
        ['c1', ['analytics'], 'device'],
      ]);
      expect(second.nextCursor).toBeNull();
      // A cursor it never handed out is refused, not answered with an arbitrary page.
      const other = await store.createProject({ name: 'Other' });
      await expect(
        store.getConsentRecords(other.projectId, { limit: 2, cursor: first.nextCursor! }),
      ).rejects.toMatchObject(INVALID_CURSOR);
      expect(typeof first.nextCursor).toBe('string');
      for (const cursor of ['9999999', 'c1.OTk5OTk5OQ', `${first.nextCursor!}x`]) {
        await expect(store.getConsentRecords(projectId, { limit: 2, cursor })).rejects.toMatchObject(
          INVALID_CURSOR,
        );
      }
    });
  });
}
