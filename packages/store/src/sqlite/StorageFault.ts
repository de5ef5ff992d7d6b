/** What went wrong with the storage under a running store: each kind is worth a retry later. */
export const STORAGE_FAULT_KINDS = ['disk-full', 'read-only', 'busy', 'io-error'] as const;
export type StorageFaultKind = (typeof STORAGE_FAULT_KINDS)[number];

/**
 * How long a client should wait before sending again, per kind: a lock is released in
 * moments; an I/O error may pass; a full disk or a read-only file needs an operator.
 */
const RETRY_AFTER_SECONDS: Record<StorageFaultKind, number> = {
  busy: 1,
  'io-error': 10,
  'disk-full': 30,
  'read-only': 30,
};

const DESCRIPTIONS: Record<StorageFaultKind, string> = {
  'disk-full': 'the database is full (no room left on its disk)',
  'read-only': 'the database cannot be written (read-only file, directory or mount)',
  busy: 'the database is locked by another connection',
  'io-error': 'the database had an I/O error',
};

/**
 * A write (or read) that failed because of the storage, not of the request: disk full,
 * read-only, locked, I/O error. Nothing of the failed transaction was kept; the same
 * request can be sent again once the fault clears. `code` is the engine's own
 * (`SQLITE_FULL`, `SQLITE_READONLY_DBMOVED`…), for the log.
 */
export class StorageFault extends Error {
  override readonly name = 'StorageFault';

  constructor(
    readonly kind: StorageFaultKind,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(DESCRIPTIONS[kind], options);
  }

  /** Seconds a client should wait before retrying (`Retry-After`). */
  get retryAfterSeconds(): number {
    return RETRY_AFTER_SECONDS[this.kind];
  }
}

/** SQLite's primary result codes that are storage faults; extended codes share the prefix. */
const KIND_OF_CODE: ReadonlyArray<[prefix: string, kind: StorageFaultKind]> = [
  ['SQLITE_FULL', 'disk-full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_IOERR', 'io-error'],
];

/**
 * The storage fault behind `error`, if it is one: a `StorageFault` as it is, or a
 * better-sqlite3 `SqliteError` whose code is `SQLITE_FULL`, `SQLITE_READONLY*`,
 * `SQLITE_BUSY*`, `SQLITE_LOCKED*` or `SQLITE_IOERR*`. Anything else (a constraint,
 * corruption, a bug) is not, and stays an internal error. Follows `cause` chains,
 * as tRPC wraps what a procedure threw.
 */
export function toStorageFault(error: unknown): StorageFault | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof StorageFault) return e;
    const code = (e as { code?: unknown }).code;
    if (e.name !== 'SqliteError' || typeof code !== 'string') continue;
    // `SQLITE_FULL` alone, or a primary code followed by `_EXTENDED` (never `SQLITE_FULLX`).
    const match = KIND_OF_CODE.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
    if (match !== undefined) return new StorageFault(match[1], code, { cause: e });
  }
  return undefined;
}
