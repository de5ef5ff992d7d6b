import { parseKeyFromFragment } from './parseKeyFromFragment.js';

/**
 * Takes the secret key out of the address bar (`#key=sk_…`, the URL the CLI prints)
 * and returns it. `history.replaceState` drops the fragment without a new history
 * entry, so the key is neither left on screen nor reachable with the back button.
 */
export function takeKeyFromUrl(): string | undefined {
  const key = parseKeyFromFragment(location.hash);
  if (key !== undefined) history.replaceState(history.state, '', location.pathname + location.search);
  return key;
}
