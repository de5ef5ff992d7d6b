/** Why a database could not be opened; each has its own fix. */
export const STORE_OPEN_ERROR_KINDS = [
  'missing-directory',
  'not-a-database',
  'truncated',
  'corrupt',
  'read-only-file',
  'read-only-directory',
  'newer-schema',
  'disk-full',
  'locked',
  'cannot-open',
] as const;
export type StoreOpenErrorKind = (typeof STORE_OPEN_ERROR_KINDS)[number];

/**
 * The store refused to open `path` (absolute). `message` is one line naming the path,
 * the problem and the fix, fit for an operator's terminal; `cause`, when there is one,
 * is what SQLite or the file system said.
 */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';

  constructor(
    readonly kind: StoreOpenErrorKind,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
