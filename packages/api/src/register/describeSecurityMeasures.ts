import type { LedgerVerification, StoredDataFacts } from '@parcours/store';
import type { RegisterSecurityMeasure } from './ProcessingRegister.js';

/** What the server knows of its own configuration (passed in; the API does not see HTTP). */
export interface RuntimeSecurity {
  /** The Content-Security-Policy the server sends, if it told the API. */
  contentSecurityPolicy?: string | undefined;
  /** True when the register was asked for over HTTPS (directly or behind the trusted proxy). */
  requestOverHttps?: boolean | undefined;
  /** How passwords are hashed, e.g. `scrypt N=32768 r=8 p=1`. */
  passwordHashing: string;
}

/** The security measures in place, each read live where the running system can say. */
export function describeSecurityMeasures(
  facts: StoredDataFacts,
  ledger: LedgerVerification,
  runtime: RuntimeSecurity,
): RegisterSecurityMeasure[] {
  const measures: RegisterSecurityMeasure[] = [
    {
      measure: 'Erased data overwritten in the file',
      detail: facts.secureDelete
        ? 'SQLite secure_delete is on; erasure checkpoints and truncates the WAL'
        : 'SQLite secure_delete is OFF on this connection',
      source: 'live',
    },
    {
      measure: 'Tamper-evident consent ledger',
      detail: `Hash chain: ${ledger.records} records, ${ledger.ok ? 'verifies' : `broken at record ${ledger.firstBroken?.seq ?? '?'}`}`,
      source: 'live',
    },
    {
      measure: 'Append-only logs',
      detail:
        facts.appendOnlyTables.length > 0
          ? `Triggers refuse changes to: ${facts.appendOnlyTables.join(', ')}`
          : 'No append-only trigger found',
      source: 'live',
    },
    {
      measure: 'Passwords hashed',
      detail: runtime.passwordHashing,
      source: 'code',
    },
    {
      measure: 'API keys hashed',
      detail: 'Secret keys stored as SHA-256 hashes only, shown once at creation',
      source: 'code',
    },
    {
      measure: 'Access control',
      detail:
        'One role per project member and one scope per key; privacy data only for owner and privacy roles',
      source: 'code',
    },
    {
      measure: 'Audit log',
      detail: 'Every privacy officer action recorded with actor and time',
      source: 'code',
    },
    {
      measure: 'Durable writes',
      detail: `Journal mode ${facts.journalMode}, synchronous FULL`,
      source: 'live',
    },
  ];
  if (runtime.contentSecurityPolicy !== undefined) {
    measures.push({
      measure: 'Content-Security-Policy',
      detail: runtime.contentSecurityPolicy,
      source: 'live',
    });
  }
  if (runtime.requestOverHttps !== undefined) {
    measures.push({
      measure: 'Transport encryption',
      detail: runtime.requestOverHttps
        ? 'This request arrived over HTTPS'
        : 'This request arrived over plain HTTP',
      source: 'live',
    });
  }
  return measures;
}
