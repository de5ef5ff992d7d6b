import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaller } from '../appRouter.js';
import { createApiServices } from '../auth/createApiServices.js';
import type { ApiServices, Context } from '../context.js';
import { LiveFeed } from '../live/LiveFeed.js';
import { LIVE_TOUCHPOINTS_LIMIT } from './live.js';

// Issue 12: live data through subscriptions, authorised like queries, on a real SQLite file.
let dir: string;
let store: Store;
let project: CreatedProject;
let services: ApiServices;
let controller: AbortController;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-live-'));
  store = openSqliteStore({ filename: join(dir, 'live.db') });
  project = await store.createProject({ name: 'Shop' });
  // A short interval keeps the test quick; the server's is 1 s.
  services = { ...createApiServices(), liveFeed: new LiveFeed(100) };
  controller = new AbortController();
});
afterEach(async () => {
  controller.abort();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
const touchpoint = (patch: Partial<Event> = {}): Event => ({
  id: `t${++seq}`,
  type: 'track',
  name: 'Viewed product',
  anonymousId: 'device-1',
  timestamp: Date.now(),
  ...patch,
});

const callerWith = (context: Partial<Context>) => createCaller({ store, services, ...context });
const collect = (batch: Event[], writeKey = project.writeKey) => callerWith({}).collect({ writeKey, batch });

/** The next value of an async iterator, or a failure naming what did not come in time. */
async function next<T>(iterator: AsyncIterator<T>, what: string, ms = 2_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  try {
    const result = await Promise.race([iterator.next(), timeout]);
    if (result.done) throw new Error(`the stream ended before ${what}`);
    return result.value;
  } finally {
    clearTimeout(timer);
  }
}

async function signInAs(role: 'viewer' | 'privacy') {
  const user = await store.createUser({ email: `${role}@example.com`, name: role, passwordHash: 'x' });
  await store.setMember(project.projectId, user.userId, role);
  return { user, sessionToken: (await store.createSession(user.userId)).token };
}

describe('live.touchpoints', () => {
  it('lists the latest touchpoints at once, then again when a batch is committed, newest first', async () => {
    await collect([touchpoint({ name: 'Old' })]);
    const caller = callerWith({ authorization: `Bearer ${project.secretKey}` });
    const stream = (await caller.live.touchpoints({ projectId: project.projectId }))[Symbol.asyncIterator]();
    const first = await next(stream, 'the first list');
    expect(first.touchpoints.map((t) => t.name)).toEqual(['Old']);

    await collect([
      touchpoint({ name: 'Added to cart', properties: { sku: 'X2' } }),
      touchpoint({ name: 'Paid' }),
    ]);
    const second = await next(stream, 'the list after a collect');
    expect(second.touchpoints.map((t) => t.name)).toEqual(['Paid', 'Added to cart', 'Old']);
    expect(second.touchpoints[1]).toMatchObject({ anonymousId: 'device-1', properties: { sku: 'X2' } });
  });

  it(`keeps the last ${LIVE_TOUCHPOINTS_LIMIT}, and drops an erased person at the next push`, async () => {
    await collect(Array.from({ length: 120 }, (_, i) => touchpoint({ name: `T${i}`, anonymousId: 'many' })));
    const caller = callerWith({ authorization: `Bearer ${project.secretKey}` });
    const stream = (await caller.live.touchpoints({ projectId: project.projectId }))[Symbol.asyncIterator]();
    const { touchpoints } = await next(stream, 'the first list');
    expect(touchpoints).toHaveLength(LIVE_TOUCHPOINTS_LIMIT);
    expect(touchpoints[0]!.name).toBe('T119');
    expect(touchpoints.at(-1)!.name).toBe('T20');

    await store.erasePerson(project.projectId, { anonymousId: 'many' });
    await collect([touchpoint({ name: 'After erasure', anonymousId: 'someone-else' })]);
    const after = await next(stream, 'the list after the erasure');
    expect(after.touchpoints.map((t) => t.name)).toEqual(['After erasure']);
  });

  it('is refused to the privacy role and to another project, as the permission table says', async () => {
    const { sessionToken } = await signInAs('privacy');
    await expect(
      callerWith({ sessionToken }).live.touchpoints({ projectId: project.projectId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await store.createProject({ name: 'Other' });
    await expect(
      callerWith({ authorization: `Bearer ${other.secretKey}` }).live.touchpoints({
        projectId: project.projectId,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(callerWith({}).live.changes({ projectId: project.projectId })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('live.changes', () => {
  it("pushes when the project's touchpoints are stored, not another project's, nor duplicates", async () => {
    const { sessionToken } = await signInAs('viewer');
    const stream = (await callerWith({ sessionToken }).live.changes({ projectId: project.projectId }))[
      Symbol.asyncIterator
    ]();
    const pending = next(stream, 'a push', 1_500);
    const other = await store.createProject({ name: 'Other' });
    await collect([touchpoint()], other.writeKey);
    const batch = [touchpoint()];
    await collect(batch);
    const before = Date.now();
    expect((await pending).at).toBeGreaterThanOrEqual(before - 50);
    // A replayed batch stores nothing new: no push.
    await collect(batch);
    await expect(next(stream, 'a push after a duplicate', 400)).rejects.toThrow(
      /no a push after a duplicate/,
    );
  });

  it('ends with the error of the table once the member has lost the project', async () => {
    const { user, sessionToken } = await signInAs('viewer');
    const stream = (await callerWith({ sessionToken }).live.changes({ projectId: project.projectId }))[
      Symbol.asyncIterator
    ]();
    const pending = next(stream, 'a push while a member');
    await collect([touchpoint()]);
    await pending;
    await store.removeMember(project.projectId, user.userId);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await collect([touchpoint()]);
    await expect(next(stream, 'a push after removal')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
