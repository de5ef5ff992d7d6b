import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../Store.js';
import { openSqliteStore } from '../openSqliteStore.js';

/** The .db and -wal bytes, latin1 (one char a byte). */
const readFiles = (file: string) =>
  [file, `${file}-wal`]
    .map((f) => {
      try {
        return readFileSync(f).toString('latin1');
      } catch {
        return '';
      }
    })
    .join('');

describe('data-subject requests in the SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-requests-'));
  const file = join(dir, 'requests.db');
  let store: Store;
  let projectId: string;
  let otherId: string;
  beforeAll(async () => {
    store = openSqliteStore({ filename: file, journeyEngine: 'inline' });
    projectId = (await store.createProject({ name: 'Shop' })).projectId;
    otherId = (await store.createProject({ name: 'Other' })).projectId;
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a request with its due date, lists open ones by deadline, keeps projects apart', async () => {
    const late = await store.createPrivacyRequest(projectId, { kind: 'access', receivedOn: '2026-03-31' });
    const early = await store.createPrivacyRequest(projectId, {
      kind: 'portability',
      receivedOn: '2026-01-31',
      requesterName: 'Ines',
      requesterEmail: 'ines@example.test',
      userId: 'ines-42',
      anonymousIds: ['dev-1', 'dev-2'],
      assigneeId: 'usr_officer',
    });
    expect(early).toMatchObject({
      requestId: expect.stringMatching(/^req_/),
      dueOn: '2026-02-28',
      extendedDueOn: null,
      status: 'received',
      verification: 'pending',
      anonymousIds: ['dev-1', 'dev-2'],
      assigneeId: 'usr_officer',
      outcome: null,
      closedAt: null,
    });
    expect(late.dueOn).toBe('2026-04-30');
    expect((await store.listPrivacyRequests(projectId)).map((r) => r.requestId)).toEqual([
      early.requestId,
      late.requestId,
    ]);
    expect(await store.listPrivacyRequests(otherId)).toEqual([]);
    expect(await store.getPrivacyRequest(otherId, early.requestId)).toBeUndefined();
  });

  it('applies changes: extension (two months after the due date), assignee cleared, closing stamps closedAt', async () => {
    const request = await store.createPrivacyRequest(projectId, { kind: 'access', receivedOn: '2026-01-31' });
    const extended = await store.updatePrivacyRequest(projectId, request.requestId, {
      extensionReason: 'many systems to search',
      verification: 'verified',
      assigneeId: 'usr_a',
    });
    expect(extended).toMatchObject({
      extendedDueOn: '2026-04-28',
      extensionReason: 'many systems to search',
      verification: 'verified',
      status: 'received',
      assigneeId: 'usr_a',
    });
    const cleared = await store.updatePrivacyRequest(projectId, request.requestId, { assigneeId: null });
    expect(cleared?.assigneeId).toBeNull();
    expect(cleared?.extendedDueOn).toBe('2026-04-28');
    const outcome = { kind: 'note' as const, note: 'nothing held' };
    const done = await store.updatePrivacyRequest(projectId, request.requestId, { status: 'done', outcome });
    expect(done).toMatchObject({ status: 'done', outcome });
    expect(typeof done?.closedAt).toBe('number');
    // Closed requests come after the open ones.
    expect((await store.listPrivacyRequests(projectId)).at(-1)?.requestId).toBe(request.requestId);
    expect(await store.updatePrivacyRequest(projectId, 'req_nope', { status: 'done' })).toBeUndefined();
  });

  it('an erasure of the person keeps their request as proof, without who asked or their ids, in the file too', async () => {
    const email = 'zoe-request-7f3a@example.test';
    const name = 'Zoe Requester-91c2';
    const device = 'zoe-device-5b8e0d';
    await store.insertEvents(projectId, [
      { id: 'z1', type: 'page', name: 'home', anonymousId: device, timestamp: Date.UTC(2026, 0, 2) },
    ]);
    const request = await store.createPrivacyRequest(projectId, {
      kind: 'erasure',
      receivedOn: '2026-02-01',
      requesterName: name,
      requesterEmail: email,
      anonymousIds: [device],
    });
    const exported = await store.exportPerson(projectId, { anonymousId: device });
    expect(exported?.tables.privacy_requests?.map((r) => r.public_id)).toEqual([request.requestId]);
    expect(readFiles(file)).toContain(email);

    const receipt = await store.erasePerson(projectId, { anonymousId: device });
    expect(receipt.tables).toMatchObject({ events: 1, privacy_requests: 1 });
    const kept = await store.getPrivacyRequest(projectId, request.requestId);
    expect(kept).toMatchObject({
      kind: 'erasure',
      receivedOn: '2026-02-01',
      dueOn: '2026-03-01',
      requesterName: null,
      requesterEmail: null,
      userId: null,
      anonymousIds: [],
    });
    const bytes = readFiles(file);
    for (const trace of [email, name, device]) expect(bytes.includes(trace), trace).toBe(false);
    expect(await store.exportPerson(projectId, { anonymousId: device })).toBeUndefined();
  });
});
