import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type CreatedProject, type Role, type Store } from '@parcours/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './createServer.js';
import { CONTENT_SECURITY_POLICY } from './http/applySecurityHeaders.js';
import { TEST_SERVER_LIMITS } from './testing/testServerLimits.js';

// Issue 9 item 8 over real HTTP on a real SQLite file: the Art. 30 register is made
// from the live configuration (retention, consent config, schema, names seen), its
// contacts are edited and audited, and only the privacy officer and owners see it.
let dir: string;
let store: Store;
let server: Server;
let base: string;
let project: CreatedProject;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parcours-register-'));
  store = openSqliteStore({ filename: join(dir, 'register.db') });
  server = createServer({ store, publicDir: dir, logError: () => {}, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  project = await store.createProject({ name: 'Shop' });
  const t = Date.UTC(2026, 5, 1);
  await store.insertEvents(project.projectId, [
    {
      id: 'e1',
      type: 'page',
      name: 'home',
      anonymousId: 'device-1',
      timestamp: t,
      properties: { plan: 'pro', basket_total: 12 },
      context: { url: 'https://shop.example/' },
    },
    {
      id: 'e2',
      type: 'track',
      name: 'buy',
      anonymousId: 'device-1',
      timestamp: t + 1,
      properties: { sku: 'A' },
    },
  ]);
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

type As = { cookie: string } | { key: string };
let users = 0;
async function member(role: Role): Promise<As> {
  const user = await store.createUser({
    email: `r${++users}@example.com`,
    name: `${role} member`,
    passwordHash: 'x',
  });
  await store.setMember(project.projectId, user.userId, role);
  return { cookie: `parcours_session=${(await store.createSession(user.userId)).token}` };
}
async function key(scope: 'read' | 'privacy' | 'admin' | 'ingest'): Promise<As> {
  return { key: (await store.createSecretKey(project.projectId, { scope, label: `${scope} key` })).key };
}
async function call(path: string, as: As, input: object, mutation = false) {
  const headers: Record<string, string> =
    'cookie' in as ? { Cookie: as.cookie, Origin: base } : { Authorization: `Bearer ${as.key}` };
  const response = mutation
    ? await fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      })
    : await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
  const json = (await response.json()) as { result?: { data: any }; error?: { message: string } };
  return { status: response.status, data: json.result?.data, error: json.error };
}

const contacts = {
  controller: {
    name: 'Shop SAS',
    email: 'privacy@shop.example',
    phone: '+33 1 23 45 67 89',
    address: '1 rue de la Paix\n75002 Paris',
  },
  dpo: { name: 'Dana <b>Officer</b>', email: 'dpo@shop.example', phone: '', address: '' },
  recipients: [
    { name: 'EU Hosting', purpose: 'hosting', country: 'DE', safeguard: '' },
    { name: 'US Mailer', purpose: 'e-mail delivery', country: 'US', safeguard: 'SCCs (2021/914)' },
  ],
};

