import { DEFAULT_WEBHOOK_RETRY_POLICY, deliverDueWebhooks, type WebhookRetryPolicy } from '@parcours/api';
import { NotAvailableOnEngineError, type Store } from '@parcours/store';

export interface WebhookDeliveryOptions extends Partial<WebhookRetryPolicy> {
  /** How often the queue is looked at (a send also wakes it at once). Default 1 s. */
  pollMs?: number | undefined;
  /** Where a failed pass is reported. Default `console.error`. */
  logError?: ((message: string, error: unknown) => void) | undefined;
}

export interface WebhookDeliveries {
  /** Looks at the queue now (a delivery was queued). */
  wake(): void;
  stop(): void;
}

/**
 * Delivers the store's webhook queue in the background: at start (what a previous
 * process left), on every `wake()` and every `pollMs`, one pass at a time. The timer
 * is unref'd: it never keeps the process alive. An engine without webhooks stops it.
 */
export function startWebhookDeliveries(
  store: Store,
  options: WebhookDeliveryOptions = {},
): WebhookDeliveries {
  const { pollMs = 1_000, logError = console.error } = options;
  const policy: WebhookRetryPolicy = {
    baseDelayMs: options.baseDelayMs ?? DEFAULT_WEBHOOK_RETRY_POLICY.baseDelayMs,
    maxAttempts: options.maxAttempts ?? DEFAULT_WEBHOOK_RETRY_POLICY.maxAttempts,
    timeoutMs: options.timeoutMs ?? DEFAULT_WEBHOOK_RETRY_POLICY.timeoutMs,
  };
  let running = false;
  let again = false;
  let stopped = false;
  const timer = setInterval(() => void run(), pollMs);
  timer.unref();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };

  async function run(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        // A full batch may have left more due: pass again at once.
        if ((await deliverDueWebhooks(store, policy)) > 0) again = true;
      } while (again && !stopped);
    } catch (error) {
      // Stopped while a pass was on its way (the server closing, its store with it): the
      // attempts it could not record stay due, and the next start sends them again.
      if (stopped) return;
      if (error instanceof NotAvailableOnEngineError) stop();
      else logError('webhook delivery failed', error);
    } finally {
      running = false;
    }
  }

  void run();
  return { wake: () => void run(), stop };
}
