import type { AuditActor, Store } from '@parcours/store';
import type { Withdrawal } from './findWithdrawals.js';

/** Who erases a withdrawing device: the visitor's own decision, not a member. */
const WITHDRAWAL_ACTOR: AuditActor = { kind: 'system', label: 'consent withdrawal' };

/**
 * Erases the data of each withdrawing device (issue 9, item 3) when the project's
 * `withdrawalErases` is on (the default): a full withdrawal erases the device's events
 * and links, a partial one its events of the withdrawn categories. Each erasure's
 * receipt goes to the audit log (`privacy.withdrawalErased`), without the device's id.
 */
export async function eraseWithdrawals(
  store: Store,
  projectId: string,
  withdrawals: readonly Withdrawal[],
): Promise<void> {
  if (withdrawals.length === 0) return;
  if (!(await store.getRetention(projectId)).withdrawalErases) return;
  for (const { anonymousId, categories } of withdrawals) {
    const { requestId, erasedAt, tables } = await store.eraseDevice(projectId, anonymousId, { categories });
    await store.appendAudit({
      projectId,
      actor: WITHDRAWAL_ACTOR,
      action: 'privacy.withdrawalErased',
      target: requestId,
      detail: { requestId, erasedAt, categories: categories?.join(',') ?? 'all', ...tables },
    });
  }
}
