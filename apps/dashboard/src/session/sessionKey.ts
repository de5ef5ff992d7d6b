/** The sessionStorage entry holding the secret key for the life of the tab. */
export const SESSION_KEY_ENTRY = 'parcours.secretKey';

type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * sessionStorage, not localStorage: the key dies with the tab, and is not shared with
 * other tabs of the origin. Storage access can throw (privacy modes, disabled storage),
 * in which case the session simply lasts until the page reloads.
 */
function getDefaultStorage(): KeyStorage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The signed-in secret key, if any. `storage` defaults to `sessionStorage`. */
export function readSessionKey(storage = getDefaultStorage()): string | undefined {
  try {
    return storage?.getItem(SESSION_KEY_ENTRY) || undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `secretKey` (trimmed) for this tab. `storage` defaults to `sessionStorage`. */
export function writeSessionKey(secretKey: string, storage = getDefaultStorage()): void {
  try {
    storage?.setItem(SESSION_KEY_ENTRY, secretKey.trim());
  } catch {
    // Quota or disabled storage: the in-memory session still works until reload.
  }
}

/** Forgets the key: sign-out. `storage` defaults to `sessionStorage`. */
export function clearSessionKey(storage = getDefaultStorage()): void {
  try {
    storage?.removeItem(SESSION_KEY_ENTRY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
