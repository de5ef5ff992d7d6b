import type { StoredEvent, Store } from '@parcours/store';

/**
 * Global Privacy Control on the server (issue 8): under `Sec-GPC: 1`, `marketing`
 * events are dropped whatever the batch claims, except those of a device whose latest
 * ledger record (by anonymous id) is an explicit marketing grant made with GPC on: the
 * visitor switched marketing on in the preferences knowing the browser said no. A GPC
 * default, a withdrawal, or a grant made without GPC does not count.
 */
export async function dropGpcMarketing<E extends Pick<StoredEvent, 'anonymousId' | 'category'>>(
  store: Pick<Store, 'getLatestConsent'>,
  projectId: string,
  events: readonly E[],
): Promise<E[]> {
  const optedIn = new Map<string, boolean>();
  for (const event of events) {
    if (event.category !== 'marketing' || optedIn.has(event.anonymousId)) continue;
    const latest = await store.getLatestConsent(projectId, event.anonymousId);
    optedIn.set(
      event.anonymousId,
      latest !== undefined &&
        latest.gpc &&
        latest.granted.includes('marketing') &&
        latest.action !== 'gpc_default' &&
        latest.action !== 'withdraw',
    );
  }
  return events.filter((event) => event.category !== 'marketing' || optedIn.get(event.anonymousId) === true);
}
