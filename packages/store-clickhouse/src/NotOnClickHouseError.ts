import { NotAvailableOnEngineError } from '@parcours/store';

/**
 * A method that always rejects with a `NotAvailableOnEngineError` naming it and the
 * ClickHouse engine (the API answers 501). The list is in the package README.
 */
export function notOnClickHouse(method: string): () => Promise<never> {
  return () => Promise.reject(new NotAvailableOnEngineError(method, 'ClickHouse'));
}
