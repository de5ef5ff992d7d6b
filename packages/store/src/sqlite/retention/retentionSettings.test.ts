import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../../retention/types.js';
import type { Store } from '../../Store.js';
import { openSqliteStore } from '../openSqliteStore.js';

describe('retention settings', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-retention-'));
    store = openSqliteStore({ filename: join(dir, 'p.db'), journeyEngine: 'inline' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts at 25 months, 5 years and withdrawal erasing', async () => {
    const { projectId } = await store.createProject({ name: 'Shop' });
    expect(await store.getRetention(projectId)).toEqual(DEFAULT_RETENTION);
    expect(DEFAULT_RETENTION).toEqual({ eventsMonths: 25, ledgerProofYears: 5, withdrawalErases: true });
  });

  it('changes only what it is given, and keeps it in the file', async () => {
    const { projectId } = await store.createProject({ name: 'Shop' });
    expect(await store.setRetention(projectId, { eventsMonths: 13 })).toEqual({
      eventsMonths: 13,
      ledgerProofYears: 5,
      withdrawalErases: true,
    });
    await store.setRetention(projectId, { withdrawalErases: false, ledgerProofYears: 3 });
    await store.close();
    store = openSqliteStore({ filename: join(dir, 'p.db'), journeyEngine: 'inline' });
    expect(await store.getRetention(projectId)).toEqual({
      eventsMonths: 13,
      ledgerProofYears: 3,
      withdrawalErases: false,
    });
  });

  it('refuses values out of bounds, naming the setting', async () => {
    const { projectId } = await store.createProject({ name: 'Shop' });
    await expect(store.setRetention(projectId, { eventsMonths: 26 })).rejects.toThrow(/eventsMonths/);
    await expect(store.setRetention(projectId, { eventsMonths: 0 })).rejects.toThrow(/eventsMonths/);
    await expect(store.setRetention(projectId, { eventsMonths: 2.5 })).rejects.toThrow(/eventsMonths/);
    await expect(store.setRetention(projectId, { ledgerProofYears: 11 })).rejects.toThrow(/ledgerProofYears/);
    expect(await store.getRetention(projectId)).toEqual(DEFAULT_RETENTION);
  });

  it('stores the defaults in the columns, which rows made before the migration get', async () => {
    const { projectId } = await store.createProject({ name: 'Old' });
    await store.close();
    // The columns' defaults are what an existing row gets from ALTER TABLE ADD COLUMN.
    const db = new Database(join(dir, 'p.db'));
    const row = db
      .prepare(
        `SELECT events_retention_months AS e, ledger_proof_years AS l, withdrawal_erases AS w FROM projects`,
      )
      .get();
    db.close();
    expect(row).toEqual({ e: 25, l: 5, w: 1 });
    store = openSqliteStore({ filename: join(dir, 'p.db'), journeyEngine: 'inline' });
    expect(await store.getRetention(projectId)).toEqual(DEFAULT_RETENTION);
  });
});
