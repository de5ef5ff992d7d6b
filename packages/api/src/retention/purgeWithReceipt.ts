import type { AuditActor, PurgeReceipt, Store } from '@parcours/store';

/** Who runs a purge on its own schedule (the server at start and daily). */
export const RETENTION_ACTOR: AuditActor = { kind: 'system', label: 'retention schedule' };

/**
 * Runs one project's retention purge and keeps its receipt in the audit log
 * (`privacy.purged`: the purge id, its cutoffs and the rows removed per table), as
 * the API, the CLI and the server's schedule all do. `now` defaults to the clock.
 */
export async function purgeWithReceipt(
  store: Store,
  projectId: string,
  options: { actor: AuditActor; now?: number | undefined; ip?: string | undefined },
): Promise<PurgeReceipt> {
  const receipt = await store.purge(projectId, options.now);
  const { purgeId, purgedAt, eventsBefore, ledgerEndedBefore, tables } = receipt;
  await store.appendAudit({
    projectId,
    actor: options.actor,
    action: 'privacy.purged',
    target: purgeId,
    detail: { purgeId, purgedAt, eventsBefore, ledgerEndedBefore, ...tables },
    ip: options.ip,
  });
  return receipt;
}
