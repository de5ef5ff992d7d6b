import { describe, expect, it } from 'vitest';
import { clearSessionKey, readSessionKey, SESSION_KEY_ENTRY, writeSessionKey } from './sessionKey.js';

function createMemoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & {
  entries: Map<string, string>;
} {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (name) => entries.get(name) ?? null,
    setItem: (name, value) => void entries.set(name, value),
    removeItem: (name) => void entries.delete(name),
  };
}

const brokenStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('session key', () => {
  it('keeps a trimmed key, reads it back, and forgets it on sign-out', () => {
    const storage = createMemoryStorage();
    expect(readSessionKey(storage)).toBeUndefined();
    writeSessionKey(' sk_1\n', storage);
    expect(storage.entries.get(SESSION_KEY_ENTRY)).toBe('sk_1');
    expect(readSessionKey(storage)).toBe('sk_1');
    clearSessionKey(storage);
    expect(readSessionKey(storage)).toBeUndefined();
  });

  it('treats an empty entry as signed out', () => {
    const storage = createMemoryStorage();
    storage.entries.set(SESSION_KEY_ENTRY, '');
    expect(readSessionKey(storage)).toBeUndefined();
  });

  it('never throws when storage is unavailable', () => {
    expect(() => writeSessionKey('sk_1', brokenStorage)).not.toThrow();
    expect(readSessionKey(brokenStorage)).toBeUndefined();
    expect(() => clearSessionKey(brokenStorage)).not.toThrow();
  });
});
