import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@parcours/schema';
import { MAX_QUERY_PROPERTIES, openSqliteStore } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARCOURS_BIN } from './support/paths.js';
import { startServerProcess, type ServerProcess } from './support/startServerProcess.js';

// Issue 13's acceptance: while the costliest funnel allowed runs on 1M events (its
// index and every property column built from cold), collect requests and static
// files are answered in under 250 ms, measured in the same test.
const EVENTS = 1_000_000;
const T0 = Date.UTC(2026, 0, 1);
const NAMES = ['Visited', 'Viewed product', 'Added to cart', 'Purchased'];

let dir: string;
let server: ServerProcess;
let project: { projectId: string; writeKey: string; secretKey: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-heavy-'));
  const db = join(dir, 'heavy.db');
  project = JSON.parse(
    execFileSync(process.execPath, [PARCOURS_BIN, 'project', 'create', '--name', 'Heavy', '--db', db], {
      encoding: 'utf8',
    }),
  ) as typeof project;
  const store = openSqliteStore({ filename: db });
  for (let start = 0; start < EVENTS; start += 5_000) {
    const batch: Event[] = [];
    for (let i = start; i < start + 5_000; i++) {
      batch.push({
        id: `h${i}`,
        type: 'track',
        name: NAMES[i % 4]!,
        anonymousId: `device-${Math.floor(i / 4)}`,
        timestamp: T0 + i * 1_000,
        channel: i % 3 === 0 ? 'ads' : 'email',
        properties: { plan: i % 2 === 0 ? 'pro' : 'free', price: i % 100 },
      });
    }
    await store.insertEvents(project.projectId, batch);
  }
  await store.close();
  server = await startServerProcess(db);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function timed(request: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await request();
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

describe('a heavy journey query', () => {
  it('never delays collect or static files', async () => {
    // Every property is new to the index: each is a full column to build.
    const where = Object.fromEntries(
      Array.from({ length: MAX_QUERY_PROPERTIES - 1 }, (_, i) => [`never-seen-${i}`, 'x']),
    );
    const input = {
      projectId: project.projectId,
      steps: [{ name: 'Visited', where }, { name: 'Viewed product' }, { name: 'Purchased' }],
      windowMs: 86_400_000,
      breakdown: 'never-seen-breakdown',
    };
    const post = (batch: object[]) =>
      fetch(`${server.origin}/trpc/collect`, {
        method: 'POST',
        body: JSON.stringify({ writeKey: project.writeKey, batch }),
      });
    // The process's very first request loads and compiles the collector's code: not the query's doing.
    expect(
      (
        await post([
          { id: 'first', type: 'track', name: 'Visited', anonymousId: 'first', timestamp: Date.now() },
        ])
      ).status,
    ).toBe(200);
    const url = `${server.origin}/trpc/journeys.funnel?input=${encodeURIComponent(JSON.stringify(input))}`;
    let funnel: { status: number; ms: number; busyAnswers: number } | undefined;
    const started = performance.now();
    // Busy answers (503 "warming up" while the index builds) carry Retry-After: the
    // client waits as told and asks again, as the dashboard does.
    const heavy = (async () => {
      for (let busyAnswers = 0; ; busyAnswers++) {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${project.secretKey}` } });
        await response.arrayBuffer();
        const retryAfter = response.headers.get('retry-after');
        if (response.status !== 503 || retryAfter === null || performance.now() - started > 90_000) {
          funnel = { status: response.status, ms: performance.now() - started, busyAnswers };
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Number(retryAfter) * 1_000));
      }
    })();

    const collects: number[] = [];
    const statics: number[] = [];
    let n = 0;
    while (funnel === undefined && performance.now() - started < 90_000) {
      const batch = Array.from({ length: 10 }, (_, k) => ({
        id: `live-${n}-${k}`,
        type: 'track',
        name: 'Visited',
        anonymousId: `live-${n}`,
        timestamp: Date.now(),
      }));
      const collect = await timed(() => post(batch));
      expect(collect.status).toBe(200);
      collects.push(collect.ms);
      if (n++ % 5 === 0) {
        const page = await timed(() => fetch(`${server.origin}/`));
        expect(page.status).toBe(200);
        statics.push(page.ms);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await heavy;
    const slowest = (ms: number[]) => Math.round(Math.max(...ms));
    console.log(
      `heavy funnel: ${funnel?.status} after ${Math.round(funnel?.ms ?? 0)} ms (${funnel?.busyAnswers} busy answers before); ${collects.length} collects, slowest ${slowest(collects)} ms; ${statics.length} static files, slowest ${slowest(statics)} ms`,
    );
    expect(funnel?.status).toBe(200);
    // Enough samples to say something about the time the query ran.
    expect(collects.length).toBeGreaterThanOrEqual(10);
    expect(slowest(collects)).toBeLessThan(250);
    expect(slowest(statics)).toBeLessThan(250);
  }, 120_000);
});
