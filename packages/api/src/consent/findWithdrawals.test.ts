import type { ConsentCategory, ConsentRecord } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { findWithdrawals } from './findWithdrawals.js';

const record = (
  id: string,
  granted: ConsentCategory[],
  over: Partial<ConsentRecord> = {},
): ConsentRecord => ({
  id,
  timestamp: 1,
  granted,
  denied: [],
  policyVersion: '1',
  source: 'sdk',
  anonymousId: 'dev',
  ...over,
});
const ledger =
  (grants: Record<string, ConsentCategory[]>) =>
  async (anonymousId: string): Promise<ConsentCategory[] | undefined> =>
    grants[anonymousId];

describe('findWithdrawals', () => {
  it('finds a device granting less than it had, with the categories it withdrew', async () => {
    const partial = [record('r', ['analytics'])];
    expect(await findWithdrawals(partial, ledger({ dev: ['analytics', 'marketing'] }))).toEqual([
      { anonymousId: 'dev', categories: ['marketing'] },
    ]);
  });

  it('treats nothing granted any more as a full withdrawal', async () => {
    const full = [record('r', [], { action: 'withdraw' })];
    expect(await findWithdrawals(full, ledger({ dev: ['analytics'] }))).toEqual([
      { anonymousId: 'dev', categories: undefined },
    ]);
    // Said outright, even with no grant on file (it may have been lost).
    expect(await findWithdrawals(full, ledger({}))).toEqual([{ anonymousId: 'dev', categories: undefined }]);
  });

  it('finds nothing in a first grant, a wider grant, or a refusal naming no one', async () => {
    expect(await findWithdrawals([record('r', ['analytics'])], ledger({}))).toEqual([]);
    expect(
      await findWithdrawals([record('r', ['analytics', 'marketing'])], ledger({ dev: ['analytics'] })),
    ).toEqual([]);
    const refusal = record('r', [], { anonymousId: undefined });
    expect(await findWithdrawals([refusal], ledger({ dev: ['analytics'] }))).toEqual([]);
  });

  it('reads earlier records of the same batch as the previous grant', async () => {
    const batch = [record('a', ['analytics', 'marketing']), record('b', ['analytics'])];
    expect(await findWithdrawals(batch, ledger({}))).toEqual([
      { anonymousId: 'dev', categories: ['marketing'] },
    ]);
    const regrant = [record('a', ['analytics']), record('b', ['analytics', 'marketing'])];
    expect(await findWithdrawals(regrant, ledger({ dev: ['analytics', 'marketing'] }))).toEqual([
      { anonymousId: 'dev', categories: ['marketing'] },
    ]);
  });
});
