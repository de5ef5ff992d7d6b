import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { StoreOpenError } from './StoreOpenError.js';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The database header is the file's first 100 bytes (sqlite.org/fileformat.html §1.3). */
const HEADER_BYTES = 100;

/** The error to raise when `path`'s directory is missing, else `undefined`. */
export function findMissingDirectory(path: string): StoreOpenError | undefined {
  const dir = dirname(path);
  if (existsSync(dir)) return undefined;
  return new StoreOpenError(
    'missing-directory',
    path,
    `cannot create the database ${path}: the directory ${dir} does not exist; create it (mkdir -p ${dir}) or choose another path`,
  );
}

/**
 * Names what went wrong opening `path` from what SQLite threw and what the file system
 * shows. Called only after a failure: the header sizes, for one, are read to choose the
 * words (truncated rather than corrupt), never to judge a healthy file.
 */
export function diagnoseOpenFailure(error: unknown, path: string): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  const missing = findMissingDirectory(path);
  if (missing !== undefined) return missing;
  const raw = (error as { code?: unknown } | undefined)?.code;
  const code = typeof raw === 'string' ? raw : '';
  const said = error instanceof Error ? error.message : String(error);
  const fail = (kind: StoreOpenError['kind'], message: string) =>
    new StoreOpenError(kind, path, message, { cause: error });

  if (code.startsWith('SQLITE_CORRUPT')) return describeCorruption(path, said, error);
  if (code === 'SQLITE_NOTADB') {
    // A real database cut inside its header is "not a database" to SQLite.
    if (describeTruncation(path) !== undefined) return describeCorruption(path, said, error);
    return fail(
      'not-a-database',
      `${path} is not a SQLite database (${said}); give the path of a Parcours database, or of a file that does not exist yet to create one`,
    );
  }
  if (code === 'SQLITE_FULL') {
    return fail(
      'disk-full',
      `cannot write ${path}: the disk holding it is full; free space on it and start again`,
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return fail(
      'locked',
      `${path} is locked by another process (${code}); stop the other process holding it and start again`,
    );
  }
  const readOnlyFile = [path, `${path}-wal`, `${path}-shm`].find((f) => existsSync(f) && !isWritable(f));
  if (readOnlyFile !== undefined) {
    return fail(
      'read-only-file',
      `${readOnlyFile} cannot be written (a read-only or immutable file, or a read-only mount); give the user running Parcours write access to it (chmod u+w, chown, chattr -i) or mount its disk read-write`,
    );
  }
  if (!isWritable(dirname(path))) {
    const name = basename(path);
    return fail(
      'read-only-directory',
      `cannot write in ${dirname(path)}, the directory of ${path}: SQLite creates ${name}-wal and ${name}-shm beside the database; give the user running Parcours write access to the directory`,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return fail(
      'read-only-file',
      `${path} cannot be written (${said}); give the user running Parcours write access to it and to its directory`,
    );
  }
  return fail(
    'cannot-open',
    `cannot open ${path}: ${said} (${code || 'no code'}); check the path and its permissions`,
  );
}

/** A database `PRAGMA quick_check` (or a read) found damaged: truncated, or corrupt. */
export function describeCorruption(path: string, problem: string, cause?: unknown): StoreOpenError {
  const truncated = describeTruncation(path);
  if (truncated !== undefined) {
    return new StoreOpenError(
      'truncated',
      path,
      `${path} is truncated: ${truncated}, a copy cut short or a disk that filled up; restore it from a backup`,
      { cause },
    );
  }
  return new StoreOpenError(
    'corrupt',
    path,
    `${path} is corrupt (${problem}); restore it from a backup, or salvage what is left with: sqlite3 ${path} .recover`,
    { cause },
  );
}

/** "N bytes where its header announces M" when a SQLite file is shorter than its header says. */
function describeTruncation(path: string): string | undefined {
  let size: number;
  const header = Buffer.alloc(HEADER_BYTES);
  let read: number;
  try {
    size = statSync(path).size;
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, header, 0, HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  if (read < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return undefined;
  }
  if (read < HEADER_BYTES) return `${size} bytes, less than the 100-byte header`;
  // Page size 1 stands for 65,536; the page count is the "in-header database size".
  const pageSize = header.readUInt16BE(16) === 1 ? 65_536 : header.readUInt16BE(16);
  const expected = pageSize * header.readUInt32BE(28);
  return size < expected ? `${size} bytes where its header announces ${expected}` : undefined;
}

/** `access(W_OK)`: unlike a mode check, it also fails for root on an immutable file or a read-only mount. */
function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
