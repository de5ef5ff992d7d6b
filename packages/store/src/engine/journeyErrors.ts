/**
 * Errors the journey engine answers instead of stalling. The API turns them into
 * HTTP answers: a query too big for its budget is the caller's to change (400), a
 * busy or restarting engine is the caller's to retry (503 with `Retry-After`).
 */

/** The query asks for more than one query may: more property columns than the memory budget holds. */
export class QueryBudgetError extends Error {
  override readonly name = 'QueryBudgetError';
}

/** The engine cannot answer now (queue full, query took too long, engine restarting): retry later. */
export class JourneyEngineBusyError extends Error {
  override readonly name = 'JourneyEngineBusyError';

  constructor(
    message: string,
    /** Seconds the caller should wait before asking again. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
