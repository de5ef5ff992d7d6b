/**
 * The secret key carried by a URL fragment such as `#key=sk_…`, the form of the
 * dashboard URL that `parcours start` prints. A fragment never reaches the server
 * (RFC 3986 §3.5) nor a `Referer` header, which is why the CLI puts the key there.
 *
 * Returns `undefined` when the fragment has no non-blank `key` parameter; other
 * parameters (`#key=…&x=1`) are ignored. Surrounding whitespace is trimmed.
 */
export function parseKeyFromFragment(fragment: string): string | undefined {
  const body = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  // A route fragment (`#/person?…`) is the app's own and never carries a key.
  if (body.startsWith('/')) return undefined;
  const key = new URLSearchParams(body).get('key')?.trim();
  return key ? key : undefined;
}
