/**
 * Why a pasted value cannot be a secret key, in words for the sign-in form, or
 * `undefined` when it may be one. Only the shape is checked here; the server decides.
 * The common slip is pasting the public write key (`wk_…`) that the SDK snippet shows.
 */
export function describeKeyProblem(value: string): string | undefined {
  const key = value.trim();
  if (key === '') return 'Paste the secret key of your project.';
  if (key.startsWith('wk_')) {
    return 'That is the write key (wk_…), which web pages use to send touchpoints. The dashboard needs the secret key (sk_…).';
  }
  if (/\s/.test(key)) return 'A secret key has no spaces; check that you copied it whole.';
  return undefined;
}
