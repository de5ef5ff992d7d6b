import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StorageFault, toStorageFault } from './StorageFault.js';

const sqliteError = (code: string) => new Database.SqliteError(`failed with ${code}`, code);

describe('toStorageFault', () => {
  it('recognises the SQLite codes of a storage that cannot take a write now', () => {
    const cases: Array<[string, StorageFault['kind'], number]> = [
      ['SQLITE_FULL', 'disk-full', 30],
      ['SQLITE_READONLY', 'read-only', 30],
      ['SQLITE_READONLY_DBMOVED', 'read-only', 30],
      ['SQLITE_BUSY', 'busy', 1],
      ['SQLITE_BUSY_SNAPSHOT', 'busy', 1],
      ['SQLITE_LOCKED', 'busy', 1],
      ['SQLITE_IOERR', 'io-error', 10],
      ['SQLITE_IOERR_WRITE', 'io-error', 10],
      ['SQLITE_IOERR_FSYNC', 'io-error', 10],
    ];
    for (const [code, kind, seconds] of cases) {
      const fault = toStorageFault(sqliteError(code));
      expect({ code: fault?.code, kind: fault?.kind, seconds: fault?.retryAfterSeconds }).toEqual({
        code,
        kind,
        seconds,
      });
    }
  });

  it('finds a fault behind causes, and keeps a StorageFault as it is', () => {
    const fault = new StorageFault('busy', 'SQLITE_BUSY');
    expect(toStorageFault(new Error('wrapped', { cause: fault }))).toBe(fault);
    expect(toStorageFault(new Error('wrapped', { cause: sqliteError('SQLITE_FULL') }))?.kind).toBe(
      'disk-full',
    );
  });

  it('leaves other errors alone: constraints, corruption, bugs, look-alike codes', () => {
    for (const error of [
      sqliteError('SQLITE_CONSTRAINT_UNIQUE'),
      sqliteError('SQLITE_CORRUPT'),
      sqliteError('SQLITE_FULLNESS'),
      Object.assign(new Error('not sqlite'), { code: 'SQLITE_FULL' }),
      new TypeError('a bug'),
      'a string',
      undefined,
    ]) {
      expect(toStorageFault(error)).toBeUndefined();
    }
  });
});
