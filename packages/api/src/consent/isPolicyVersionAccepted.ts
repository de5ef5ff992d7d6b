import type { ConsentPolicy } from '@parcours/store';

/**
 * Whether the collector stores a batch collected under `policyVersion` (issue 8):
 * it must have been published (versions are numbered 1 up to the current one, none
 * ever removed) and not be older than the current config's minimum. Without a
 * version (server-side and offline sources), only while no minimum is set.
 */
export function isPolicyVersionAccepted(policyVersion: number | undefined, policy: ConsentPolicy): boolean {
  const minimum = policy.minimumPolicyVersion;
  if (policyVersion === undefined) return minimum === null;
  return policyVersion >= 1 && policyVersion <= policy.policyVersion && policyVersion >= (minimum ?? 1);
}
