/**
 * A `Store` method this engine does not implement (yet): thrown instead of a half
 * answer, naming the method and the engine. The API answers it 501 Not Implemented
 * with this message, never a 500.
 */
export class NotAvailableOnEngineError extends Error {
  override name = 'NotAvailableOnEngineError';
  constructor(
    readonly method: string,
    readonly engine: string,
  ) {
    super(`${method} is not available on the ${engine} engine yet`);
  }
}
