import { parseArgs } from 'node:util';
import { assertKeepsAnOwner } from './assertKeepsAnOwner.js';
import { CLI_ACTOR } from './cliActor.js';
import { CliError, UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { requireUser } from './requireUser.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const MEMBER_REMOVE_HELP = `Usage: parcours member remove --project ID --email EMAIL [--db ./parcours.db]

Takes a user out of a project (their account stays). Prints one JSON line:
  {"projectId":…,"userId":…,"removed":true}
A project keeps at least one owner: make another member owner first.

Options:
  --project ID   the project (required)
  --email EMAIL  the member's email (required)
  --db FILE      SQLite database file (default ./parcours.db)
  --help         show this help`;

/** `parcours member remove`: a user leaves a project. */
export async function memberRemoveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: 'string' }, email: { type: 'string' }, ...DB_OPTION },
    strict: true,
  });
  const projectId = values.project;
  const email = values.email?.trim();
  if (!projectId) throw new UsageError('--project is required');
  if (!email) throw new UsageError('--email is required');
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const user = await requireUser(store, email, describeDatabase(values));
    await assertKeepsAnOwner(store, projectId, user.userId, undefined);
    if (!(await store.removeMember(projectId, user.userId))) {
      throw new CliError(`${user.email} is not a member of ${projectId}`);
    }
    await store.appendAudit({ projectId, actor: CLI_ACTOR, action: 'member.removed', target: user.email });
    io.out(JSON.stringify({ projectId, userId: user.userId, removed: true }));
    return 0;
  });
}
