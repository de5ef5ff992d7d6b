/**
 * A `Store` method the ClickHouse engine does not implement yet: thrown instead of a
 * half answer, naming the method, so that a caller (and the API's error handler) can
 * say plainly what is missing. The list is in the package README.
 */
export class NotOnClickHouseError extends Error {
  override name = 'NotOnClickHouseError';
  constructor(readonly method: string) {
    super(`${method} is not available on the ClickHouse engine yet`);
  }
}

/** A method that always rejects with {@link NotOnClickHouseError}. */
export function notOnClickHouse(method: string): () => Promise<never> {
  return () => Promise.reject(new NotOnClickHouseError(method));
}
