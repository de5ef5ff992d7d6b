import { appRouter } from './appRouter.js';
import { PERMISSIONS } from './permissions.js';

/**
 * True for the procedures pages on any origin call with the write key (`collect`,
 * `consent`, `consent.config`).
 */
export function isCollectorProcedure(path: string): boolean {
  return PERMISSIONS[path]?.access === 'writeKey';
}

/**
 * The one HTTP method a collector procedure answers: GET for a query (`consent.config`,
 * which browsers and CDNs may cache), POST for the others.
 */
export function getCollectorMethod(path: string): 'GET' | 'POST' {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
  return procedures[path]?._def.type === 'query' ? 'GET' : 'POST';
}
