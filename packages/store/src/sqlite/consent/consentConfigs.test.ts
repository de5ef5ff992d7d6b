import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConsentConfigInput } from '@parcours/schema';
import { consentConfigInputSchema } from '@parcours/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { createDefaultConsentConfig } from '../../consent/defaultConsentConfig.js';
import { openSqliteStore } from '../openSqliteStore.js';

const dir = mkdtempSync(join(tmpdir(), 'parcours-consent-configs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = () => join(dir, `store-${++files}.db`);
const open = (filename: string) => openSqliteStore({ filename, journeyEngine: 'inline' });

/** An independent canonical JSON: keys sorted at every level, no white space. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => [key, sortKeys(item)]),
  );
}
const independentHash = (config: ConsentConfigInput) =>
  createHash('sha256')
    .update(Buffer.from(JSON.stringify(sortKeys(config)), 'utf8'))
    .digest('hex');

const inputOf = ({ policyVersion: _v, configHash: _h, publishedAt: _p, ...input }: Record<string, unknown>) =>
  input;

describe('consent configs (SQLite)', () => {
  it('gives a new project version 1, the default, valid and published by nobody', async () => {
    const store = open(newFile());
    const before = Date.now();
    const { projectId } = await store.createProject({ name: 'Boutique Épinal' });
    const config = await store.getConsentConfig(projectId);
    expect(config.policyVersion).toBe(1);
    expect(config.publishedAt).toBeGreaterThanOrEqual(before);
    expect(inputOf(config as never)).toEqual(createDefaultConsentConfig('Boutique Épinal'));
    expect(consentConfigInputSchema.parse(inputOf(config as never))).toEqual(inputOf(config as never));
    expect(config.configHash).toBe(independentHash(createDefaultConsentConfig('Boutique Épinal')));
    expect(await store.getConsentConfigVersions(projectId)).toEqual([
      { policyVersion: 1, configHash: config.configHash, publishedAt: config.publishedAt, publishedBy: null },
    ]);
    expect(await store.getConsentPolicy(projectId)).toEqual({ policyVersion: 1, minimumPolicyVersion: null });
    await store.close();
  });

  it('publishes +1 each time, even unchanged, with the SHA-256 of the canonical JSON', async () => {
    const store = open(newFile());
    const { projectId } = await store.createProject({ name: 'Shop' });
    const base = createDefaultConsentConfig('Shop');
    // Keys in another order than the default: the hash must not depend on it.
    const edited: ConsentConfigInput = {
      minimumPolicyVersion: 2,
      reaskMonths: 13,
      privacyPolicyUrl: 'https://shop.example/vie-privee',
      controllerName: 'Shop SAS — « données »',
      texts: base.texts,
      categories: ['marketing', 'analytics'],
    };
    const second = await store.publishConsentConfig(projectId, edited, { userId: 'usr_1', name: 'Dana' });
    const third = await store.publishConsentConfig(projectId, edited, { key: 'ci (sk_abcd)' });
    expect([second.policyVersion, third.policyVersion]).toEqual([2, 3]);
    expect(second.configHash).toBe(independentHash(edited));
    expect(third.configHash).toBe(second.configHash);
    expect(second.configHash).not.toBe(independentHash(base));

    const current = await store.getConsentConfig(projectId);
    expect(current).toEqual({ ...edited, ...third });
    expect(await store.getConsentConfigVersion(projectId, 2)).toEqual({ ...edited, ...second });
    expect((await store.getConsentConfigVersion(projectId, 1))?.categories).toEqual(base.categories);
    expect(await store.getConsentConfigVersion(projectId, 4)).toBeUndefined();
    const versions = await store.getConsentConfigVersions(projectId);
    expect(versions.map((v) => [v.policyVersion, v.publishedBy])).toEqual([
      [3, { key: 'ci (sk_abcd)' }],
      [2, { userId: 'usr_1', name: 'Dana' }],
      [1, null],
    ]);
    expect(await store.getConsentPolicy(projectId)).toEqual({ policyVersion: 3, minimumPolicyVersion: 2 });
    await store.close();
  });

  it('sees a version another process published, at once', async () => {
    const filename = newFile();
    const server = open(filename);
    const { projectId } = await server.createProject({ name: 'Two processes' });
    expect((await server.getConsentPolicy(projectId)).policyVersion).toBe(1);
    const cli = open(filename);
    await cli.publishConsentConfig(
      projectId,
      { ...createDefaultConsentConfig('x'), minimumPolicyVersion: 2 },
      null,
    );
    await cli.close();
    expect(await server.getConsentPolicy(projectId)).toEqual({ policyVersion: 2, minimumPolicyVersion: 2 });
    expect((await server.getConsentConfig(projectId)).controllerName).toBe('x');
    await server.close();
  });

  it('stores the canonical JSON it hashed, and refuses UPDATE and DELETE of a version', async () => {
    const filename = newFile();
    const store = open(filename);
    const { projectId } = await store.createProject({ name: 'Immutable' });
    const { configHash } = await store.getConsentConfig(projectId);
    await store.close();

    const raw = new Database(filename);
    const row = raw.prepare(`SELECT config, config_hash FROM consent_configs`).get() as {
      config: string;
      config_hash: string;
    };
    expect(row.config_hash).toBe(configHash);
    expect(createHash('sha256').update(row.config, 'utf8').digest('hex')).toBe(configHash);
    expect(row.config).toBe(JSON.stringify(sortKeys(JSON.parse(row.config))));
    expect(() => raw.prepare(`UPDATE consent_configs SET config_hash = 'x'`).run()).toThrow(
      /cannot be changed/,
    );
    expect(() => raw.prepare(`UPDATE consent_configs SET published_by = NULL`).run()).toThrow(
      /cannot be changed/,
    );
    expect(() => raw.prepare(`DELETE FROM consent_configs`).run()).toThrow(/cannot be deleted/);
    expect(raw.prepare(`SELECT count(*) FROM consent_configs`).pluck().get()).toBe(1);
    raw.close();
  });

  it('still deletes a project, and its versions with it', async () => {
    const filename = newFile();
    const store = open(filename);
    const kept = await store.createProject({ name: 'Kept' });
    const gone = await store.createProject({ name: 'Gone' });
    await store.publishConsentConfig(gone.projectId, createDefaultConsentConfig('Gone'), null);
    await store.deleteProject(gone.projectId);
    await store.close();
    const raw = new Database(filename, { readonly: true });
    expect(raw.prepare(`SELECT count(*) FROM consent_configs`).pluck().get()).toBe(1);
    raw.close();
    const reopened = open(filename);
    expect((await reopened.getConsentConfig(kept.projectId)).policyVersion).toBe(1);
    await reopened.close();
  });

  it('keeps each batch’s policy version on its events, NULL without one', async () => {
    const filename = newFile();
    const store = open(filename);
    const { projectId } = await store.createProject({ name: 'Events' });
    const event = (id: string) => ({ id, type: 'page' as const, name: '/', anonymousId: 'a', timestamp: 1 });
    await store.insertEvents(projectId, [event('e1'), event('e2')], { policyVersion: 1 });
    await store.insertEvents(projectId, [event('e3')]);
    await store.insertEvents(projectId, [event('e4')], { policyVersion: 7 });
    await store.close();
    const raw = new Database(filename, { readonly: true });
    expect(raw.prepare(`SELECT event_id, policy_version FROM events ORDER BY seq`).raw().all()).toEqual([
      ['e1', 1],
      ['e2', 1],
      ['e3', null],
      ['e4', 7],
    ]);
    raw.close();
  });

  it('gives every project of a 0.1.0 database version 1 when it migrates, its old events no version', async () => {
    const filename = newFile();
    copyFileSync(new URL('../fixtures/parcours-0.1.0.db', import.meta.url), filename);
    const before = JSON.parse(
      readFileSync(new URL('../fixtures/parcours-0.1.0.json', import.meta.url), 'utf8'),
    ) as { projectId: string };
    const migratedFrom = Date.now();
    const store = open(filename);
    const config = await store.getConsentConfig(before.projectId);
    expect(config.policyVersion).toBe(1);
    expect(config.publishedAt).toBeGreaterThanOrEqual(migratedFrom);
    expect(inputOf(config as never)).toEqual(createDefaultConsentConfig('Before accounts'));
    expect(config.configHash).toBe(independentHash(createDefaultConsentConfig('Before accounts')));
    expect(await store.getConsentConfigVersions(before.projectId)).toHaveLength(1);
    const next = await store.publishConsentConfig(before.projectId, createDefaultConsentConfig('B'), null);
    expect(next.policyVersion).toBe(2);
    await store.close();
    const raw = new Database(filename, { readonly: true });
    expect(raw.prepare(`SELECT count(*) FROM events WHERE policy_version IS NULL`).pluck().get()).toBe(2);
    raw.close();
  });
});
