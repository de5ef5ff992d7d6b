import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, HOST } from '../testing/createCollector.js';
import { createTestPlatform } from '../testing/createTestPlatform.js';
import { createMemoryStorage } from '../platforms/createMemoryStorage.js';
import { CONSENT_KEY, createTracker } from './createTracker.js';
import type { RecordFields } from './types.js';

// Issue 8: what the consent banner needs from the SDK.
const collector = createCollector();
beforeAll(() => collector.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  collector.server.resetHandlers();
  collector.reset();
});
afterAll(() => collector.server.close());

const HASH = 'a'.repeat(64);
const fields = (policyVersion: string, extra: Partial<RecordFields> = {}): RecordFields => ({
  action: 'accept_all',
  locale: 'fr',
  path: '/shop',
  gpc: false,
  configHash: HASH,
  policyVersion,
  ...extra,
});

/** A tracker on a platform whose storage survives from one "page" to the next. */
const visit = (storage = createMemoryStorage(), gpc?: boolean) => {
  const test = createTestPlatform({ storage, gpc });
  const tracker = createTracker({ writeKey: collector.writeKey, host: HOST, autoPage: true }, test.platform);
  return { tracker, ...test };
};
const collects = () => collector.arrivals.filter((a) => a.path === 'collect');
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a decision made under a published config', () => {
  it('sends the record fields and, with every batch, the version as a number', async () => {
    const { tracker } = visit();
    tracker.consent.grant(['analytics'], 'banner', fields('3'));
    tracker.track('Added to cart');
    await tracker.flush();
    expect(collector.records()[0]).toMatchObject({
      ...fields('3'),
      source: 'banner',
      granted: ['analytics'],
    });
    expect(collects().length).toBeGreaterThan(0);
    for (const { body } of collects()) expect(body.policyVersion).toBe(3);
  });

  it('keeps a plain source string working, with no version in batches', async () => {
    const { tracker } = visit();
    tracker.consent.grant(['analytics'], 'api');
    tracker.track('x');
    await tracker.flush();
    expect(collector.records()[0]).toMatchObject({ source: 'api', policyVersion: '1' });
    expect(collects()[0]!.body.policyVersion).toBeUndefined();
  });

  it('holds every send on the next page until review, and not even the exit beacon leaves', async () => {
    const first = visit();
    first.tracker.consent.grant(['analytics'], 'banner', fields('3'));
    await first.tracker.flush();
    collector.reset();
    const next = visit(first.storage);
    next.tracker.track('Meanwhile');
    await next.tracker.flush();
    next.hide();
    await wait(30);
    expect(collector.arrivals).toEqual([]);
    expect(next.exits).toEqual([]);
    expect(next.tracker.consent.review(3, Date.now() - 60_000)).toBe(true);
    await next.tracker.flush();
    expect(collects().flatMap((a) => a.body.batch!.map((e) => e.name))).toEqual(['/', 'Meanwhile']);
    expect(collects()[0]!.body.policyVersion).toBe(3);
  });

  it('on a stale review (older version, or older than the period), drops what waited, writes nothing, and sends only after a new choice', async () => {
    for (const [version, since] of [
      [4, 0],
      [3, Date.now() + 60_000],
    ] as const) {
      const first = visit();
      first.tracker.consent.grant(['analytics'], 'banner', fields('3'));
      await first.tracker.flush();
      collector.reset();
      const storedBefore = new Map(first.storage.data);
      const next = visit(first.storage);
      next.tracker.track('Meanwhile');
      expect(next.tracker.consent.review(version, since)).toBe(false);
      expect(next.tracker.consent.get()).toEqual([]);
      next.tracker.track('Still undecided');
      await next.tracker.flush();
      await wait(30);
      expect(collector.arrivals).toEqual([]);
      expect(next.storage.data.get(CONSENT_KEY)).toBe(storedBefore.get(CONSENT_KEY));
      next.tracker.consent.grant(['analytics'], 'banner', fields(String(version), { action: 'accept_all' }));
      next.tracker.track('After');
      await next.tracker.flush();
      expect(collects().flatMap((a) => a.body.batch!.map((e) => e.name))).toEqual(['After']);
      expect(collects()[0]!.body.policyVersion).toBe(version);
      collector.reset();
    }
  });

  it('with no stored decision, review answers false and nothing changes', () => {
    const { tracker } = visit();
    expect(tracker.consent.review(1, 0)).toBe(false);
    expect(tracker.consent.get()).toEqual([]);
  });

  it('with GPC, keeps marketing refused, unless a grant made knowing the signal (gpc: true) asks for it, across pages', async () => {
    const storage = createMemoryStorage();
    const { tracker } = visit(storage, true);
    tracker.consent.grant(['analytics', 'marketing']);
    expect(tracker.consent.get()).toEqual(['analytics']);
    tracker.consent.grant(['marketing'], 'banner', fields('2', { action: 'custom', gpc: true }));
    expect(tracker.consent.get()).toEqual(['analytics', 'marketing']);
    await tracker.flush();
    const next = visit(storage, true);
    expect(next.tracker.consent.review(2, 0)).toBe(true);
    expect(next.tracker.consent.get()).toEqual(['analytics', 'marketing']);
  });
});
