import { PERMISSIONS } from './permissions.js';

/** True for the procedures pages on any origin post to with the write key (`collect`, `consent`). */
export function isCollectorProcedure(path: string): boolean {
  return PERMISSIONS[path]?.access === 'writeKey';
}
