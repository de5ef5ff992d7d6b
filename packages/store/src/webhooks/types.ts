/** Where a project sends person lists: a URL and the secret its bodies are signed with. */
export interface WebhookDestination {
  destinationId: string;
  projectId: string;
  name: string;
  url: string;
  createdBy: string;
  createdAt: number;
}

/** A destination as created: the only time its signing secret is shown. */
export interface CreatedWebhookDestination extends WebhookDestination {
  secret: string;
}

/** `pending` until a receiver answers 2xx (`delivered`) or the attempts run out (`failed`). */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One try of a delivery: when, the receiver's HTTP status (null: no answer), and what went wrong. */
export interface WebhookAttempt {
  at: number;
  status: number | null;
  error: string | null;
}

/** A delivery as its log shows it (never its body). */
export interface WebhookDelivery {
  deliveryId: string;
  destinationId: string;
  /** What was sent: `funnelDropoffs`, `persons`, `friction`… */
  source: string;
  persons: number;
  status: WebhookDeliveryStatus;
  createdAt: number;
  /** When the next try is due; null once delivered or failed. */
  nextAttemptAt: number | null;
  /** Earliest first. */
  attempts: WebhookAttempt[];
}

/** A delivery due for a try, with what the deliverer needs to make it. */
export interface DueWebhookDelivery {
  deliveryId: string;
  projectId: string;
  destinationId: string;
  url: string;
  secret: string;
  body: string;
  /** Tries made so far. */
  attempts: number;
}

/** The outcome of a try: the attempt, and when to try again (null: delivered or given up). */
export interface WebhookAttemptOutcome extends WebhookAttempt {
  delivered: boolean;
  nextAttemptAt: number | null;
}

/**
 * Webhook destinations and their deliveries: a persisted queue, so a delivery
 * survives a restart, and each attempt kept as the destination's delivery log.
 */
export interface WebhookStore {
  /** Makes a destination with a new random signing secret. */
  createWebhookDestination(input: {
    projectId: string;
    name: string;
    url: string;
    createdBy: string;
  }): Promise<CreatedWebhookDestination>;
  listWebhookDestinations(projectId: string): Promise<WebhookDestination[]>;
  /** Deletes a destination and its deliveries; false when the project has no such destination. */
  deleteWebhookDestination(projectId: string, destinationId: string): Promise<boolean>;
  /** Queues a body for the destination, due at `at`; undefined when the project has no such destination. */
  enqueueWebhookDelivery(input: {
    projectId: string;
    destinationId: string;
    source: string;
    persons: number;
    body: string;
    at: number;
  }): Promise<WebhookDelivery | undefined>;
  /** Pending deliveries due at `now`, oldest due first, at most `limit`, of every project. */
  getDueWebhookDeliveries(now: number, limit: number): Promise<DueWebhookDelivery[]>;
  /** Logs a try; a delivered or given-up delivery's body is blanked (it held person ids). */
  recordWebhookAttempt(deliveryId: string, outcome: WebhookAttemptOutcome): Promise<void>;
  /** The destination's deliveries, newest first, at most `limit`, each with its attempts. */
  listWebhookDeliveries(projectId: string, destinationId: string, limit: number): Promise<WebhookDelivery[]>;
}
