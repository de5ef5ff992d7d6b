import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPurgeSchedule } from './startPurgeSchedule.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const MONTH = 31 * 86_400_000;
let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-purge-schedule-'));
  store = openSqliteStore({ filename: join(dir, 's.db'), journeyEngine: 'inline' });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function projectWithEvents(name: string, ages: number[]) {
  const { projectId } = await store.createProject({ name });
  await store.insertEvents(
    projectId,
    ages.map((months, i) => ({
      id: `${name}-${i}`,
      type: 'track',
      name: 'home',
      anonymousId: `${name}-d${i}`,
      timestamp: NOW - months * MONTH,
    })),
  );
  return projectId;
}

describe('startPurgeSchedule', () => {
  it('purges every project at start, by the injected clock, each receipt in the audit log', async () => {
    const a = await projectWithEvents('a', [30, 1]);
    const b = await projectWithEvents('b', [26, 27, 2]);
    const schedule = startPurgeSchedule(store, { now: () => NOW, logError: () => {} });
    const receipts = await schedule.firstRun;
    schedule.stop();
    expect(receipts.map((r) => [r.purgedAt, r.tables.events])).toEqual([
      [NOW, 1],
      [NOW, 2],
    ]);
    expect(await store.countEvents(a)).toBe(1);
    expect(await store.countEvents(b)).toBe(1);
    const { entries } = await store.getAuditLog(b, { limit: 10 });
    expect(entries.map((e) => [e.action, e.actor.kind, e.detail.events])).toEqual([
      ['privacy.purged', 'system', 2],
    ]);
  });

  it('runs again on its interval, with the clock of the day', async () => {
    const a = await projectWithEvents('a', [20]);
    let now = NOW;
    const schedule = startPurgeSchedule(store, { now: () => now, intervalMs: 50, logError: () => {} });
    await schedule.firstRun;
    expect(await store.countEvents(a)).toBe(1);
    now += 6 * MONTH; // the event is now 26 months old
    for (let i = 0; i < 100 && (await store.countEvents(a)) > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    schedule.stop();
    expect(await store.countEvents(a)).toBe(0);
  }, 15_000);

  it('reports a failing project and goes on with the others', async () => {
    const a = await projectWithEvents('a', [30]);
    const errors: string[] = [];
    const failing = {
      ...store,
      purge: (projectId: string, now?: number) =>
        projectId === a ? Promise.reject(new Error('disk')) : store.purge(projectId, now),
    };
    const b = await projectWithEvents('b', [30]);
    const schedule = startPurgeSchedule(failing, {
      now: () => NOW,
      logError: (message) => errors.push(message),
    });
    const receipts = await schedule.firstRun;
    schedule.stop();
    expect(errors).toEqual([`retention purge of project ${a} failed`]);
    expect(receipts).toHaveLength(1);
    expect(await store.countEvents(b)).toBe(0);
  });
});
