import { useEffect, useState } from 'preact/hooks';
import { parseHash, type Route } from './parseHash.js';

/** The current hash route, updated on every `hashchange` (links, back, forward). */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  return route;
}

/**
 * Puts `hash` in the address bar in place of the current one (no new history entry:
 * the back button skips it) and tells {@link useHashRoute}, which `replaceState` alone
 * would not.
 */
export function replaceHash(hash: string): void {
  history.replaceState(history.state, '', hash);
  dispatchEvent(new HashChangeEvent('hashchange'));
}
