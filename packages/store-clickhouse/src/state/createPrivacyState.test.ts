import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type PrivacyRequest, type Store } from '@parcours/store';
import { expect, it } from 'vitest';
import { openClickHouseStore } from '../openClickHouseStore.js';
import { describeWithClickHouse } from '../testing/describeWithClickHouse.js';

/** What a request looks like without what differs by construction (ids, clock times). */
const comparable = ({ requestId: _, createdAt, updatedAt, closedAt, ...rest }: PrivacyRequest) => ({
  ...rest,
  closed: closedAt !== null,
  updatedAfterCreation: updatedAt >= createdAt,
});

/** The same privacy officer's session on a store: what it answers, step by step. */
async function runSession(store: Store) {
  const { projectId } = await store.createProject({ name: 'Privacy' });
  const answers: unknown[] = [await store.getRetention(projectId)];
  answers.push(await store.setRetention(projectId, { eventsMonths: 13 }));
  answers.push(await store.setRetention(projectId, { withdrawalErases: false, ledgerProofYears: 3 }));
  for (const bad of [{ eventsMonths: 0 }, { eventsMonths: 26 }, { ledgerProofYears: 2.5 }]) {
    answers.push(
      await store.setRetention(projectId, bad).catch((error: Error) => `${error.name}: ${error.message}`),
    );
  }
  answers.push(await store.getRetention(projectId));

  const late = await store.createPrivacyRequest(projectId, {
    kind: 'erasure',
    receivedOn: '2026-03-31',
    requesterEmail: 'a@example.com',
    userId: 'u-1',
  });
  const early = await store.createPrivacyRequest(projectId, {
    kind: 'access',
    receivedOn: '2026-01-31',
    anonymousIds: ['d-1', 'd-2'],
  });
  const other = await store.createPrivacyRequest(projectId, { kind: 'objection', receivedOn: '2026-02-15' });
  answers.push(
    await store.updatePrivacyRequest(projectId, early.requestId, {
      verification: 'verified',
      extensionReason: 'complex',
      assigneeId: 'usr_x',
    }),
  );
  answers.push(
    await store.updatePrivacyRequest(projectId, other.requestId, {
      status: 'refused',
      refusalReason: 'manifestly unfounded',
    }),
  );
  answers.push(
    await store.updatePrivacyRequest(projectId, late.requestId, { assigneeId: null, status: 'in_progress' }),
  );
  answers.push(await store.updatePrivacyRequest(projectId, 'req_none', { status: 'done' }));
  answers.push((await store.listPrivacyRequests(projectId)).map(comparable));
  answers.push(await store.getPrivacyRequest(projectId, 'req_none'));

  answers.push(await store.getRegisterContacts(projectId));
  const contact = { name: 'DPO', email: 'dpo@example.com', phone: '+33 1', address: '1 rue\nParis' };
  const stored = await store.setRegisterContacts(projectId, {
    controller: contact,
    dpo: contact,
    recipients: [{ name: 'Host', purpose: 'hosting', country: 'FR', safeguard: '' }],
  });
  const { updatedAt, ...rest } = await store.getRegisterContacts(projectId);
  answers.push(rest, updatedAt === stored.updatedAt && typeof updatedAt === 'number');
  return answers.map((answer) =>
    answer !== null && typeof answer === 'object' && 'requestId' in answer
      ? comparable(answer as PrivacyRequest)
      : answer,
  );
}

describeWithClickHouse('privacy settings and requests on ClickHouse', (server) => {
  it('answers as the SQLite store does: retention bounds, request order and due dates, register contacts', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parcours-privacy-state-'));
    const sqlite = openSqliteStore({ filename: join(folder, 'p.db'), journeyEngine: 'inline' });
    const clickhouse = await openClickHouseStore({ url: server().url, database: 'privacy_state' });
    try {
      const expected = await runSession(sqlite);
      // Not vacuous: the session went through refusals, extensions and a closed request.
      expect(JSON.stringify(expected)).toContain('RangeError: eventsMonths must be an integer from 1 to 25');
      expect(JSON.stringify(expected)).toContain('"extendedDueOn":"2026-04-28"');
      expect(await runSession(clickhouse)).toEqual(expected);
    } finally {
      await sqlite.close();
      await clickhouse.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