describe('privacy.register over HTTP', () => {
  it('refuses analysts, viewers, read and ingest keys; a write key is unauthorised', async () => {
    const input = { projectId: project.projectId };
    for (const as of [
      await member('analyst'),
      await member('viewer'),
      await key('read'),
      await key('ingest'),
    ]) {
      expect((await call('privacy.register', as, input)).status).toBe(403);
      expect((await call('privacy.registerHtml', as, input)).status).toBe(403);
      expect((await call('privacy.setRegisterContacts', as, { ...input, ...contacts }, true)).status).toBe(
        403,
      );
    }
    expect((await call('privacy.register', { key: project.writeKey }, input)).status).toBe(401);
  });

  it('answers the JSON register, made from the live schema, consent config and names seen', async () => {
    const { status, data } = await call('privacy.register', await member('privacy'), {
      projectId: project.projectId,
    });
    expect(status).toBe(200);
    expect(data).toMatchObject({
      schemaVersion: 1,
      project: { projectId: project.projectId, name: 'Shop' },
      consentConfig: { policyVersion: 1 },
      retention: { eventsMonths: 25, ledgerProofYears: 5, withdrawalErases: true, consentLifetimeMonths: 13 },
      contactsUpdatedAt: null,
      recipients: [],
    });
    const config = await store.getConsentConfig(project.projectId);
    // The controller defaults to the name the banner shows.
    expect(data.controller.name).toBe(config.controllerName);
    // Purposes: one per category the banner offers, with its texts, then the proof.
    expect(data.purposes.map((p: { category: string }) => p.category)).toEqual([
      ...config.categories,
      'necessary',
    ]);
    const first = config.categories[0]!;
    expect(data.purposes[0].label).toEqual({
      fr: config.texts.fr.categories[first].label,
      en: config.texts.en.categories[first].label,
    });
    // Data categories: every person table with its live columns; the names seen in events.
    const events = data.dataCategories.find((c: { table: string }) => c.table === 'events');
    expect(events.rows).toBe(2);
    expect(events.propertyNames).toEqual(['basket_total', 'plan', 'sku']);
    expect(events.contextNames).toEqual(['url']);
    expect(events.columns).toContainEqual({
      column: 'anonymous_id',
      holds: expect.stringContaining('device'),
    });
    expect(data.dataCategories.map((c: { table: string }) => c.table)).toEqual(
      expect.arrayContaining(['events', 'identity_links', 'consent_records']),
    );
    // Security measures read from the running server and database.
    const measures = Object.fromEntries(
      data.securityMeasures.map((m: { measure: string; detail: string }) => [m.measure, m.detail]),
    );
    expect(measures['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(measures['Erased data overwritten in the file']).toMatch(/secure_delete is on/);
    expect(measures['Tamper-evident consent ledger']).toMatch(/0 records, verifies/);
    expect(measures['Append-only logs']).toMatch(/audit_log/);
    expect(measures['Passwords hashed']).toMatch(/^scrypt/);
    expect(measures['Transport encryption']).toMatch(/plain HTTP/);
  });

  it('changing retention changes the export (JSON and HTML)', async () => {
    const officer = await member('privacy');
    const input = { projectId: project.projectId };
    const before = await call('privacy.register', officer, input);
    const beforeHtml = (await call('privacy.registerHtml', officer, input)).data.html as string;
    await store.setRetention(project.projectId, {
      eventsMonths: 13,
      ledgerProofYears: 3,
      withdrawalErases: false,
    });
    const after = await call('privacy.register', officer, input);
    const afterHtml = (await call('privacy.registerHtml', officer, input)).data.html as string;
    expect(before.data.retention).toMatchObject({
      eventsMonths: 25,
      ledgerProofYears: 5,
      withdrawalErases: true,
    });
    expect(after.data.retention).toMatchObject({
      eventsMonths: 13,
      ledgerProofYears: 3,
      withdrawalErases: false,
    });
    const retentionOf = (data: any, table: string) =>
      data.dataCategories.find((c: { table: string }) => c.table === table).retention as string;
    expect(retentionOf(before.data, 'events')).toMatch(/^Deleted 25 calendar months/);
    expect(retentionOf(after.data, 'events')).toMatch(/^Deleted 13 calendar months/);
    expect(retentionOf(after.data, 'events')).toMatch(/keeps past rows/);
    expect(retentionOf(after.data, 'consent_records')).toMatch(/^Kept 3 years/);
    expect(beforeHtml).toContain('<dt>Events</dt><dd>25 months</dd>');
    expect(afterHtml).toContain('<dt>Events</dt><dd>13 months</dd>');
    expect(afterHtml).not.toContain('25 months');
    await store.setRetention(project.projectId, {
      eventsMonths: 25,
      ledgerProofYears: 5,
      withdrawalErases: true,
    });
  });

  it('saves the contacts and recipients, audited with the fields changed; transfers are the non-EEA recipients', async () => {
    const officer = await member('privacy');
    const officerEmail = `r${users}@example.com`;
    const saved = await call(
      'privacy.setRegisterContacts',
      officer,
      { projectId: project.projectId, ...contacts },
      true,
    );
    expect(saved.status).toBe(200);
    expect(saved.data).toMatchObject(contacts);
    const { data } = await call('privacy.register', await key('privacy'), { projectId: project.projectId });
    expect(data.controller).toEqual(contacts.controller);
    expect(data.dpo).toEqual(contacts.dpo);
    expect(data.recipients).toEqual(contacts.recipients);
    expect(data.transfers).toEqual([contacts.recipients[1]]);
    expect(data.contactsUpdatedAt).toEqual(expect.any(Number));
    const { html } = (await call('privacy.registerHtml', officer, { projectId: project.projectId })).data;
    // Officer-typed text is escaped in the printable page.
    expect(html).toContain('Dana &#60;b&#62;Officer&#60;/b&#62;');
    expect(html).toContain('US Mailer');
    const audit = await store.getAuditLog(project.projectId, { limit: 100, action: 'privacy.register' });
    const change = audit.entries.find((e) => e.action === 'privacy.registerContactsChanged');
    expect(change?.actor).toMatchObject({ kind: 'user', label: officerEmail });
    expect(change?.detail).toEqual({
      changed:
        'controller.name controller.email controller.phone controller.address dpo.name dpo.email recipients',
      recipients: 2,
    });
    const exports = audit.entries
      .filter((e) => e.action === 'privacy.registerExported')
      .map((e) => e.detail.format);
    expect(exports).toEqual(expect.arrayContaining(['json', 'html']));
  });

  it('refuses a malformed e-mail, naming the field, and an unnamed recipient', async () => {
    const officer = await member('owner');
    const bad = { ...contacts, dpo: { ...contacts.dpo, email: 'not-an-address' } };
    const answer = await call(
      'privacy.setRegisterContacts',
      officer,
      { projectId: project.projectId, ...bad },
      true,
    );
    expect(answer.status).toBe(400);
    expect(answer.error?.message).toMatch(/dpo.*email|e-mail/);
    const unnamed = { ...contacts, recipients: [{ name: '', purpose: 'x', country: '', safeguard: '' }] };
    expect(
      (await call('privacy.setRegisterContacts', officer, { projectId: project.projectId, ...unnamed }, true))
        .status,
    ).toBe(400);
  });
});
