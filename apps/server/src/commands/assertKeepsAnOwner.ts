import type { Role, Store } from '@parcours/store';
import { CliError } from './CliIo.js';

/**
 * Refuses to leave a project without an owner: giving its last owner another role
 * (`newRole`) or removing them (`newRole` undefined). Nobody could manage it after.
 */
export async function assertKeepsAnOwner(
  store: Store,
  projectId: string,
  userId: string,
  newRole: Role | undefined,
): Promise<void> {
  if (newRole === 'owner') return;
  const owners = (await store.listMembers(projectId)).filter((m) => m.role === 'owner');
  if (owners.length === 1 && owners[0]!.userId === userId) {
    throw new CliError(
      `${owners[0]!.email} is the last owner of ${projectId}; make another member owner first`,
    );
  }
}
