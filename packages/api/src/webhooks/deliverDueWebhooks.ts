import type { DueWebhookDelivery, Store, WebhookAttemptOutcome } from '@parcours/store';
import { signWebhookBody, WEBHOOK_HEADERS } from './signWebhookBody.js';

/** How deliveries are retried. */
export interface WebhookRetryPolicy {
  /** The wait after the first failed try; each later wait doubles. Default 30 s. */
  baseDelayMs: number;
  /** Tries in all before a delivery is given up. Default 6 (the last about 16 minutes after the first). */
  maxAttempts: number;
  /** A receiver not answering within this fails the try. Default 10 s. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_RETRY_POLICY: WebhookRetryPolicy = {
  baseDelayMs: 30_000,
  maxAttempts: 6,
  timeoutMs: 10_000,
};

/** Deliveries one pass tries at most. */
const BATCH = 20;

/** The wait after the `attempt`-th failed try (1-based): base, 2 × base, 4 × base… */
export function getRetryDelay(attempt: number, baseDelayMs: number): number {
  return baseDelayMs * 2 ** (attempt - 1);
}

/** An HTTP status and an error text for the log; null status when no answer came. */
async function postDelivery(delivery: DueWebhookDelivery, timeoutMs: number) {
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Parcours-Webhooks/1',
        [WEBHOOK_HEADERS.signature]: signWebhookBody(delivery.secret, delivery.body),
        [WEBHOOK_HEADERS.delivery]: delivery.deliveryId,
      },
      body: delivery.body,
      signal: AbortSignal.timeout(timeoutMs),
      // A redirect could carry person ids to a host nobody configured.
      redirect: 'manual',
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { status: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { status: null, error: cause ?? (error as Error).message ?? String(error) };
  }
}

function toOutcome(
  delivery: DueWebhookDelivery,
  answer: { status: number | null; error: string | null },
  context: { at: number; policy: WebhookRetryPolicy },
): WebhookAttemptOutcome {
  const delivered = answer.error === null;
  const attempt = delivery.attempts + 1;
  const retry = !delivered && attempt < context.policy.maxAttempts;
  return {
    at: context.at,
    ...answer,
    delivered,
    nextAttemptAt: retry ? context.at + getRetryDelay(attempt, context.policy.baseDelayMs) : null,
  };
}

/**
 * One pass of the queue: tries every delivery due now (signed at the moment of the
 * try), logs each attempt and schedules the next with exponential backoff. Answers
 * how many were tried, so that a caller can pass again at once while work remains.
 */
export async function deliverDueWebhooks(
  store: Store,
  policy: WebhookRetryPolicy = DEFAULT_WEBHOOK_RETRY_POLICY,
): Promise<number> {
  const due = await store.getDueWebhookDeliveries(Date.now(), BATCH);
  await Promise.all(
    due.map(async (delivery) => {
      const at = Date.now();
      const answer = await postDelivery(delivery, policy.timeoutMs);
      await store.recordWebhookAttempt(delivery.deliveryId, toOutcome(delivery, answer, { at, policy }));
    }),
  );
  return due.length;
}
