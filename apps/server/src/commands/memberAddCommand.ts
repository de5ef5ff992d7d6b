import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@parcours/store';
import { assertKeepsAnOwner } from './assertKeepsAnOwner.js';
import { CLI_ACTOR } from './cliActor.js';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { requireUser } from './requireUser.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const MEMBER_ADD_HELP = `Usage: parcours member add --project ID --email EMAIL --role ROLE [--db ./parcours.db]

Gives an existing user a role in a project (or changes their role). Prints one
JSON line: {"projectId":…,"userId":…,"role":…}.
Roles, from most to least powerful: ${ROLES.join(', ')}; owners manage members
and keys.

Options:
  --project ID   the project (required)
  --email EMAIL  the user's email; create them first with "parcours user create" (required)
  --role ROLE    one of the roles above (required)
  --db FILE      SQLite database file (default ./parcours.db)
  --help         show this help`;

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** `parcours member add`: a user joins a project with a role. */
export async function memberAddCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      project: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      ...DB_OPTION,
    },
    strict: true,
  });
  const { project: projectId, role } = values;
  const email = values.email?.trim();
  if (!projectId) throw new UsageError('--project is required');
  if (!email) throw new UsageError('--email is required');
  if (!role) throw new UsageError('--role is required');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const user = await requireUser(store, email, describeDatabase(values));
    const previousRole = await store.getRole(projectId, user.userId);
    await assertKeepsAnOwner(store, projectId, user.userId, role);
    await store.setMember(projectId, user.userId, role);
    await store.appendAudit({
      projectId,
      actor: CLI_ACTOR,
      action: 'member.added',
      target: user.email,
      detail: { role, previousRole: previousRole ?? null },
    });
    io.out(JSON.stringify({ projectId, userId: user.userId, role }));
    return 0;
  });
}
