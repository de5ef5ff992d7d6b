import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, StoredEvent } from '../../Store.js';
import { MAX_REGISTER_PROPERTY_NAMES, type RegisterContacts } from '../../privacy/register.js';
import { openSqliteStore } from '../openSqliteStore.js';
import { PERSON_TABLES } from './personTables.js';

let n = 0;
const event = (extra: Partial<StoredEvent>): StoredEvent => ({
  id: `ev${++n}`,
  type: 'track',
  name: 'page_view',
  anonymousId: 'device-1',
  timestamp: Date.UTC(2026, 0, 5) + n,
  ...extra,
});

const contacts: RegisterContacts = {
  controller: {
    name: 'Acme SAS',
    email: 'privacy@acme.example',
    phone: '+33 1 00 00 00 00',
    address: '1 rue X\nParis',
  },
  dpo: { name: 'Dana Officer', email: 'dpo@acme.example', phone: '', address: '' },
  recipients: [{ name: 'Hosting GmbH', purpose: 'hosting', country: 'DE', safeguard: '' }],
};

describe('the register store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-register-'));
  let store: Store;
  let projectId: string;
  let otherId: string;

  beforeAll(async () => {
    store = openSqliteStore({ filename: join(dir, 'p.db'), journeyEngine: 'inline' });
    ({ projectId } = await store.createProject({ name: 'Shop' }));
    ({ projectId: otherId } = await store.createProject({ name: 'Other' }));
    await store.insertEvents(projectId, [
      event({ properties: { plan: 'pro', price: 9 }, context: { url: 'https://a.example/', locale: 'fr' } }),
      event({ properties: { plan: 'free', coupon: 'X' } }),
    ]);
    await store.insertEvents(otherId, [event({ properties: { secret_other_key: 1 } })]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers empty contacts until set, then what was set, per project', async () => {
    const empty = await store.getRegisterContacts(projectId);
    expect(empty).toEqual({
      controller: { name: '', email: '', phone: '', address: '' },
      dpo: { name: '', email: '', phone: '', address: '' },
      recipients: [],
      updatedAt: null,
    });
    const saved = await store.setRegisterContacts(projectId, contacts);
    expect(saved).toMatchObject(contacts);
    expect(saved.updatedAt).toEqual(expect.any(Number));
    expect(await store.getRegisterContacts(projectId)).toEqual(saved);
    expect((await store.getRegisterContacts(otherId)).updatedAt).toBeNull();
    const changed = { ...contacts, recipients: [] };
    expect(await store.setRegisterContacts(projectId, changed)).toMatchObject(changed);
  });

  it('lists the property and context names seen in this project only, sorted', async () => {
    const facts = await store.getStoredDataFacts(projectId);
    expect(facts.propertyNames).toEqual(['coupon', 'plan', 'price']);
    expect(facts.contextNames).toEqual(['locale', 'url']);
    expect(facts.namesTruncated).toBe(false);
  });

  it('reads every person table and its columns from the live schema, with row counts', async () => {
    const facts = await store.getStoredDataFacts(projectId);
    expect(facts.tables.map((t) => t.table)).toEqual(PERSON_TABLES.map((t) => t.table));
    const events = facts.tables.find((t) => t.table === 'events')!;
    expect(events.columns).toEqual(
      expect.arrayContaining(['anonymous_id', 'properties', 'context', 'timestamp']),
    );
    expect(events.personIdColumns).toEqual(['anonymous_id', 'user_id', 'claimed_user_id']);
    expect(events.rows).toBe(2);
  });

  it('reports the security settings of the running connection', async () => {
    const facts = await store.getStoredDataFacts(projectId);
    expect(facts.secureDelete).toBe(true);
    expect(facts.journalMode).toBe('wal');
    expect(facts.appendOnlyTables).toEqual(expect.arrayContaining(['audit_log', 'consent_records']));
    expect(facts.appendOnlyTables).not.toContain('events');
  });

  it('cuts the names at the cap and says so', async () => {
    const { projectId: wide } = await store.createProject({ name: 'Wide' });
    const properties = Object.fromEntries(
      Array.from({ length: MAX_REGISTER_PROPERTY_NAMES + 5 }, (_, i) => [
        `k${String(i).padStart(3, '0')}`,
        i,
      ]),
    );
    await store.insertEvents(wide, [event({ properties })]);
    const facts = await store.getStoredDataFacts(wide);
    expect(facts.propertyNames).toHaveLength(MAX_REGISTER_PROPERTY_NAMES);
    expect(facts.namesTruncated).toBe(true);
  });
});
