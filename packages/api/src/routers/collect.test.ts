import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaller } from '../appRouter.js';

let dir: string;
let store: Store;
let project: CreatedProject;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-collect-'));
  store = openSqliteStore({ filename: join(dir, 'collect.db') });
  project = await store.createProject({ name: 'Shop' });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = Date.UTC(2026, 2, 1);
let seq = 0;
/** One event of each category, the first without one (analytics by default). */
const mixedBatch = (): Event[] =>
  [undefined, 'analytics', 'marketing', 'personalization'].map((category) => ({
    id: `m${++seq}`,
    type: 'track',
    name: category ?? 'uncategorised',
    anonymousId: 'device',
    timestamp: at + seq,
    ...(category && { category: category as Event['category'] }),
  }));

const collectWith = (authorization?: string) => createCaller({ store, authorization }).collect;
const storedNames = async () =>
  (await store.getPersonTimeline(project.projectId, { anonymousId: 'device' }))?.events.map((e) => e.name) ??
  [];

async function codeOf(promise: Promise<unknown>): Promise<[string, string]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return [error.code, error.message];
}

describe('collect: consent the server can stand behind', () => {
  it('with the write key alone, a batch without a consent list stores only analytics events', async () => {
    const result = await collectWith()({ writeKey: project.writeKey, batch: mixedBatch() });
    expect(result).toEqual({ accepted: 2, duplicates: 0, refused: 2 });
    expect(await storedNames()).toEqual(['uncategorised', 'analytics']);
  });

  it('with the write key alone, a batch with a list stores exactly the categories it grants', async () => {
    const collect = collectWith();
    const batch = mixedBatch();
    expect(await collect({ writeKey: project.writeKey, batch, consent: ['marketing'] })).toEqual({
      accepted: 1,
      duplicates: 0,
      refused: 3,
    });
    expect(await storedNames()).toEqual(['marketing']);
    // The write key in the Authorization header changes nothing: it is public.
    const again = await collectWith(`Bearer ${project.writeKey}`)({
      writeKey: project.writeKey,
      batch: mixedBatch(),
    });
    expect(again).toMatchObject({ accepted: 2, refused: 2 });
  });

  it('with an ingest key of the project, a batch without a list stores every category; a list still applies', async () => {
    const ingest = await store.createSecretKey(project.projectId, { scope: 'ingest', label: 'CRM' });
    const collect = collectWith(`Bearer ${ingest.key}`);
    expect(await collect({ writeKey: project.writeKey, batch: mixedBatch() })).toEqual({
      accepted: 4,
      duplicates: 0,
    });
    expect(
      await collect({ writeKey: project.writeKey, batch: mixedBatch(), consent: ['analytics'] }),
    ).toEqual({
      accepted: 2,
      duplicates: 0,
      refused: 2,
    });
    expect((await storedNames()).filter((name) => name === 'marketing')).toHaveLength(1);
  });

  it('refuses a secret key of another scope or project, or an unknown one, and stores nothing', async () => {
    const read = await store.createSecretKey(project.projectId, { scope: 'read', label: 'BI' });
    const other = await store.createProject({ name: 'Other' });
    const foreign = await store.createSecretKey(other.projectId, { scope: 'ingest', label: 'CRM' });
    const body = () => ({ writeKey: project.writeKey, batch: mixedBatch() });
    expect(await codeOf(collectWith(`Bearer ${read.key}`)(body()))).toEqual([
      'FORBIDDEN',
      'A key with scope read cannot send touchpoints (collect): use a key with scope ingest',
    ]);
    expect((await codeOf(collectWith(`Bearer ${project.secretKey}`)(body())))[0]).toBe('FORBIDDEN');
    expect(await codeOf(collectWith(`Bearer ${foreign.key}`)(body()))).toEqual([
      'FORBIDDEN',
      'The secret key (Authorization header) belongs to another project than the write key',
    ]);
    expect((await codeOf(collectWith('Bearer sk_unknown')(body())))[0]).toBe('UNAUTHORIZED');
    expect(await store.countEvents(project.projectId)).toBe(0);
  });

  it('states the event limit in its 413', async () => {
    const batch = Array.from({ length: 501 }, (_, i) => ({ ...mixedBatch()[0]!, id: `big${i}` }));
    const [code, message] = await codeOf(collectWith()({ writeKey: project.writeKey, batch }));
    expect(code).toBe('PAYLOAD_TOO_LARGE');
    expect(message).toMatch(/^batch: 501 events, and a batch holds at most 500 events/);
  });
});
